package org.acervo.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.acervo.build.BuildCache;
import org.acervo.build.BuildOptions;
import org.acervo.build.BuildSession;
import org.acervo.build.BuildResult;
import org.acervo.build.SiteBuilder;
import org.acervo.problem.BuildFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code acervo build}: the site folder to the output folder. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build the site into the output folder.")
final class BuildCommand implements Callable<Integer> {
    @Option(names = "--source", description = "The site folder (holds site.yaml, content/, themes/). Default: the current folder.",
            defaultValue = ".")
    Path source;

    @Option(names = "--output", description = "Where to write the site. Default: public/ in the site folder.")
    Path output;

    @Option(names = "--drafts", description = "Include drafts and pages dated in the future.")
    boolean drafts;

    @Option(names = "--strict", description = "Pages over the weight budgets of site.yaml are errors: exit 1 and leave the output as it was.")
    boolean strict;

    @Option(names = "--threads", description = "How many threads to build with. Default: one per core.")
    Integer threads;

    @Option(names = "--timings", description = "Print the time each phase of the build took.")
    boolean timings;

    @Option(names = "--fresh", description = "Build everything, taking nothing from the build cache of the last build (.acervo/build-cache/); the cache is then replaced.")
    boolean fresh;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path out = output != null ? output : source.resolve("public");
        Reporter reporter = new Reporter(spec.commandLine().getOut(), spec.commandLine().getErr());
        try {
            SiteBuilder builder = new SiteBuilder(reporter.progress(), BuildSession.stored(BuildCache.open(source, fresh)));
            BuildOptions options = BuildOptions.of(source, out).withDrafts(drafts).withStrict(strict);
            if (threads != null) {
                if (threads < 1) {
                    spec.commandLine().getErr().println("--threads must be 1 or more, not " + threads);
                    return 2;
                }
                options = options.withThreads(threads);
            }
            BuildResult result = builder.build(options);
            reporter.warnings(result.warnings());
            if (result.skippedOtherLanguages() > 0) {
                reporter.note(result.skippedOtherLanguages() + " file(s) in languages that site.yaml does not list were left out");
            }
            result.notes().forEach(reporter::note);
            if (timings) builder.times().lines().forEach(reporter::note);
            reporter.done(result.summary());
            return 0;
        } catch (BuildFailure failure) {
            reporter.problems(failure.problems(), failure.outputChanged());
            return 1;
        }
    }
}
