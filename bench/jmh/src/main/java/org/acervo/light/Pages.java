package org.acervo.light;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@value #COUNT} finished pages of a built site (every page's HTML file, taken evenly across the sorted list), the
 * input of the per-page benchmarks. The run script builds the demo library and passes its output as {@code -p site=...}.
 */
@State(Scope.Benchmark)
public class Pages {
    /** Pages per benchmark operation: every figure JMH prints is for this many pages. */
    public static final int COUNT = 200;

    @Param("target/site")
    public String site;

    public byte[][] bytes;
    public String[] texts;

    @Setup
    public void read() throws IOException {
        List<Path> all;
        try (Stream<Path> files = Files.walk(Path.of(site))) {
            all = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        if (all.isEmpty()) throw new IllegalStateException("no .html files under " + site + " (build a site there first)");
        bytes = new byte[COUNT][];
        texts = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            Path p = all.get((int) ((long) i * all.size() / COUNT));
            try {
                bytes[i] = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            texts[i] = new String(bytes[i], StandardCharsets.UTF_8);
        }
    }
}
