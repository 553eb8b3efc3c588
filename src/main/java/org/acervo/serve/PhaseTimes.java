package org.acervo.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import org.acervo.build.Progress;

/** When each phase of a rebuild ended, in milliseconds from its start: shown after a rebuild, to see where time goes. */
final class PhaseTimes implements Progress {
    private final Map<String, Long> ends = new LinkedHashMap<>();
    private volatile long start = System.nanoTime();

    void restart() {
        synchronized (ends) {
            ends.clear();
        }
        start = System.nanoTime();
    }

    @Override
    public void phase(String name, int done, int total) {
        if (done == total) {
            synchronized (ends) {
                ends.put(name, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    @Override
    public String toString() {
        synchronized (ends) {
            StringBuilder b = new StringBuilder();
            ends.forEach((n, ms) -> b.append(b.length() == 0 ? "" : ", ").append(n.toLowerCase(java.util.Locale.ROOT)).append(" done at ").append(ms).append(" ms"));
            return b.toString();
        }
    }
}
