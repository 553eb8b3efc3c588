package org.acervo.build;

import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * What to build and how.
 *
 * @param drafts        include drafts and future-dated pages
 * @param explicitIndex links to folders name their index.html (for opening from disk)
 * @param now           the build's notion of "now", for future-dated pages
 */
public record BuildOptions(Path siteDir, Path output, boolean drafts, boolean explicitIndex, ZonedDateTime now) {
    public static BuildOptions of(Path siteDir, Path output) {
        return new BuildOptions(siteDir, output, false, false, ZonedDateTime.now());
    }

    public BuildOptions withDrafts(boolean d) {
        return new BuildOptions(siteDir, output, d, explicitIndex, now);
    }
}
