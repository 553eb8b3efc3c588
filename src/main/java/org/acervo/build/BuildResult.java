package org.acervo.build;

import java.util.List;
import java.util.Map;
import org.acervo.problem.BuildProblem;

/** What a successful build did: pages per language, files written, time taken, warnings, notes (page weight). */
public record BuildResult(Map<String, Integer> pagesPerLanguage, int filesWritten, double seconds, List<BuildProblem> warnings,
                          int skippedOtherLanguages, List<String> notes) {
    public String summary() {
        StringBuilder b = new StringBuilder();
        pagesPerLanguage.forEach((lang, n) -> b.append(b.length() == 0 ? "" : ", ").append(n).append(" pages in ").append(lang));
        return "Built " + b + "; " + filesWritten + " files written in " + String.format(java.util.Locale.ROOT, "%.2f", seconds) + " s";
    }
}
