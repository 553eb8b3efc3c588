package org.acervo.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.problem.BuildProblem;

/**
 * Everything {@code acervo check} found. {@code links} is empty when the site could not be built
 * (then {@code buildProblems} says why); translations and rules come from the sources and are
 * always there.
 */
public record CheckReport(Optional<LinkChecker.Result> links, List<ExternalLinkChecker.Outcome> external, boolean externalChecked,
                          TranslationReport translations, List<BuildProblem> ruleProblems, List<BuildProblem> buildProblems,
                          CheckThresholds thresholds) {

    public int brokenExternal() {
        return (int) external.stream().filter(o -> o.checked() && !o.ok()).count();
    }

    /** Why the check fails, one line each; empty when it passes. */
    public List<String> failures() {
        List<String> out = new ArrayList<>();
        if (!buildProblems.isEmpty()) out.add("the site does not build (" + buildProblems.size() + " problem(s))");
        int broken = links.map(l -> l.broken().size()).orElse(0);
        if (CheckThresholds.exceeded(broken, thresholds.brokenLinks())) out.add(broken + " broken link(s)");
        if (externalChecked && CheckThresholds.exceeded(brokenExternal(), thresholds.brokenExternal())) {
            out.add(brokenExternal() + " broken external link(s)");
        }
        if (CheckThresholds.exceeded(ruleProblems.size(), thresholds.ruleProblems())) {
            out.add(ruleProblems.size() + " front matter rule problem(s)");
        }
        if (CheckThresholds.exceeded(translations.missingCount(), thresholds.missingTranslations())) {
            out.add(translations.missingCount() + " missing translation(s), more than the " + thresholds.missingTranslations() + " allowed");
        }
        if (CheckThresholds.exceeded(translations.staleCount(), thresholds.staleTranslations())) {
            out.add(translations.staleCount() + " stale translation(s), more than the " + thresholds.staleTranslations() + " allowed");
        }
        return out;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ok", failures().isEmpty());
        root.put("failures", failures());
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("built", links.isPresent());
        l.put("pages", links.map(LinkChecker.Result::pagesChecked).orElse(0));
        l.put("checked", links.map(LinkChecker.Result::linksChecked).orElse(0));
        l.put("broken", links.map(r -> r.broken().stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("page", b.page());
            m.put("target", b.target());
            m.put("reason", b.reason());
            return (Object) m;
        }).toList()).orElse(List.of()));
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("checked", externalChecked);
        List<Object> list = new ArrayList<>();
        Map<String, ExternalLinkChecker.Outcome> byUrl = new LinkedHashMap<>();
        external.forEach(o -> byUrl.put(o.url(), o));
        links.ifPresent(r -> r.external().forEach((url, pages) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", url);
            m.put("pages", new ArrayList<>(pages));
            ExternalLinkChecker.Outcome o = byUrl.get(url);
            if (o != null) {
                m.put("status", o.status());
                m.put("ok", o.ok());
                if (!o.error().isEmpty()) m.put("error", o.error());
            }
            list.add(m);
        }));
        ext.put("links", list);
        l.put("external", ext);
        root.put("links", l);
        root.put("translations", translations.toJson());
        root.put("frontMatter", problems(ruleProblems));
        root.put("build", problems(buildProblems));
        return root;
    }

    private static List<Object> problems(List<BuildProblem> ps) {
        return ps.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.where().file().toString().replace('\\', '/'));
            m.put("line", p.where().line());
            m.put("column", p.where().column());
            m.put("what", p.what());
            m.put("hint", p.hint());
            m.put("message", p.toString());
            return (Object) m;
        }).toList();
    }

    public String json() {
        return Json.write(toJson());
    }
}
