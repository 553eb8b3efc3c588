package org.acervo.glossary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.acervo.util.WordMemo;

/**
 * The Lucene analysis chain used to compare words with glossary terms, per language:
 * standard tokenizer, lower case, accent folding, the language's light stemmer (KStem for English,
 * which undoes inflections without Porter's reach into derived words). Stop words are
 * kept on purpose, so that "community of practice" stays three adjacent tokens.
 * Analyzers are thread-safe; one instance per language is shared by the whole build.
 *
 * <p>The chain runs once per distinct word of a build (see {@link WordMemo}): stemming the same words again and again
 * was most of the cost of glossary linking.
 */
public final class TermAnalyzers {
    private final Map<String, Analyzer> byLang = new ConcurrentHashMap<>();
    private final Map<String, WordMemo> memos = new ConcurrentHashMap<>();
    private final Analyzer words = WordMemo.tokenizerOnly(StandardTokenizer::new); // the chain's tokenizer alone

    /** A word of a text: its analysed form and where it is in the text. */
    public record Token(String term, int start, int end) {}

    public Analyzer analyzer(String lang) {
        return byLang.computeIfAbsent(lang, TermAnalyzers::create);
    }

    /** The analysed tokens of a text, with their offsets in it. */
    public List<Token> tokens(String lang, String text) {
        WordMemo.Words w = memos.computeIfAbsent(lang, l -> new WordMemo(words, analyzer(l))).words(text);
        List<Token> out = new ArrayList<>(w.size());
        for (int i = 0; i < w.size(); i++) out.add(new Token(w.terms()[i], w.starts()[i], w.ends()[i]));
        return out;
    }

    /** The analysed words of a phrase (a term, a synonym), without offsets. */
    public List<String> terms(String lang, String phrase) {
        return tokens(lang, phrase).stream().map(Token::term).toList();
    }

    private static Analyzer create(String lang) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = source;
                if (lang.equals("en")) ts = new EnglishPossessiveFilter(ts);
                ts = new ASCIIFoldingFilter(new LowerCaseFilter(ts)); // fold first: "José" and "Jose" stem alike
                ts = switch (lang) {
                    case "en" -> new KStemFilter(ts); // inflections: "organization" is not "organ", as Porter would have it
                    case "es" -> new SpanishLightStemFilter(ts);
                    case "pt" -> new PortugueseLightStemFilter(ts);
                    case "fr" -> new FrenchLightStemFilter(ts);
                    case "it" -> new ItalianLightStemFilter(ts);
                    case "de" -> new GermanLightStemFilter(ts);
                    default -> ts;
                };
                return new TokenStreamComponents(source, ts);
            }
        };
    }
}
