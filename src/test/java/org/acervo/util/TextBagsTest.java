package org.acervo.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.acervo.search.SearchAnalyzer;
import org.junit.jupiter.api.Test;

/**
 * The related pages and the search index share their bags of words: a field made of several texts is the join of their
 * bags, which must be the bag of the joined text, and a text both ask for at once is analysed once.
 */
class TextBagsTest {
    private static void assertSameBag(TextBags.Bag expected, TextBags.Bag actual, String what) {
        assertArrayEquals(expected.terms(), actual.terms(), what + ": terms, in the order they first occur");
        assertArrayEquals(expected.counts(), actual.counts(), what + ": counts");
        assertEquals(expected.length(), actual.length(), what + ": number of words");
    }

    @Test
    void aFieldJoinedFromTheBagsOfItsTextsHasTheBagOfTheJoinedText() throws IOException {
        List<String> texts = new ArrayList<>(WordMemoTest.realText());
        texts.add(""); // an empty description
        texts.add("\u0301rboles y a\u0301rboles"); // a combining mark where a text starts: it joins no word of the text before
        texts.add("de la el the and of"); // stop words only
        texts.add("ma\uD800pa \uD83D\uDE00 niño NIÑO niños"); // a lone surrogate, an emoji, ñ kept
        Random random = new Random(8);
        for (String lang : List.of("es", "en")) {
            SearchAnalyzer chain = SearchAnalyzer.forLanguage(lang);
            WordMemo memo = chain.memo();
            TextBags bags = TextBags.inMemory();
            for (int round = 0; round < 300; round++) {
                List<String> parts = new ArrayList<>();
                for (int k = 1 + random.nextInt(4); k > 0; k--) parts.add(texts.get(random.nextInt(texts.size())));
                if (round % 7 == 0) parts.add(parts.get(0)); // a title twice, as the related pages' title field has it
                List<TextBags.Text> known = parts.stream().map(TextBags.Text::of).toList();
                for (String separator : List.of("\n", " ")) {
                    String joined = String.join(separator, parts);
                    TextBags.Bag whole = TextBags.Bag.of(memo.words(joined));
                    assertSameBag(whole, bags.of(SearchAnalyzer.bagsName(lang), memo, known), lang + ", " + parts);
                    List<TextBags.Bag> each = parts.stream().map(t -> TextBags.Bag.of(memo.words(t))).toList();
                    assertSameBag(whole, TextBags.Bag.joined(each), lang + ", " + parts);
                }
            }
        }
    }

    @Test
    void aTextTwoThreadsAskForAtOnceIsAnalysedOnce() throws Exception {
        TextBags bags = TextBags.inMemory();
        WordMemo memo = SearchAnalyzer.forLanguage("es").memo();
        String text = "Las ciudades comparten lo que aprenden sobre carriles exclusivos y buses";
        String key = Fingerprint.of(text);
        AtomicInteger made = new AtomicInteger(); // how often the text itself was asked for: once per analysis
        CountDownLatch analysing = new CountDownLatch(1);
        AtomicReference<Thread> asking = new AtomicReference<>();
        AtomicBoolean answered = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<TextBags.Bag> first = threads.submit(() -> bags.of("search-es", memo, key, () -> {
                made.incrementAndGet();
                analysing.countDown();
                // the text is handed over once the second thread waits for this bag (or, had it not waited, made its own)
                while (!answered.get() && (asking.get() == null || asking.get().getState() != Thread.State.WAITING)) Thread.onSpinWait();
                return text;
            }));
            Future<TextBags.Bag> second = threads.submit(() -> {
                analysing.await(); // the first thread is analysing the text
                asking.set(Thread.currentThread());
                try {
                    return bags.of("search-es", memo, key, () -> {
                        made.incrementAndGet();
                        return text;
                    });
                } finally {
                    answered.set(true);
                }
            });
            assertSameBag(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS), "the bag the second thread got");
            assertEquals(1, made.get(), "the text was analysed once, by the thread that asked first");
            assertEquals(1, bags.counts()[1], "one text analysed");
            assertTrue(bags.of("search-es", memo, key, () -> { throw new AssertionError("analysed again"); }).length() > 5);
        } finally {
            threads.shutdownNow();
        }
    }
}
