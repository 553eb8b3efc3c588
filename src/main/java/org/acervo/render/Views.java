package org.acervo.render;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.acervo.model.Heading;

/**
 * What templates see. Plain values (no Optionals) so that Pebble templates stay simple:
 * absent text is "" and absent dates are null. Paths are site paths starting with "/";
 * the finisher makes them relative.
 */
public final class Views {
    private Views() {}

    /** A link with a label: menus, terms, breadcrumbs. */
    public record Link(String label, String path) {}

    /** A language of the site, and where the current page is in it. */
    public record Alternate(String lang, String name, String path, boolean exact, boolean current) {}

    /** The site, in the language of the page being rendered. */
    public record SiteView(String title, String description, String lang, String languageName, List<Link> menu,
                           String organisationName, String organisationUrl, String baseURL, List<Link> sections,
                           List<TaxonomyView> taxonomies, String home, String search, String feed, String generator,
                           boolean liveReload) {}

    /** The terms of one taxonomy on a page, or all terms of a taxonomy on its list page. */
    public record TaxonomyView(String key, String title, String path, List<TermView> terms) {}

    public record TermView(String id, String label, String path, int count) {}

    /** The page being rendered. {@code content} is trusted HTML (already sanitised). */
    public record PageView(String kind, String title, String description, ZonedDateTime date, ZonedDateTime lastmod,
                           String content, String summary, Map<String, Object> params, String lang, String path,
                           String section, String sectionTitle, String sectionPath, String type, List<Heading> toc,
                           List<TaxonomyView> taxonomies, boolean untranslated, String source, int words,
                           int readingMinutes) {}

    /** An item of a list: a page, possibly in another language than the list. */
    public record Item(String title, String path, ZonedDateTime date, String summary, String lang, String languageName,
                       boolean otherLanguage, String sectionTitle, String type, Map<String, Object> params) {}

    /** Where a paginated list is. */
    public record Pager(int number, int total, String prev, String next, String first, String last) {
        public boolean multiple() {
            return total > 1;
        }
    }
}
