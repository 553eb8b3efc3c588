package org.acervo.problem;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * A place in a user's file: path relative to the site folder, 1-based line and column.
 * Line 0 means "the file as a whole".
 */
public record SourceLocation(Path file, int line, int column) implements Comparable<SourceLocation> {
    private static final Comparator<SourceLocation> ORDER = Comparator
            .comparing((SourceLocation l) -> l.file().toString().replace('\\', '/'))
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column);

    public SourceLocation {
        if (file == null) throw new IllegalArgumentException("file");
        line = Math.max(0, line);
        column = Math.max(0, column);
    }

    public static SourceLocation of(Path file) {
        return new SourceLocation(file, 0, 0);
    }

    public static SourceLocation at(Path file, int line) {
        return new SourceLocation(file, line, 1);
    }

    @Override
    public String toString() {
        String p = file.toString().replace('\\', '/');
        if (line == 0) return p;
        return p + ":" + line + ":" + Math.max(1, column);
    }

    @Override
    public int compareTo(SourceLocation o) {
        return ORDER.compare(this, o);
    }
}
