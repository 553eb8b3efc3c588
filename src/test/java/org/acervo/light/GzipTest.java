package org.acervo.light;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipTest {
    /** Texts and bytes of every kind a build compresses: empty, pages of the demo library, and bytes that do not shrink. */
    private static List<byte[]> samples() throws IOException {
        List<byte[]> out = new ArrayList<>();
        out.add(new byte[0]);
        out.add("<p>Ciudad de México, São Paulo — «gestión urbana»</p>".getBytes(StandardCharsets.UTF_8));
        try (var files = Files.walk(Path.of("content"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().limit(40).forEach(p -> {
                try {
                    out.add(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        Random random = new Random(8);
        for (int size : new int[] {1, 100, 70_000, 300_000}) { // random bytes come out larger than they went in
            byte[] b = new byte[size];
            random.nextBytes(b);
            out.add(b);
        }
        return out;
    }

    @Test
    void theSameBytesAsGzipOutputStreamOneAfterAnotherOnOneThread() throws IOException {
        List<byte[]> samples = samples();
        for (byte[] s : samples) assertArrayEquals(Gzip.viaStream(s), Gzip.compress(s), s.length + " bytes");
    }

    @Test
    void whatItWritesReadsBackAsItWas() throws IOException {
        for (byte[] s : samples()) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Gzip.compress(s)))) {
                assertArrayEquals(s, in.readAllBytes());
            }
        }
    }
}
