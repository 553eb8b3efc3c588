package org.acervo.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build cache's files read back exactly what was written, or nothing. */
class CacheFilesTest {
    @TempDir
    Path dir;

    private static final List<String> TEXTS = List.of("agua", "¿qué?", "ma\uD83Dpa", "x\uDC00", "😀 emoji", "", "a".repeat(70_000));

    private Path written() throws Exception {
        Path file = dir.resolve("cache");
        CacheFiles.write(file, "test format 1", out -> {
            out.writeInt(TEXTS.size());
            for (String t : TEXTS) CacheFiles.writeString(out, t);
        });
        return file;
    }

    private static List<String> read(Path file) {
        return CacheFiles.read(file, "test format 1", in -> {
            List<String> out = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) out.add(CacheFiles.readString(in));
            return out;
        });
    }

    @Test
    void textsReadBackAsTheyWereWrittenLoneSurrogatesToo() throws Exception {
        assertEquals(TEXTS, read(written()));
    }

    @Test
    void aFileWithAnyByteChangedReadsAsAbsent() throws Exception {
        Path file = written();
        byte[] good = Files.readAllBytes(file);
        for (int at : new int[] {20, good.length / 2, good.length - 5, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x20;
            Files.write(file, bad);
            assertNull(read(file), "a byte changed at " + at);
        }
        Files.write(file, java.util.Arrays.copyOf(good, good.length - 3));
        assertNull(read(file), "cut short");
        Files.write(file, good);
        assertEquals(TEXTS, read(file));
    }

    @Test
    void aLoneSurrogateAndTheQuestionMarkUtf8WritesForItHaveDifferentFingerprints() {
        assertNotEquals(Fingerprint.of("doors?"), Fingerprint.of("doors\uD83D"));
        assertNotEquals(Fingerprint.of("doors\uDC00"), Fingerprint.of("doors\uD83D"));
        assertEquals(Fingerprint.of("doors?"), Fingerprint.of("doors?"));
        assertEquals(Fingerprint.of("puertas 😀"), Fingerprint.of("puertas \uD83D\uDE00"), "a pair is one character, as UTF-8 writes it");
    }

    /** Each text's place in the file, as a reader notes it for a later copy of the entry. */
    private static List<CacheFiles.Range> places(Path file) {
        return CacheFiles.readPlaced(file, "test format 1", (bytes, in) -> {
            List<CacheFiles.Range> out = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                int from = bytes.position(in);
                CacheFiles.readString(in);
                out.add(bytes.raw(from, bytes.position(in)));
            }
            return out;
        });
    }

    @Test
    void anEntryIsCopiedFromTheFileOnlyWhileTheFileStillHoldsIt() throws Exception {
        Path file = written();
        List<CacheFiles.Range> places = places(file);
        assertEquals(TEXTS.size(), places.size());
        Path copy = dir.resolve("copy");
        CacheFiles.write(copy, "test format 1", out -> {
            out.writeInt(TEXTS.size());
            try (CacheFiles.Copier from = CacheFiles.copier(file)) {
                for (CacheFiles.Range r : places) out.write(from.copy(r));
            }
        });
        assertEquals(TEXTS, read(copy), "the copied entries read back as the texts written");
        // the file replaced meanwhile (another build): the same places hold other bytes, which are not copied
        CacheFiles.write(file, "test format 1", out -> {
            out.writeInt(TEXTS.size());
            for (String t : TEXTS) CacheFiles.writeString(out, t.isEmpty() ? "x" : t.toUpperCase(java.util.Locale.ROOT) + "!");
        });
        try (CacheFiles.Copier from = CacheFiles.copier(file)) {
            assertNull(from.copy(places.get(0)));
            assertNull(from.copy(places.get(places.size() - 1)), "past the end of a shorter file, or other bytes");
        }
        try (CacheFiles.Copier none = CacheFiles.copier(dir.resolve("absent"))) {
            assertNull(none.copy(places.get(0)));
        }
    }
}
