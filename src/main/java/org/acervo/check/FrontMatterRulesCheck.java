package org.acervo.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.acervo.config.SectionRules;
import org.acervo.config.SiteConfig;
import org.acervo.content.FrontMatter;
import org.acervo.content.SourceFile;
import org.acervo.problem.BuildProblem;
import org.acervo.problem.SourceLocation;
import org.acervo.problem.Suggestions;

/** Checks each page's front matter against the {@code rules:} of its section in site.yaml. */
public final class FrontMatterRulesCheck {
    private final SiteConfig config;

    public FrontMatterRulesCheck(SiteConfig config) {
        this.config = config;
    }

    public List<BuildProblem> check(SourceSurvey survey) {
        List<BuildProblem> out = new ArrayList<>();
        if (config.rules().isEmpty()) return out;
        for (SourceFile s : survey.sources()) {
            SectionRules rules = config.rules().get(s.section());
            FrontMatter m = survey.meta().get(s.relative());
            if (rules == null || m == null || s.kind() == SourceFile.Kind.BRANCH) continue; // section texts are not items
            SourceLocation top = SourceLocation.at(s.shown(), 1);
            for (String key : rules.required()) {
                if (values(m, key).isEmpty()) {
                    out.add(new BuildProblem(top, "the front matter has no '" + key + "', which every page of '" + s.section() + "' needs",
                            "add a line " + key + ": ... between the --- lines (rules for " + s.section() + " in site.yaml, line "
                                    + rules.where().line() + ")"));
                }
            }
            rules.allowed().forEach((key, allowed) -> {
                for (String v : values(m, key)) {
                    if (allowed.contains(v)) continue;
                    out.add(new BuildProblem(m.where(key, top), "'" + v + "' is not an allowed " + key + " in '" + s.section() + "'",
                            Suggestions.nearest(v, allowed).map(n -> "did you mean '" + n + "'? ").orElse("")
                                    + "allowed: " + String.join(", ", allowed)));
                }
            });
        }
        out.sort(null);
        return out;
    }

    /** A key's values as text: taxonomy terms, a list's items, or a single value; empty when absent or blank. */
    static List<String> values(FrontMatter m, String key) {
        if (config(m, key).isPresent()) return m.terms(key);
        Object v = switch (key) {
            case "title" -> m.title();
            case "description" -> m.description();
            case "date" -> m.date().orElse(null);
            case "lastmod" -> m.lastmod().orElse(null);
            default -> m.params().get(key);
        };
        if (v == null) return List.of();
        if (v instanceof Collection<?> c) return c.stream().filter(x -> x != null).map(String::valueOf).filter(x -> !x.isBlank()).toList();
        String s = String.valueOf(v);
        return s.isBlank() ? List.of() : List.of(s);
    }

    private static Optional<List<String>> config(FrontMatter m, String key) {
        return Optional.ofNullable(m.taxonomies().get(key));
    }
}
