package org.acervo.cli;

import java.nio.file.Path;
import java.util.Optional;
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

    /** From this many pages on, a build started without the launcher says how to start it. */
    static final int LAUNCHER_PAGES = 2_000;

    /**
     * What a host building a large library with plain {@code java -jar} should know: the JVM's defaults (its default
     * collector, both compilers, a quarter of the machine's memory) cost a build far more than the launcher's settings.
     *
     * @param launcher the launcher beside the jar, when it is there
     */
    static Optional<String> launcherHint(int pages, boolean launched, Optional<Path> launcher) {
        if (launched || pages < LAUNCHER_PAGES) return Optional.empty();
        String how = launcher.map(l -> "sh " + l + " build").orElse("sh target/acervo build (the launcher `mvn package` writes beside the jar)");
        return Optional.of("this build ran without Acervo's launcher: for " + String.format(java.util.Locale.ROOT, "%,d", pages)
                + " pages, start it with " + how + " and the same arguments; it sets the JVM up for a build"
                + " (on 9,300 sources: 18 s and 0.9 GB of memory instead of 30 s and 2.4 GB)");
    }

    /** The launcher in the jar's folder, if this runs from a jar that has one beside it. */
    private static Optional<Path> besideTheJar() {
        try {
            Path jar = Path.of(BuildCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path launcher = jar.resolveSibling("acervo");
            return jar.toString().endsWith(".jar") && java.nio.file.Files.isRegularFile(launcher) ? Optional.of(launcher)
                    : Optional.empty();
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return Optional.empty(); // no code source to speak of: the general advice
        }
    }

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
            int pages = result.pagesPerLanguage().values().stream().mapToInt(Integer::intValue).sum();
            launcherHint(pages, System.getProperty("acervo.launcher") != null, besideTheJar()).ifPresent(reporter::note);
            if (timings) builder.times().lines().forEach(reporter::note);
            reporter.done(result.summary());
            return 0;
        } catch (BuildFailure failure) {
            reporter.problems(failure.problems(), failure.outputChanged());
            return 1;
        }
    }
}
