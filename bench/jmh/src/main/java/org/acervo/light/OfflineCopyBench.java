package org.acervo.light;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.acervo.build.BuildOptions;
import org.acervo.build.SiteBuilder;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A page's copy for its language's offline bundle, made from its finished HTML: the text pass a build uses, against
 * parsing the page with jsoup and changing the document (what it falls back to).
 */
@State(Scope.Benchmark)
public class OfflineCopyBench extends PerPage {
    /** The site folder the pages were built from (for its configuration and sections). */
    @Param(".")
    public String source;

    private OfflineBundle bundler;

    @Setup
    public void assemble() throws java.io.IOException {
        Path scratch = Files.createTempDirectory("acervo-jmh");
        SiteBuilder.Built built = new SiteBuilder((phase, done, total) -> { }).render(BuildOptions.of(Path.of(source), scratch));
        bundler = new OfflineBundle(built.site(), (lang, key) -> key);
    }

    @Benchmark
    public void fromText(Pages pages, Blackhole out) {
        Set<String> present = pages.paths;
        for (int i = 0; i < Pages.COUNT; i++) out.consume(bundler.offlineFromText(pages.texts[i], pages.files[i], present));
    }

    @Benchmark
    public void fromDocument(Pages pages, Blackhole out) {
        Set<String> present = pages.paths;
        for (int i = 0; i < Pages.COUNT; i++) out.consume(bundler.offline(Jsoup.parse(pages.texts[i]), pages.files[i], present));
    }
}
