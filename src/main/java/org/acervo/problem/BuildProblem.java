package org.acervo.problem;

/**
 * One problem in a user's file: where, what is wrong, and how to fix it.
 * Printed as {@code path:line:col: what (hint)}.
 */
public record BuildProblem(SourceLocation where, String what, String hint) implements Comparable<BuildProblem> {
    public BuildProblem {
        if (where == null || what == null || what.isBlank()) throw new IllegalArgumentException("where and what are required");
        hint = hint == null ? "" : hint;
        // one problem, one line: a quoted link text or value may span lines in the source
        what = what.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        hint = hint.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    @Override
    public String toString() {
        return where + ": " + what + (hint.isBlank() ? "" : " (" + hint + ")");
    }

    @Override
    public int compareTo(BuildProblem o) {
        int c = where.compareTo(o.where);
        return c != 0 ? c : what.compareTo(o.what);
    }
}
