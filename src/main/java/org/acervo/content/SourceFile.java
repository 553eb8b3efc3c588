package org.acervo.content;

import java.nio.file.Path;

/**
 * A Markdown file under content/: its path relative to content/, its language (from the
 * filename suffix, {@code agua.es.md}) and its kind.
 *
 * @param relative path relative to the content folder, with forward slashes
 * @param absolute where it is on disk
 * @param shown    the path shown in messages, relative to the site folder ({@code content/...})
 */
public record SourceFile(String relative, Path absolute, Path shown, String lang, Kind kind) {

    /** What a file is, from its name. */
    public enum Kind {
        /** An ordinary page, {@code agua.es.md}. */
        PAGE,
        /** A folder's own page, {@code _index.es.md}: the home page or a section list. */
        BRANCH,
        /** A page bundle, {@code agua/index.es.md}, whose folder holds its files. */
        BUNDLE
    }

    /** Folder of the file relative to content/, "" at the top. */
    public String dir() {
        int i = relative.lastIndexOf('/');
        return i < 0 ? "" : relative.substring(0, i);
    }

    /** File name without language suffix and extension: {@code agua} for {@code agua.es.md}. */
    public String baseName() {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        name = name.substring(0, name.length() - ".md".length());
        int dot = name.lastIndexOf('.');
        if (dot > 0 && !lang.isEmpty() && name.substring(dot + 1).equalsIgnoreCase(lang)) name = name.substring(0, dot);
        return name;
    }

    /**
     * The path shared by a file and its translations: {@code knowledge/agua} for
     * {@code knowledge/agua.es.md}, the folder for bundles and branches.
     */
    public String translationPath() {
        return switch (kind) {
            case PAGE -> (dir().isEmpty() ? "" : dir() + "/") + baseName();
            case BUNDLE -> dir();
            case BRANCH -> dir() + "/_index";
        };
    }

    /** Top-level folder ("" for files at the top of content/). */
    public String section() {
        String d = dir();
        int i = d.indexOf('/');
        return i < 0 ? d : d.substring(0, i);
    }
}
