package org.acervo.light;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    /** Each page's path in the site ({@code es/guias/index.html}). */
    public String[] files;
    /** The path of every page of the site. */
    public Set<String> paths;

    @Setup
    public void read() throws IOException {
        Path root = Path.of(site);
        List<Path> found;
        try (Stream<Path> walk = Files.walk(root)) {
            found = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        if (found.isEmpty()) throw new IllegalStateException("no .html files under " + site + " (build a site there first)");
        paths = new HashSet<>();
        for (Path p : found) paths.add(relative(root, p));
        bytes = new byte[COUNT][];
        texts = new String[COUNT];
        files = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            Path p = found.get((int) ((long) i * found.size() / COUNT));
            try {
                bytes[i] = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            texts[i] = new String(bytes[i], StandardCharsets.UTF_8);
            files[i] = relative(root, p);
        }
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
