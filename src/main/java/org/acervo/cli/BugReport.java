package org.acervo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a bug in Acervo (an exception no check turned into a problem in the content) tells the editor: one line on the
 * terminal, no stack trace, and a file for the report that holds it, with the command, the version and the runtime.
 * A rare failure (a race between threads) cannot be asked to happen again; the file keeps what it said.
 */
final class BugReport {
    static final int EXIT = 70;

    private BugReport() {}

    /** Tells {@code err} of the bug and where its details went; returns the exit code. */
    static int report(Throwable ex, PrintWriter err, String[] args, Path folder) {
        err.println("acervo: internal error: " + ex);
        Optional<Path> details = write(ex, args, folder);
        err.println("This is a bug in Acervo, not in your content. Please report it with the command you ran"
                + details.map(p -> " and the file " + p).orElse("") + ".");
        return EXIT;
    }

    /** The details in a new file in {@code folder}, or nothing when it cannot be written. */
    static Optional<Path> write(Throwable ex, String[] args, Path folder) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            out.println("command: acervo " + String.join(" ", args));
            out.println("version: " + new Main.Version().getVersion()[0]);
            out.println("java: " + System.getProperty("java.vm.name") + " " + Runtime.version() + " on " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
            out.println("time: " + java.time.OffsetDateTime.now());
            out.println();
            ex.printStackTrace(out);
        }
        try {
            Files.createDirectories(folder);
            Path file = Files.createTempFile(folder, "acervo-bug-", ".txt");
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
