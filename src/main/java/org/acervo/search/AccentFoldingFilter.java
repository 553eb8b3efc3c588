package org.acervo.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Removes accents by canonical decomposition ("gestión" becomes "gestion") but keeps ñ, which
 * is a letter of its own in Spanish: "año" (year) and "ano" must stay different words.
 */
final class AccentFoldingFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    AccentFoldingFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) return false;
        boolean ascii = true;
        for (int i = 0; i < term.length() && ascii; i++) ascii = term.charAt(i) < 0x80;
        if (!ascii) {
            String folded = SearchAnalyzer.fold(term.toString());
            term.setEmpty().append(folded);
        }
        return true;
    }
}
