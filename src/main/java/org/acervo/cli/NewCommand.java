package org.acervo.cli;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.acervo.config.SiteConfig;
import org.acervo.config.SiteConfigLoader;
import org.acervo.problem.BuildFailure;
import org.acervo.scaffold.PageScaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code acervo new section/name [--lang es]} and {@code acervo new --translate FILE --lang en}. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Create a page from the theme's archetype, or a translation of a page.",
                "  acervo new knowledge/water-tariffs --lang es",
                "  acervo new --translate content/knowledge/water-tariffs.es.md --lang en"})
final class NewCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "SECTION/NAME", description = "Where the new page goes, e.g. knowledge/water-tariffs.")
    String page;

    @Option(names = "--translate", paramLabel = "FILE", description = "Create the translation of this page instead.")
    Path translate;

    @Option(names = "--lang", description = "Language of the new page (default: the site's default content language).")
    String lang;

    @Option(names = "--source", description = "The site folder. Default: the current folder.", defaultValue = ".")
    Path source;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Reporter reporter = new Reporter(spec.commandLine().getOut(), spec.commandLine().getErr());
        if ((page == null) == (translate == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give either SECTION/NAME (a new page) or --translate FILE --lang LANG (a translation)");
        }
        if (translate != null && lang == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--translate needs --lang: the language to translate into");
        }
        try {
            SiteConfig config = new SiteConfigLoader().load(source);
            PageScaffold scaffold = new PageScaffold(source, config, ZonedDateTime.now());
            Path made = translate != null ? scaffold.translate(translate, lang) : scaffold.newPage(page, Optional.ofNullable(lang));
            spec.commandLine().getOut().println("Created " + made.toString().replace('\\', '/'));
            return 0;
        } catch (BuildFailure failure) {
            reporter.problems(failure.problems());
            return 1;
        }
    }
}
