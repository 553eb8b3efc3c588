package org.acervo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BugReportTest {
    @TempDir
    Path dir;

    @Test
    void aBugSaysOneLineAndKeepsItsStackTraceInAFile() throws Exception {
        StringWriter err = new StringWriter();
        Exception bug = new java.util.ConcurrentModificationException("a list changed while it was read");
        int code = BugReport.report(bug, new PrintWriter(err, true), new String[] {"build", "--fresh"}, dir);

        assertEquals(70, code);
        String said = err.toString();
        assertTrue(said.startsWith("acervo: internal error: java.util.ConcurrentModificationException: a list changed"), said);
        assertFalse(said.contains("\tat "), "no stack trace on the terminal: " + said);
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), files.toString());
        assertTrue(said.contains(files.get(0).toString()), "the message names the file: " + said);
        String details = Files.readString(files.get(0));
        assertTrue(details.startsWith("command: acervo build --fresh\n"), details);
        assertTrue(details.contains("java.util.ConcurrentModificationException: a list changed while it was read"), details);
        assertTrue(details.contains("\tat org.acervo.cli.BugReportTest.aBugSaysOneLineAndKeepsItsStackTraceInAFile"), details);
    }

    @Test
    void whenNoFileCanBeWrittenTheMessageStillComes() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "");
        StringWriter err = new StringWriter();
        int code = BugReport.report(new IllegalStateException("x"), new PrintWriter(err, true), new String[] {"build"}, notAFolder);

        assertEquals(70, code);
        assertTrue(err.toString().contains("Please report it with the command you ran.\n")
                || err.toString().contains("Please report it with the command you ran." + System.lineSeparator()), err.toString());
    }
}
