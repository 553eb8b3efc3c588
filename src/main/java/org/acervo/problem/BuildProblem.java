package org.acervo.problem;

/**
 * One problem in a user's file: where, what is wrong, and how to fix it.
 * Printed as {@code path:line:col: what (hint)}.
 */
public record BuildProblem(SourceLocation where, String what, String hint) implements Comparable<BuildProblem> {
    public BuildProblem {
        if (where == null || what == null || what.isBlank()) throw new IllegalArgumentException("where and what are required");
        hint = hint == null ? "" : oneLine(hint);
        what = oneLine(what);
    }

    /** Messages are one line each, so that every problem is one line of the report. */
    private static String oneLine(String s) {
        String t = s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return t.length() > 400 ? t.substring(0, 397) + "..." : t;
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
