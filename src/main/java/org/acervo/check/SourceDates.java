package org.acervo.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * When each content file was last committed, from one {@code git log} over content/. Empty when
 * the site is not in a git repository or git is not installed: the translation report then
 * compares {@code lastmod} instead.
 */
public final class SourceDates {
    private final Map<String, Instant> committed;

    private SourceDates(Map<String, Instant> committed) {
        this.committed = Map.copyOf(committed);
    }

    public static SourceDates none() {
        return new SourceDates(Map.of());
    }

    /** Reads the history of {@code contentDir}; paths are relative to it, with forward slashes. */
    public static SourceDates fromGit(Path contentDir) {
        if (!Files.isDirectory(contentDir)) return none();
        Map<String, Instant> out = new HashMap<>();
        try {
            Process p = new ProcessBuilder("git", "-C", contentDir.toString(), "log", "--format=%x01%ct", "--name-only",
                    "--relative", "--no-renames", "--", ".").redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                Instant current = null;
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("\u0001")) {
                        current = Instant.ofEpochSecond(Long.parseLong(line.substring(1).trim()));
                    } else if (!line.isBlank() && current != null) {
                        out.putIfAbsent(unquote(line), current); // newest commit first
                    }
                }
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
            if (p.exitValue() != 0) return none();
        } catch (IOException | NumberFormatException | IllegalThreadStateException e) {
            return none();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none();
        }
        return new SourceDates(out);
    }

    /** The last commit that touched a content-relative path. */
    public Optional<Instant> committed(String contentRelative) {
        return Optional.ofNullable(committed.get(contentRelative));
    }

    // git quotes names with unusual characters unless core.quotePath is false; such names just get no date
    private static String unquote(String s) {
        return s.startsWith("\"") && s.endsWith("\"") && s.length() > 1 ? s.substring(1, s.length() - 1) : s;
    }
}
