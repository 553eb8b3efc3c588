package org.acervo.build;

import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * What to build and how.
 *
 * @param drafts        include drafts and future-dated pages
 * @param now           the build's notion of "now", for future-dated pages
 * @param strict        pages over the weight budgets are errors, not warnings
 * @param threads       how many threads the build's parallel phases use (the output is the same whatever the number)
 */
public record BuildOptions(Path siteDir, Path output, boolean drafts, ZonedDateTime now, boolean strict,
                           int threads) {
    public BuildOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }

    public static BuildOptions of(Path siteDir, Path output) {
        return new BuildOptions(siteDir, output, false, ZonedDateTime.now(), false, Runtime.getRuntime().availableProcessors());
    }

    public BuildOptions withDrafts(boolean d) {
        return new BuildOptions(siteDir, output, d, now, strict, threads);
    }

    public BuildOptions withStrict(boolean s) {
        return new BuildOptions(siteDir, output, drafts, now, s, threads);
    }

    public BuildOptions withThreads(int n) {
        return new BuildOptions(siteDir, output, drafts, now, strict, n);
    }
}
