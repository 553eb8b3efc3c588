package org.acervo.glossary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
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
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The Lucene analysis chain used to compare words with glossary terms, per language:
 * standard tokenizer, lower case, accent folding, the language's light stemmer (KStem for English,
 * which undoes inflections without Porter's reach into derived words). Stop words are
 * kept on purpose, so that "community of practice" stays three adjacent tokens.
 * Analyzers are thread-safe; one instance per language is shared by the whole build.
 *
 * <p>Every step after the tokenizer works on one word at a time, so {@link #tokens} runs them once per distinct word
 * and thread: a page's text is tokenized, and each word's analysed form is looked up in what this thread has already
 * analysed (a large site repeats the same few thousand words; stemming them again and again was most of the cost of
 * glossary linking).
 */
public final class TermAnalyzers {
    /** Distinct words a thread keeps per language; past this it starts again (memory stays bounded on any site). */
    private static final int MEMO_WORDS = 100_000;

    private final Map<String, Analyzer> byLang = new ConcurrentHashMap<>();
    private final Analyzer words = new Analyzer() { // the chain's tokenizer alone
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source);
        }
    };
    // per thread and language: a word as the tokenizer gave it, to its analysed form (NOT_ONE_WORD: analyse whole texts)
    private final ThreadLocal<Map<String, CharArrayMap<String>>> memo = ThreadLocal.withInitial(java.util.HashMap::new);
    private static final String NOT_ONE_WORD = new String("\0");

    /** A word of a text: its analysed form and where it is in the text. */
    public record Token(String term, int start, int end) {}

    public Analyzer analyzer(String lang) {
        return byLang.computeIfAbsent(lang, TermAnalyzers::create);
    }

    /** The analysed tokens of a text, with their offsets in it: what the whole chain gives, one word analysed once. */
    public List<Token> tokens(String lang, String text) {
        CharArrayMap<String> known = memo.get().computeIfAbsent(lang, l -> new CharArrayMap<>(1024, false));
        if (known.size() > MEMO_WORDS) known.clear();
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = words.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String analysed = known.get(term.buffer(), 0, term.length());
                if (analysed == null) {
                    String word = term.toString();
                    analysed = oneWord(lang, word);
                    known.put(word, analysed);
                }
                if (analysed == NOT_ONE_WORD) return analysed(lang, text);
                out.add(new Token(analysed, offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a String does not fail
        }
        return out;
    }

    /** A word through the whole chain: its one analysed form, or NOT_ONE_WORD if the chain makes it anything else. */
    private String oneWord(String lang, String word) {
        List<Token> t = analysed(lang, word);
        return t.size() == 1 && t.get(0).start() == 0 && t.get(0).end() == word.length() ? t.get(0).term() : NOT_ONE_WORD;
    }

    /** A text through the whole chain, word after word. */
    private List<Token> analysed(String lang, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer(lang).tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a String does not fail
        }
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
