package org.acervo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.acervo.build.BuildOptions;
import org.acervo.check.CheckReport;
import org.acervo.check.CheckThresholds;
import org.acervo.check.ExternalLinkChecker;
import org.acervo.check.LinkChecker;
import org.acervo.check.SiteChecker;
import org.acervo.check.TranslationReport;
import org.acervo.problem.BuildFailure;
import org.acervo.problem.BuildProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code acervo check}: links, translations and front matter rules, as text or JSON. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check links, translations and front matter rules. Exit 1 when something fails.")
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Option(names = "--source", description = "The site folder. Default: the current folder.", defaultValue = ".")
    Path source;

    @Option(names = "--format", description = "text (default) or json.", defaultValue = "text")
    Format format;

    @Option(names = "--external", description = "Also check external links (with a cache and a time limit).")
    boolean external;

    @Option(names = "--external-time-limit", description = "Longest time for all external checks, in seconds. Default: 60.",
            defaultValue = "60")
    int externalSeconds;

    @Option(names = "--cache", description = "Cache of external answers. Default: .acervo/external-links.tsv in the site folder.")
    Path cache;

    @Option(names = "--drafts", description = "Check drafts and future pages too.")
    boolean drafts;

    @Option(names = "--max-broken-links", description = "Broken internal links tolerated. Default: 0.", defaultValue = "0")
    int maxBroken;

    @Option(names = "--max-broken-external", description = "Broken external links tolerated (with --external). Default: 0.",
            defaultValue = "0")
    int maxBrokenExternal;

    @Option(names = "--max-rule-problems", description = "Front matter rule problems tolerated. Default: 0.", defaultValue = "0")
    int maxRules;

    @Option(names = "--max-missing", description = "Missing translations tolerated; -1 (default): any number.", defaultValue = "-1")
    int maxMissing;

    @Option(names = "--max-stale", description = "Stale translations tolerated; -1 (default): any number.", defaultValue = "-1")
    int maxStale;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Reporter reporter = new Reporter(spec.commandLine().getOut(), spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        Path cacheFile = cache != null ? cache : source.resolve(".acervo").resolve("external-links.tsv");
        SiteChecker.Options options = new SiteChecker.Options(
                BuildOptions.of(source, source.resolve("public")).withDrafts(drafts), external, cacheFile,
                Duration.ofSeconds(Math.max(1, externalSeconds)),
                new CheckThresholds(maxBroken, maxBrokenExternal, maxRules, maxMissing, maxStale));
        CheckReport report;
        try {
            report = new SiteChecker(format == Format.json ? org.acervo.build.Progress.NONE : reporter.progress()).check(options);
        } catch (BuildFailure failure) {
            reporter.problems(failure.problems());
            return 1;
        }
        if (format == Format.json) {
            out.println(report.json());
        } else {
            text(report, out);
        }
        out.flush();
        return report.failures().isEmpty() ? 0 : 1;
    }

    private static void text(CheckReport r, PrintWriter out) {
        if (!r.buildProblems().isEmpty()) {
            out.println("The site does not build, so its links were not checked:");
            for (BuildProblem p : r.buildProblems()) out.println("  " + p);
        }
        r.links().ifPresent(l -> {
            out.println("Links: " + l.linksChecked() + " on " + l.pagesChecked() + " pages, " + l.broken().size() + " broken");
            for (LinkChecker.Broken b : l.broken()) out.println("  " + b.page() + ": " + b.target() + " (" + b.reason() + ")");
            if (r.externalChecked()) {
                out.println("External links: " + r.external().size() + ", " + r.brokenExternal() + " broken");
                for (ExternalLinkChecker.Outcome o : r.external()) {
                    if (o.checked() && o.ok()) continue;
                    String why = o.status() > 0 ? "HTTP " + o.status() : o.error();
                    out.println("  " + o.url() + ": " + why + " (on " + String.join(", ", l.external().getOrDefault(o.url(), java.util.Set.of())) + ")");
                }
            } else {
                out.println("External links: " + l.external().size() + " (not checked; add --external to check them)");
            }
        });
        TranslationReport t = r.translations();
        out.println("Translations: " + t.missingCount() + " missing, " + t.staleCount() + " stale");
        for (String lang : t.languages()) {
            List<TranslationReport.Missing> missing = t.missing().get(lang);
            if (!missing.isEmpty()) {
                out.println("  no '" + lang + "' translation (" + missing.size() + "):");
                String section = null;
                for (TranslationReport.Missing m : missing) {
                    if (!m.section().equals(section)) {
                        section = m.section();
                        out.println("    " + (section.isEmpty() ? "(top)" : section) + ":");
                    }
                    out.println("      " + m.source());
                }
            }
            for (TranslationReport.Stale s : t.stale().get(lang)) {
                out.println("  stale '" + lang + "': " + s.translation() + ": " + s.reason()
                        + " (update the translation, then run acervo new --translate again or set translationOf to the new hash)");
            }
        }
        out.println("Front matter rules: " + r.ruleProblems().size() + " problem(s)");
        for (BuildProblem p : r.ruleProblems()) out.println("  " + p);
        List<String> failures = r.failures();
        out.println(failures.isEmpty() ? "Check passed." : "Check failed: " + String.join("; ", failures) + ".");
    }
}
