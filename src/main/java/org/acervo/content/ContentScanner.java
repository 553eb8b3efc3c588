package org.acervo.content;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.acervo.config.SiteConfig;
import org.acervo.problem.Problems;
import org.acervo.problem.SourceLocation;

/**
 * Walks content/ and classifies every file: Markdown pages by language and kind, the
 * other files as resources. Hidden files are ignored; links out of content/ are errors.
 */
public final class ContentScanner {
    private static final Pattern LANGUAGE_LIKE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2,4})?");
    private final SiteConfig config;
    private final Problems problems;

    public ContentScanner(SiteConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    public ContentTree scan(Path siteDir) {
        Path contentDir = siteDir.resolve("content");
        List<SourceFile> sources = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        Set<String> bundles = new HashSet<>();
        int[] skipped = {0};
        if (!Files.isDirectory(contentDir)) {
            problems.error(SourceLocation.of(Path.of("content")), "there is no content folder",
                    "create content/ beside site.yaml and put your Markdown pages in it");
            return new ContentTree(contentDir, sources, resources, bundles, 0);
        }
        Path realContent;
        try {
            realContent = contentDir.toRealPath();
        } catch (IOException e) {
            problems.error(SourceLocation.of(Path.of("content")), "cannot read the content folder: " + e.getMessage(), "check its permissions");
            return new ContentTree(contentDir, sources, resources, bundles, 0);
        }
        Path walkRoot = realContent;
        try {
            Files.walkFileTree(walkRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(walkRoot) && dir.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(".") || name.endsWith("~")) return FileVisitResult.CONTINUE;
                    String rel = walkRoot.relativize(file).toString().replace('\\', '/');
                    Path shown = Path.of("content").resolve(walkRoot.relativize(file));
                    if (attrs.isSymbolicLink()) {
                        try {
                            Path target = file.toRealPath();
                            if (!target.startsWith(realContent)) {
                                problems.error(SourceLocation.of(shown), "this link points outside the content folder, to " + target,
                                        "copy the file into content/ instead of linking to it");
                                return FileVisitResult.CONTINUE;
                            }
                            if (Files.isDirectory(target)) return FileVisitResult.CONTINUE;
                            if (!Files.isRegularFile(target)) return special(shown);
                        } catch (IOException e) {
                            problems.error(SourceLocation.of(shown), "this link points to a file that does not exist", "remove the link or restore its target");
                            return FileVisitResult.CONTINUE;
                        }
                    } else if (!attrs.isRegularFile()) {
                        return special(shown);
                    }
                    if (!canRead(file)) {
                        problems.error(SourceLocation.of(shown), "this file cannot be read (permission denied)",
                                "give the build's user read permission, e.g. chmod a+r " + shown);
                        return FileVisitResult.CONTINUE;
                    }
                    if (name.endsWith(".md")) {
                        classify(rel, file, shown).ifPresentOrElse(sources::add, () -> skipped[0]++);
                    } else {
                        resources.add(rel);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    Path shown = Path.of("content").resolve(walkRoot.relativize(file));
                    problems.error(SourceLocation.of(shown), "cannot read: " + exc.getMessage(), "check the file's permissions");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.error(SourceLocation.of(Path.of("content")), "cannot read the content folder: " + e.getMessage(), "check its permissions");
        }
        for (SourceFile s : sources) if (s.kind() == SourceFile.Kind.BUNDLE) bundles.add(s.dir());
        sources.sort(java.util.Comparator.comparing(SourceFile::relative));
        resources.sort(null);
        return new ContentTree(walkRoot, sources, resources, bundles, skipped[0]);
    }

    /** A pipe, socket or device in content/ would block or feed endless bytes: never read it. */
    private FileVisitResult special(Path shown) {
        problems.error(SourceLocation.of(shown), "this is not a regular file (a pipe, socket or device)",
                "remove it from content/; pages and their files must be ordinary files");
        return FileVisitResult.CONTINUE;
    }

    /**
     * Opens the file instead of asking {@link Files#isReadable}, which answers from the
     * permission bits and can be wrong (ACLs, network shares, files that vanish mid-build).
     */
    private static boolean canRead(Path file) {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Language and kind from the name; empty for a language the site does not publish. */
    java.util.Optional<SourceFile> classify(String rel, Path file, Path shown) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String stem = name.substring(0, name.length() - 3);
        String lang = config.defaultContentLanguage();
        int dot = stem.lastIndexOf('.');
        String base = stem;
        if (dot > 0) {
            String suffix = stem.substring(dot + 1);
            if (config.languageCodes().contains(suffix)) {
                lang = suffix;
                base = stem.substring(0, dot);
            } else if (LANGUAGE_LIKE.matcher(suffix).matches()) {
                return java.util.Optional.empty();
            }
        }
        SourceFile.Kind kind = switch (base) {
            case "_index" -> SourceFile.Kind.BRANCH;
            case "index" -> rel.contains("/") ? SourceFile.Kind.BUNDLE : SourceFile.Kind.BRANCH;
            default -> SourceFile.Kind.PAGE;
        };
        return java.util.Optional.of(new SourceFile(rel, file, shown, lang, kind));
    }

    static boolean isLink(Path p) {
        return Files.isSymbolicLink(p) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }
}
