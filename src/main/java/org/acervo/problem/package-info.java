/** Problems in user files: {@link org.acervo.problem.BuildProblem} with a {@link org.acervo.problem.SourceLocation}, collected per build. */
package org.acervo.problem;
