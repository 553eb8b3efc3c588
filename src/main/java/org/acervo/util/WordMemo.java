package org.acervo.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A Lucene analysis chain run once per distinct word: a text is only tokenized, and each word's analysed form (lower
 * case, folded, stemmed, or dropped as a stop word) is looked up in what this thread has analysed before. A large site
 * repeats the same few thousand words on every page, and the filters after the tokenizer were most of the cost of
 * analysing it. The words are the chain's own, with the same offsets: where a word alone does not come out of the
 * chain as one word or none, the whole text goes through the chain instead.
 *
 * <p>Only for chains whose filters each work on one word at a time and ignore the field name (no synonyms, shingles or
 * per-field steps), and whose words never share a position ({@link Words} has no position increments). The tokenizer
 * given must be the chain's own, set up alike (the same longest word), and any step before it must give the same text
 * when run again on one of its words, offsets unmoved (NFC does; a char filter that drops or maps characters does not):
 * each new word goes through the whole chain again on its own.
 *
 * <p>Thread-safe: the threads of a build share the words they have analysed, at most {@link #WORDS_KEPT} of them (about
 * 10 MB), whatever the number of cores.
 */
public final class WordMemo {
    /**
     * Distinct words a thread keeps; past this it starts again, so memory stays bounded on any site and any number of
     * cores. The most frequent words of a language (those a large site repeats) are far fewer.
     */
    static final int WORDS_KEPT = 100_000;
    private static final String DROPPED = new String("(dropped)"); // compared by identity
    private static final String NOT_ONE_WORD = new String("(not one word)");

    private final Analyzer tokenizer;
    private final Analyzer chain;
    private final ConcurrentHashMap<Object, String> known = new ConcurrentHashMap<>(4096); // Key to analysed word

    /** The words of a text: terms with their start and end offsets, {@code size} of them. */
    public record Words(String[] terms, int[] starts, int[] ends, int size) {}

    /**
     * @param tokenizer the chain's tokenizer alone, with the chain's {@code initReader} if it has one (see above)
     * @param chain     the whole chain
     */
    public WordMemo(Analyzer tokenizer, Analyzer chain) {
        this.tokenizer = tokenizer;
        this.chain = chain;
    }

    /** An analyzer that only tokenizes, with tokenizers from {@code tokenizer}: the first argument of a memo. */
    public static Analyzer tokenizerOnly(java.util.function.Supplier<org.apache.lucene.analysis.Tokenizer> tokenizer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(tokenizer.get());
            }
        };
    }

    /** The analysed words of a text, as the chain gives them. */
    public Words words(String text) {
        Builder out = new Builder();
        Probe probe = new Probe();
        try (TokenStream ts = tokenizer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String analysed = known.get(probe.of(term.buffer(), term.length()));
                if (analysed == null) {
                    String word = term.toString();
                    analysed = alone(word);
                    if (known.size() >= WORDS_KEPT) known.clear();
                    known.put(new Key(word.toCharArray(), probe.hash), analysed);
                }
                if (analysed == NOT_ONE_WORD) return whole(text);
                if (analysed != DROPPED) out.add(analysed, offset.startOffset(), offset.endOffset());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a String does not fail
        }
        return out.build();
    }

    /** A word through the whole chain: its analysed form, DROPPED, or NOT_ONE_WORD when it becomes something else. */
    private String alone(String word) {
        Words w = whole(word);
        if (w.size() == 0) return DROPPED;
        return w.size() == 1 && w.starts()[0] == 0 && w.ends()[0] == word.length() ? w.terms()[0] : NOT_ONE_WORD;
    }

    /** A text through the whole chain. */
    private Words whole(String text) {
        Builder out = new Builder();
        try (TokenStream ts = chain.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString(), offset.startOffset(), offset.endOffset());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.build();
    }

    /** A word kept: its characters and their hash. */
    private record Key(char[] chars, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(chars, k.chars);
        }
    }

    /** A word in the tokenizer's buffer, looked up among the keys without copying it: equal to the Key of its characters. */
    private static final class Probe {
        private char[] chars;
        private int length;
        private int hash;

        Probe of(char[] chars, int length) {
            this.chars = chars;
            this.length = length;
            int h = 0;
            for (int i = 0; i < length; i++) h = 31 * h + chars[i];
            this.hash = h;
            return this;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.chars, 0, k.chars.length, chars, 0, length);
        }
    }

    private static final class Builder {
        String[] terms = new String[16];
        int[] starts = new int[16];
        int[] ends = new int[16];
        int size;

        void add(String term, int start, int end) {
            if (size == terms.length) {
                terms = Arrays.copyOf(terms, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            terms[size] = term;
            starts[size] = start;
            ends[size++] = end;
        }

        Words build() {
            return new Words(terms, starts, ends, size);
        }
    }
}
