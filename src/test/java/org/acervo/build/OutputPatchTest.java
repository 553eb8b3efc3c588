package org.acervo.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that kept most of the last output patches it: a journal names the staged files and the files to delete, then
 * both are done. A build killed while patching leaves the journal; the next build completes it before anything else.
 */
class OutputPatchTest {
    @TempDir
    Path dir;

    /** An output as a build left it, and a staging folder with one new version of a page, as a killed build leaves them. */
    private Path killedWhilePatching(boolean journalWhole) throws Exception {
        Path out = dir.resolve("public");
        Files.createDirectories(out.resolve("es/agua"));
        Files.createDirectories(out.resolve("es/viejo"));
        Files.writeString(out.resolve(OutputWriter.MARKER), "");
        Files.writeString(out.resolve("es/agua/index.html"), "old water");
        Files.writeString(out.resolve("es/kept.html"), "kept");
        Files.writeString(out.resolve("es/viejo/index.html"), "a page the build no longer makes");
        Path staging = dir.resolve(".public.staging-123");
        Files.createDirectories(staging.resolve("es/agua"));
        Files.createDirectories(staging.resolve("es/nuevo"));
        Files.writeString(staging.resolve("es/agua/index.html"), "new water");
        Files.writeString(staging.resolve("es/nuevo/index.html"), "a new page");
        List<String> journal = new java.util.ArrayList<>(List.of(".public.staging-123", "es/agua/index.html", "es/nuevo/index.html", "",
                "es/viejo/index.html", "", "es/viejo", "-- end --"));
        if (!journalWhole) journal = journal.subList(0, 3);
        Files.write(dir.resolve(".public.patch-123"), journal);
        return out;
    }

    @Test
    void aPatchCutShortByAKilledBuildIsCompletedByTheNextBuild() throws Exception {
        Path out = killedWhilePatching(true);
        new OutputWriter(out).recoverInterruptedSwap();
        assertEquals("new water", Files.readString(out.resolve("es/agua/index.html")));
        assertEquals("a new page", Files.readString(out.resolve("es/nuevo/index.html")));
        assertEquals("kept", Files.readString(out.resolve("es/kept.html")));
        assertFalse(Files.exists(out.resolve("es/viejo")), "the stale page and the folder it leaves empty are gone");
        try (var s = Files.list(dir)) {
            assertEquals(List.of("public"), s.map(p -> p.getFileName().toString()).toList(), "no journal or staging folder left");
        }
    }

    @Test
    void aJournalNotWrittenToItsEndIsDroppedAndTheOutputStaysAsItWas() throws Exception {
        Path out = killedWhilePatching(false);
        new OutputWriter(out).recoverInterruptedSwap();
        assertEquals("old water", Files.readString(out.resolve("es/agua/index.html")));
        assertTrue(Files.exists(out.resolve("es/viejo/index.html")));
        assertFalse(Files.exists(out.resolve("es/nuevo")));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("public"), s.map(p -> p.getFileName().toString()).toList(), "no journal or staging folder left");
        }
    }
}
