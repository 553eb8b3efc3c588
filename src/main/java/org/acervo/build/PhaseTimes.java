package org.acervo.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall time spent in each phase of one build, for {@code acervo build --timings}: hosts with a
 * large library want to know where a slow build spends its time before they tune it.
 */
public final class PhaseTimes {
    private final List<String> names = new ArrayList<>();
    private final List<Long> nanos = new ArrayList<>();
    private final List<Long> cpuNanos = new ArrayList<>();
    private long last = System.nanoTime();
    private long lastCpu = cpu();

    /** CPU time of the whole process (all threads, the collector's too), when the JVM can tell. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Ends the phase that was running, giving it a name; the next phase starts now. */
    public synchronized void mark(String phase) {
        long now = System.nanoTime();
        long cpuNow = cpu();
        names.add(phase);
        nanos.add(now - last);
        cpuNanos.add(cpuNow - lastCpu);
        last = now;
        lastCpu = cpuNow;
    }

    /** The phases that took a millisecond or more, "name N ms", in the order they ran: for the preview's log. */
    public synchronized String summary() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            long ms = nanos.get(i) / 1_000_000;
            if (ms < 1) continue;
            b.append(b.length() == 0 ? "" : ", ").append(names.get(i)).append(' ').append(ms).append(" ms");
        }
        return b.toString();
    }

    /** One line per phase, "name  wall seconds  CPU seconds", in the order they ran. */
    public synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(String.format(Locale.ROOT, "%-22s %7.2f s wall %7.2f s CPU", names.get(i), nanos.get(i) / 1e9, cpuNanos.get(i) / 1e9));
        }
        return out;
    }
}
