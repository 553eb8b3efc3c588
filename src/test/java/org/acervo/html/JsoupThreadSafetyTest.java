package org.acervo.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A build works on pages on all cores, each page in its own jsoup document; what one thread does to its document must
 * not reach another's. In jsoup 1.21 every element without children shared one static empty child list, and
 * {@code empty()} (which {@code text(String)} calls) cleared it, counting a change: a thread streaming an empty
 * element's children at that moment ({@code textNodes()}, as the Markdown renderer does) failed with
 * ConcurrentModificationException, about one build in 300 on two cores. This fails at once with that jsoup.
 */
class JsoupThreadSafetyTest {
    @Test
    void settingTheTextOfAnEmptyElementDoesNotDisturbOtherThreads() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            while (!stop.get()) new Element("b").text("x");
        });
        writer.start();
        int read = 0;
        try {
            for (; read < 1_000_000; read++) assertEquals(0, new Element("p").textNodes().size());
        } finally {
            stop.set(true);
            writer.join();
        }
        assertEquals(1_000_000, read);
    }
}
