package org.acervo.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Files a build is about to look at, looked up or read ahead on threads of their own, while the build does other work.
 * On a disk whose cache is cold, tens of thousands of lookups one after the other took a second or more; the disk
 * answers several at once, and eight under way take a fraction of that (git looks up the files of its index ahead
 * the same way). Only the system's caches are warmed: the build asks for each file again when it needs it, so a file
 * changed meanwhile is seen as it is then, and a file that cannot be read is the build's to report.
 */
public final class LookAhead {
    private static final int THREADS = 8;

    private LookAhead() {}

    /** Looks up the attributes of each file (sorted: each thread takes a run of neighbours, its own folders). */
    public static void attributes(List<Path> files) {
        start(files, p -> Files.readAttributes(p, BasicFileAttributes.class));
    }

    /** Reads each file (small ones: sources), so that reading it again comes from memory. */
    public static void contents(List<Path> files) {
        contents(files, p -> true);
    }

    /** Reads each file that {@code wanted} says the build will read (it may look the file up first, on these threads). */
    public static void contents(List<Path> files, java.util.function.Predicate<Path> wanted) {
        byte[] sink = new byte[1 << 16];
        start(files, p -> {
            if (!wanted.test(p) || !Files.isRegularFile(p)) return; // a folder, a device or a pipe is not read
            try (InputStream in = Files.newInputStream(p)) {
                while (in.read(sink) > 0) { // a shared buffer: what it holds is never looked at
                }
            }
        });
    }

    private interface Step {
        void on(Path p) throws IOException;
    }

    private static void start(List<Path> files, Step step) {
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(null);
        int per = (sorted.size() + THREADS - 1) / THREADS;
        for (int t = 0; t < THREADS && t * per < sorted.size(); t++) {
            List<Path> run = sorted.subList(t * per, Math.min(sorted.size(), (t + 1) * per));
            Thread thread = new Thread(() -> {
                for (Path p : run) {
                    try {
                        step.on(p);
                    } catch (IOException | RuntimeException e) {
                        // gone or odd: the build finds out when it gets there
                    }
                }
            }, "acervo-look-ahead");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }
}
