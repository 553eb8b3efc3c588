package org.acervo.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class WordMemoTest {
    private static Analyzer tokenizerOnly(java.util.function.Supplier<Tokenizer> t) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(t.get());
            }
        };
    }

    /** What the chain itself gives: "term@start-end" per word. */
    private static List<String> chain(Analyzer a, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            ts.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> memo(WordMemo m, String text) {
        WordMemo.Words w = m.words(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) out.add(w.terms()[i] + "@" + w.starts()[i] + "-" + w.ends()[i]);
        return out;
    }

    /** Paragraphs of real text in both languages: the demo library, and the rOpenSci corpus when it is beside the project. */
    static List<String> realText() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path corpus : List.of(Path.of("content"), Path.of("../shared/corpora/ropensci"))) {
            if (!Files.isDirectory(corpus)) continue;
            try (Stream<Path> files = Files.walk(corpus)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().limit(400).toList()) {
                    texts.addAll(List.of(Files.readString(f).split("\n\n")));
                }
            }
        }
        texts.add("The city's cadastre, the cities' cadastres: ÁRBOLES, árboles y arboles; R's syntax; C++ and +1.");
        texts.add("Decomposed accents: a\u0301rboles, informacio\u0301n, an\u0303o; composed: árboles, información, año.");
        texts.add("x".repeat(300) + " " + "palabra".repeat(40) + " end"); // words longer than a tokenizer keeps whole
        return texts;
    }

    @Test
    void givesEachChainsOwnWordsOnRealBilingualTextFromSeveralThreads() throws IOException {
        List<String> texts = realText();
        org.junit.jupiter.api.Assertions.assertTrue(texts.size() > 100, "a real sample: " + texts.size() + " paragraphs");
        Analyzer words = tokenizerOnly(StandardTokenizer::new);
        Map<String, Analyzer> chains = new java.util.LinkedHashMap<>();
        chains.put("Lucene's English analyzer", new EnglishAnalyzer());
        chains.put("Lucene's Spanish analyzer", new SpanishAnalyzer());
        org.acervo.glossary.TermAnalyzers glossary = new org.acervo.glossary.TermAnalyzers();
        chains.put("glossary, en", glossary.analyzer("en"));
        chains.put("glossary, es", glossary.analyzer("es"));
        for (Map.Entry<String, Analyzer> c : chains.entrySet()) {
            WordMemo memo = new WordMemo(words, c.getValue());
            for (int round = 0; round < 2; round++) { // the second round from what the first one kept
                texts.parallelStream().forEach(t -> assertEquals(chain(c.getValue(), t), memo(memo, t), c.getKey() + ": " + t));
            }
        }
        for (String lang : List.of("es", "en")) { // the search chain: NFC first, its own tokenizer
            org.acervo.search.SearchAnalyzer search = org.acervo.search.SearchAnalyzer.forLanguage(lang);
            WordMemo memo = search.memo();
            texts.parallelStream().forEach(t -> assertEquals(chain(search, t), memo(memo, t), "search, " + lang + ": " + t));
        }
    }

    @Test
    void dropsStopWordsAndFallsBackToTheWholeChainWhenAWordBecomesSeveral() throws IOException {
        Analyzer split = new Analyzer() { // "PowerShot" is two words, "Wi-Fi" too: not one word per word
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new WhitespaceTokenizer();
                return new TokenStreamComponents(t, new WordDelimiterGraphFilter(t,
                        WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE, null));
            }
        };
        WordMemo memo = new WordMemo(tokenizerOnly(WhitespaceTokenizer::new), split);
        String text = "a PowerShot camera and Wi-Fi";
        assertEquals(List.of("a@0-1", "Power@2-11", "Shot@2-11", "camera@12-18", "and@19-22", "Wi@23-28", "Fi@23-28"), memo(memo, text));
        assertEquals(chain(split, text), memo(memo, text));

        WordMemo english = new WordMemo(tokenizerOnly(StandardTokenizer::new), new EnglishAnalyzer());
        assertEquals(List.of("citi@4-10", "librari@15-24"), memo(english, "The cities and libraries"), "stop words dropped, words stemmed");
    }
}
