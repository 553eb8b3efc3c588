package org.acervo.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.acervo.util.WordMemo;

/**
 * The analysis chain of the search index, one per language: NFC, words of letters, digits
 * and combining marks, lower case, accents folded except ñ, the language's stop words, a
 * light stemmer (Spanish: Savoy's light stemmer; English: Harman's S-stemmer; others: none).
 *
 * <p>The theme's {@code search.js} runs the same chain on queries, step by step; every step
 * here is chosen so that the browser can repeat it exactly with standard JavaScript
 * ({@code String.normalize}, Unicode property classes). That is why folding is "decompose and
 * drop marks" rather than Lucene's ASCIIFoldingFilter table: the browser has the former
 * built in. A golden test checks both sides agree word for word.
 */
public final class SearchAnalyzer extends Analyzer {
    /** Words longer than this are split, as Lucene's CharTokenizer does. */
    static final int MAX_TOKEN_CHARS = 255;

    private final String stemmer;
    private final CharArraySet stopWords;

    private SearchAnalyzer(String stemmer, CharArraySet stopWords) {
        this.stemmer = stemmer;
        this.stopWords = stopWords;
    }

    /** The chain for a site language: Spanish and English get stop words and stemming, others only folding. */
    public static SearchAnalyzer forLanguage(String lang) {
        return switch (lang.toLowerCase(Locale.ROOT)) {
            case "es" -> new SearchAnalyzer("es", folded(SpanishAnalyzer.getDefaultStopSet()));
            case "en" -> new SearchAnalyzer("en", folded(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
            default -> new SearchAnalyzer("none", CharArraySet.EMPTY_SET);
        };
    }

    /** Stop words are matched after folding, so "más" and "mas" are both stop words. */
    private static CharArraySet folded(CharArraySet set) {
        CharArraySet out = new CharArraySet(set.size(), false);
        for (Object o : set) out.add(fold(new String((char[]) o)));
        return CharArraySet.unmodifiableSet(out);
    }

    /**
     * The name the build's bags of words ({@link org.acervo.util.TextBags}) give this language's chain: the search index
     * and the related pages look up the same bags under it.
     */
    public static String bagsName(String lang) {
        return "search-" + lang;
    }

    /** Which stemmer the browser must run: "es", "en" or "none". */
    public String stemmer() {
        return stemmer;
    }

    /** The folded stop words, sorted, for the manifest. */
    public List<String> stopWords() {
        TreeSet<String> out = new TreeSet<>();
        for (Object o : stopWords) out.add(new String((char[]) o));
        return List.copyOf(out);
    }

    /** The chain run once per distinct word and thread: the same words, far cheaper on a large site. */
    public WordMemo memo() {
        return new WordMemo(new Analyzer() { // the chain's tokenizer alone, on the same normalised text
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return nfc(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(CharTokenizer.fromTokenCharPredicate(SearchAnalyzer::wordChar));
            }
        }, this);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return nfc(reader);
    }

    private static Reader nfc(Reader reader) {
        // Composed and decomposed accents must give the same words; pages are small enough to read whole.
        try {
            char[] buf = new char[8192];
            int length = 0;
            for (int n; (n = reader.read(buf, length, buf.length - length)) > 0; ) {
                length += n;
                if (length == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            // below U+0300 every character is composed already and none combines with the one before it (all are
            // NFC_Quick_Check=Yes): most pages need no normalising, and no string (a builder of Latin-1 text compresses
            // every character it is given)
            boolean composed = true;
            for (int k = 0; k < length && composed; k++) composed = buf[k] < '\u0300';
            if (composed) return new java.io.CharArrayReader(buf, 0, length);
            return new StringReader(Normalizer.normalize(new String(buf, 0, length), Normalizer.Form.NFC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer words = CharTokenizer.fromTokenCharPredicate(SearchAnalyzer::wordChar);
        TokenStream s = new LowerCaseFilter(words);
        s = new AccentFoldingFilter(s);
        s = new StopFilter(s, stopWords);
        if (stemmer.equals("es")) s = new SpanishLightStemFilter(s);
        if (stemmer.equals("en")) s = new EnglishMinimalStemFilter(s);
        return new TokenStreamComponents(words, s);
    }

    static boolean wordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) return true;
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    /** Lower-case text without accents, keeping ñ: what AccentFoldingFilter does to one word. */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x80 || cp == 'ñ') {
                out.appendCodePoint(cp);
                return;
            }
            String d = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
            d.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(out::appendCodePoint);
        });
        return out.toString();
    }

    /** The terms of a text, in order: what the index holds for it and what a query looks up. */
    public List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
