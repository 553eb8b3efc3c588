package org.acervo.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.acervo.build.BuildOptions;
import org.acervo.build.Progress;
import org.acervo.build.SiteBuilder;
import org.acervo.config.SiteConfig;
import org.acervo.config.SiteConfigLoader;
import org.acervo.problem.BuildFailure;
import org.acervo.problem.BuildProblem;

/**
 * Runs every check of a site: translations and front matter rules from the sources, then the
 * links of the site as it would be built (in memory; nothing is written), and, when asked, the
 * external links. Throws {@link BuildFailure} only when site.yaml itself cannot be read.
 */
public final class SiteChecker {
    /** @param externalCache where answers about external links are kept between checks */
    public record Options(BuildOptions build, boolean external, Path externalCache, Duration externalTimeLimit,
                          CheckThresholds thresholds) {}

    private final Progress progress;

    public SiteChecker(Progress progress) {
        this.progress = progress;
    }

    public CheckReport check(Options options) {
        Path siteDir = options.build().siteDir();
        SiteConfig config = new SiteConfigLoader().load(siteDir);
        SourceSurvey survey = SourceSurvey.read(siteDir, config);
        TranslationReport translations = TranslationReport.of(config, survey.tree(), survey.meta(),
                SourceDates.fromGit(siteDir.resolve("content")));
        List<BuildProblem> rules = new FrontMatterRulesCheck(config).check(survey);
        Optional<LinkChecker.Result> links = Optional.empty();
        List<BuildProblem> buildProblems = new ArrayList<>();
        try {
            SiteBuilder.Built built = new SiteBuilder(progress).render(options.build());
            links = Optional.of(new LinkChecker().check(built.files()));
        } catch (BuildFailure f) {
            buildProblems.addAll(f.problems());
        }
        List<ExternalLinkChecker.Outcome> external = List.of();
        if (options.external() && links.isPresent()) {
            external = new ExternalLinkChecker(options.externalCache(), options.externalTimeLimit())
                    .check(links.get().external().keySet());
        }
        return new CheckReport(links, external, options.external() && links.isPresent(), translations, rules, buildProblems,
                options.thresholds());
    }
}
