package org.acervo.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects the problems of one build from every phase, thread-safely, so that a build
 * reports all of them at once instead of stopping at the first.
 */
public final class Problems {
    private final ConcurrentLinkedQueue<BuildProblem> errors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<BuildProblem> warnings = new ConcurrentLinkedQueue<>();

    public void error(SourceLocation where, String what, String hint) {
        errors.add(new BuildProblem(where, what, hint));
    }

    public void error(Path file, int line, int column, String what, String hint) {
        error(new SourceLocation(file, line, column), what, hint);
    }

    public void add(BuildProblem p) {
        errors.add(p);
    }

    public void warn(SourceLocation where, String what, String hint) {
        warnings.add(new BuildProblem(where, what, hint));
    }

    /** Adds everything another collector gathered (e.g. one file's problems, checked on their own first). */
    public void addAll(Problems other) {
        errors.addAll(other.errors);
        warnings.addAll(other.warnings);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Errors sorted by file, line and column, duplicates removed. */
    public List<BuildProblem> errors() {
        return sorted(errors);
    }

    public List<BuildProblem> warnings() {
        return sorted(warnings);
    }

    /** Throws {@link BuildFailure} if any error was collected. Called at the end of each phase. */
    public void throwIfAny() {
        if (hasErrors()) throw new BuildFailure(errors());
    }

    private static List<BuildProblem> sorted(ConcurrentLinkedQueue<BuildProblem> q) {
        List<BuildProblem> list = new ArrayList<>(new java.util.LinkedHashSet<>(q));
        Collections.sort(list);
        return List.copyOf(list);
    }
}
