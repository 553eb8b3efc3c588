package org.acervo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.acervo.build.BuildOptions;
import org.acervo.build.SiteBuilder;
import org.acervo.light.OfflineBundle;
import org.acervo.light.ByteSize;
import org.acervo.problem.BuildFailure;
import org.acervo.problem.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code acervo bundle}: the site as a zip that works unzipped and opened from disk. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = "Write the site as a zip that works unzipped and opened from disk (a USB stick, a laptop with no connection).")
final class BundleCommand implements Callable<Integer> {
    @Option(names = "--source", description = "The site folder (holds site.yaml, content/, themes/). Default: the current folder.",
            defaultValue = ".")
    Path source;

    @Option(names = "--lang", paramLabel = "LANG", description = "Only this language (e.g. es).")
    String lang;

    @Option(names = "--section", paramLabel = "NAME", description = "Only this section: a top-level folder of content/ (e.g. knowledge), "
            + "with the home, search and 404 pages.")
    String section;

    @Option(names = "--output", paramLabel = "FILE", description = "The zip to write. Default: acervo[-LANG][-NAME].zip in the current folder.")
    Path output;

    @Option(names = "--drafts", description = "Include drafts and pages dated in the future.")
    boolean drafts;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Reporter reporter = new Reporter(spec.commandLine().getOut(), spec.commandLine().getErr());
        if (output != null) refuseUnsafe(output);
        try {
            BuildOptions options = BuildOptions.of(source, source.resolve("public")).withDrafts(drafts);
            SiteBuilder.Built built = new SiteBuilder(reporter.progress()).render(options);
            if (lang != null && built.site().config().language(lang).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown language '" + lang + "' (the site has "
                        + String.join(", ", built.site().config().languageCodes()) + ")");
            }
            OfflineBundle bundler = built.light().bundler();
            if (section != null && !bundler.sectionKeys().contains(section)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown section '" + section + "' ("
                        + Suggestions.nearest(section, bundler.sectionKeys()).map(s -> "did you mean '" + s + "'? ").orElse("")
                        + "sections: " + String.join(", ", bundler.sectionKeys()) + ")");
            }
            OfflineBundle.Scope scope = new OfflineBundle.Scope(Optional.ofNullable(lang), Optional.ofNullable(section));
            byte[] zip = bundler.zip(built.files(), scope);
            Path out = output != null ? output : Path.of(scope.name() + ".zip");
            if (output == null) refuseUnsafe(out);
            try {
                if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
                Files.write(out, zip);
            } catch (IOException e) {
                spec.commandLine().getErr().println("acervo bundle: cannot write " + out + ": " + e.getMessage()
                        + " (check that the folder exists and can be written)");
                return 1;
            }
            reporter.warnings(built.warnings());
            reporter.done("Wrote " + out + " (" + ByteSize.format(zip.length, "en") + "); unzip it and open " + scope.name() + "/index.html");
            return 0;
        } catch (BuildFailure failure) {
            reporter.problems(failure.problems());
            return 1;
        }
    }

    /**
     * A bundle never goes inside the site's sources, and never replaces a file that is not a zip (a mistyped --output
     * site.yaml would have lost the site's configuration).
     */
    private void refuseUnsafe(Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path site = source.toAbsolutePath().normalize();
        for (String part : new String[] {"content", "themes", "static"}) {
            if (target.startsWith(site.resolve(part))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--output " + out + " is inside the site's " + part
                        + "/ folder (write the bundle elsewhere, such as acervo-es.zip in the site folder)");
            }
        }
        if (Files.isDirectory(target)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--output " + out + " is a folder (name the zip file to write)");
        }
        if (Files.isRegularFile(target) && !isZip(target)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--output " + out + " is a file that is not a zip, and would be"
                    + " lost (choose another name, or remove it first)");
        }
    }

    private static boolean isZip(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 0 || head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }
}
