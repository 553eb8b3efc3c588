package org.acervo.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the scanner found under content/: Markdown sources, other files (bundle
 * resources), and the folders that are page bundles.
 */
public record ContentTree(Path contentDir, List<SourceFile> sources, List<String> resources, Set<String> bundleDirs,
                          int skippedOtherLanguages) {
    public ContentTree {
        sources = List.copyOf(sources);
        resources = List.copyOf(resources);
        bundleDirs = Set.copyOf(bundleDirs);
    }

    /** The same tree without some sources (e.g. profiles that must not be published). */
    public ContentTree without(java.util.Set<String> relativePaths) {
        if (relativePaths.isEmpty()) return this;
        return new ContentTree(contentDir, sources.stream().filter(s -> !relativePaths.contains(s.relative())).toList(), resources,
                bundleDirs, skippedOtherLanguages);
    }

    /** The bundle folder that holds a content-relative file, if any (the deepest one). */
    public java.util.Optional<String> bundleOf(String relativeFile) {
        String dir = relativeFile;
        while (true) {
            int i = dir.lastIndexOf('/');
            if (i < 0) return bundleDirs.contains("") ? java.util.Optional.of("") : java.util.Optional.empty();
            dir = dir.substring(0, i);
            if (bundleDirs.contains(dir)) return java.util.Optional.of(dir);
        }
    }
}
