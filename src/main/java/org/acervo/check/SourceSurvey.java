package org.acervo.check;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.acervo.config.SiteConfig;
import org.acervo.content.ContentScanner;
import org.acervo.content.ContentTree;
import org.acervo.content.FrontMatter;
import org.acervo.content.FrontMatterParser;
import org.acervo.content.ParsedSource;
import org.acervo.content.SourceFile;
import org.acervo.problem.BuildProblem;
import org.acervo.problem.Problems;

/**
 * The sources read the way the build reads them, but without stopping at problems: every file
 * whose front matter parses gives its {@link FrontMatter}, the rest are still listed (they still
 * count for translations). The problems found are kept for the report.
 */
public record SourceSurvey(ContentTree tree, Map<String, FrontMatter> meta, List<BuildProblem> problems) {

    public static SourceSurvey read(Path siteDir, SiteConfig config) {
        Problems problems = new Problems();
        ContentTree tree = new ContentScanner(config, problems).scan(siteDir);
        FrontMatterParser parser = new FrontMatterParser(config, problems);
        Map<String, FrontMatter> meta = new LinkedHashMap<>();
        List<ParsedSource> parsed = tree.sources().parallelStream().map(parser::read).flatMap(java.util.Optional::stream).toList();
        for (ParsedSource p : parsed) meta.put(p.source().relative(), p.meta());
        return new SourceSurvey(tree, meta, problems.errors());
    }

    /** From sources the build has already parsed. */
    public static SourceSurvey of(ContentTree tree, List<ParsedSource> parsed) {
        Map<String, FrontMatter> meta = new LinkedHashMap<>();
        for (ParsedSource p : parsed) meta.put(p.source().relative(), p.meta());
        return new SourceSurvey(tree, meta, List.of());
    }

    public List<SourceFile> sources() {
        return tree.sources();
    }
}
