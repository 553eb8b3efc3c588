package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.acervo.DemoSite;
import org.acervo.TreeHash;
import org.acervo.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel phases may finish in any order; what they write must not depend on it. */
class ThreadCountTest {
    @TempDir
    Path dir;

    private static int build(Path out, String threads) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        return Main.run(new PrintWriter(o, true), new PrintWriter(e, true), "build", "--source", DemoSite.source().toString(),
                "--output", out.toString(), "--threads", threads, "--fresh");
    }

    @Test
    void oneThreadAndManyThreadsWriteByteIdenticalSites() throws Exception {
        Path one = dir.resolve("one");
        Path many = dir.resolve("many");
        assertEquals(0, build(one, "1"));
        assertEquals(0, build(many, "5"));
        long files;
        try (Stream<Path> s = Files.walk(one)) {
            files = s.filter(Files::isRegularFile).count();
        }
        assertTrue(files > 500, "the whole demo was built: " + files + " files");
        for (String sample : List.of("es/index.html", "en/search/index.js", "sitemap.xml")) {
            assertEquals(Files.readString(one.resolve(sample)), Files.readString(many.resolve(sample)), sample);
        }
        assertEquals(TreeHash.of(one), TreeHash.of(many), "every file, byte for byte");
    }

    @Test
    void aThreadCountBelowOneIsRefused() {
        assertEquals(2, build(dir.resolve("none"), "0"));
    }
}
