package org.acervo.problem;

import java.util.List;

/** Thrown when a phase ends with problems in the user's files; carries all of them. */
public final class BuildFailure extends RuntimeException {
    private final transient List<BuildProblem> problems;

    private final boolean outputChanged;

    public BuildFailure(List<BuildProblem> problems) {
        this(problems, false);
    }

    /** @param outputChanged the build failed while updating its output, and could not put it back as it was */
    public BuildFailure(List<BuildProblem> problems, boolean outputChanged) {
        super(problems.size() + " problem(s): " + (problems.isEmpty() ? "" : problems.get(0)), null, false, false);
        this.problems = List.copyOf(problems);
        this.outputChanged = outputChanged;
    }

    /** Whether the output was left partly updated (the next build completes it); otherwise it is as it was. */
    public boolean outputChanged() {
        return outputChanged;
    }

    public BuildFailure(BuildProblem problem) {
        this(List.of(problem));
    }

    public List<BuildProblem> problems() {
        return problems;
    }
}
