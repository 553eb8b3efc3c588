package org.acervo.cli;

import java.io.PrintWriter;
import java.util.List;
import org.acervo.build.Progress;
import org.acervo.problem.BuildProblem;

/** How commands talk to the person at the terminal: problems first, then one summary line. */
final class Reporter {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;

    Reporter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        this.interactive = System.console() != null && System.getenv("CI") == null;
    }

    /** A one-line progress display, redrawn in place, only on an interactive terminal. */
    Progress progress() {
        if (!interactive) return Progress.NONE;
        long[] last = {0};
        return (name, done, total) -> {
            long now = System.nanoTime();
            if (done == total || now - last[0] > 200_000_000L) {
                last[0] = now;
                err.print("\r\033[K" + name + " " + done + "/" + total + (done == total ? "" : "…"));
                if (done == total) err.print("\r\033[K");
                err.flush();
            }
        };
    }

    void problems(List<BuildProblem> problems) {
        problems(problems, false);
    }

    /** @param outputChanged the output was left partly updated (a write failed and could not be undone) */
    void problems(List<BuildProblem> problems, boolean outputChanged) {
        for (BuildProblem p : problems) err.println(p);
        String state = outputChanged ? "the output was partly updated; the next build completes it." : "the output was not changed.";
        err.println(problems.size() == 1 ? "1 problem; " + state : problems.size() + " problems; " + state);
    }

    void warnings(List<BuildProblem> warnings) {
        for (BuildProblem w : warnings) err.println("warning: " + w);
    }

    void note(String s) {
        err.println("note: " + s);
    }

    void done(String summary) {
        out.println(summary);
    }
}
