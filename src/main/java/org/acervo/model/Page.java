package org.acervo.model;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.content.FrontMatter;
import org.acervo.content.SourceFile;

/**
 * A page written by an editor: the home page's or a section's own text, or a single page.
 *
 * @param path           site path of the page's folder, {@code es/conocimiento/agua/}
 * @param section        top-level content folder ({@code knowledge}); "" for pages at the top
 * @param type           layout type: front matter {@code type}, else the section
 * @param translationKey what pairs the page with its translations
 * @param bundleDir      content folder whose files the page carries along (page bundles), else empty
 */
public record Page(PageKind kind, String lang, String path, String section, String type, String translationKey,
                   SourceFile source, FrontMatter meta, Optional<String> bundleDir, Content content) {

    public Page withContent(Content c) {
        return new Page(kind, lang, path, section, type, translationKey, source, meta, bundleDir, c);
    }

    public String title() {
        return meta.title();
    }

    public String description() {
        return meta.description();
    }

    public Optional<ZonedDateTime> date() {
        return meta.date();
    }

    public Optional<ZonedDateTime> lastmod() {
        return meta.lastmod().or(meta::date);
    }

    public int weight() {
        return meta.weight();
    }

    public Map<String, Object> params() {
        return meta.params();
    }

    public List<String> terms(String taxonomy) {
        return meta.terms(taxonomy);
    }

    /** The output file, {@code es/conocimiento/agua/index.html}. */
    public String outputFile() {
        return path + "index.html";
    }
}
