package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The preview's search index: made on a background thread once the editor pauses, and given up when a newer build starts. */
class PreviewSearchIndexTest {
    private static List<OutputFile> index(String marker) {
        return List.of(OutputFile.text("es/search/index.js", marker));
    }

    /** What an index says (its one file's text). */
    private static String said(List<OutputFile> index) {
        return index.size() + ":" + new String(index.get(0).bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aBuildStopsTheIndexUnderWayAndTheNewestIndexIsServed() throws Exception {
        BuildSession session = BuildSession.live();
        assertEquals("1:first", said(session.searchIndex(() -> index("first"))), "the first build waits for its index");

        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch served = new CountDownLatch(1);
        session.onSearchIndex((old, fresh) -> {
            if (said(fresh).equals("1:third")) served.countDown();
        });

        session.buildStarts();
        List<OutputFile> shown = session.searchIndex(() -> { // an index that runs until it is stopped
            runs.incrementAndGet();
            started.countDown();
            while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait();
            stopped.countDown();
            throw new CancellationException("stopped");
        });
        assertEquals("1:first", said(shown), "a rebuild serves the index it has");
        session.buildEnds();
        assertTrue(started.await(60, TimeUnit.SECONDS), "indexing starts once the builds pause");

        session.buildStarts(); // the editor saves again
        assertTrue(stopped.await(60, TimeUnit.SECONDS), "the index under way is given up");
        session.searchIndex(() -> index("third"));
        session.buildEnds();
        assertTrue(served.await(60, TimeUnit.SECONDS), "the newest build's index is made and served");
        assertEquals("1:third", said(session.currentSearchIndex()));
        assertEquals(1, runs.get(), "the stopped index is not made again: a newer one was wanted");
    }
}
