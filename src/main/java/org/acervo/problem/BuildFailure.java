package org.acervo.problem;

import java.util.List;

/** Thrown when a phase ends with problems in the user's files; carries all of them. */
public final class BuildFailure extends RuntimeException {
    private final transient List<BuildProblem> problems;

    public BuildFailure(List<BuildProblem> problems) {
        super(problems.size() + " problem(s): " + (problems.isEmpty() ? "" : problems.get(0)), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public BuildFailure(BuildProblem problem) {
        this(List.of(problem));
    }

    public List<BuildProblem> problems() {
        return problems;
    }
}
