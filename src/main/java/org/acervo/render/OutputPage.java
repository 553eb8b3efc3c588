package org.acervo.render;

import java.util.List;
import java.util.Optional;
import org.acervo.model.PageKind;
import org.acervo.problem.SourceLocation;

/**
 * One HTML page to render: what kind, in which language, at which output file, with which
 * layout and data.
 *
 * @param file        output file relative to the output folder ({@code es/conocimiento/index.html})
 * @param type        layout folder tried before {@code _default} (the section or front matter type)
 * @param layout      a layout named in front matter, tried before the kind's own name
 * @param where       the source to blame for template errors, if any
 */
public record OutputPage(PageKind kind, String lang, String file, String type, Optional<String> layout, Views.PageView page,
                         List<Views.Item> items, Views.Pager pager, Views.TaxonomyView taxonomy, List<Views.Alternate> alternates,
                         Optional<SourceLocation> where) {
    public OutputPage {
        items = List.copyOf(items);
        alternates = List.copyOf(alternates);
    }

    /** The same page without its taxonomy, to compare the rest apart from it (see the preview's caches). */
    public OutputPage withoutTaxonomy() {
        return taxonomy == null ? this : new OutputPage(kind, lang, file, type, layout, page, items, pager, null, alternates, where);
    }

    /** The folder the page is served from, ending in "/" ("" for the top). */
    public String dir() {
        int i = file.lastIndexOf('/');
        return i < 0 ? "" : file.substring(0, i + 1);
    }
}
