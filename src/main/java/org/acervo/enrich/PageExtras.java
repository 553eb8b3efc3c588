package org.acervo.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.glossary.Glossary;
import org.acervo.glossary.GlossaryEntry;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.PageKind;
import org.acervo.model.Section;
import org.acervo.model.Site;
import org.acervo.render.OutputPage;

/**
 * The extra template variables of each page:
 * <ul>
 * <li>{@code jsonld}: the page's schema.org JSON-LD, safe to print raw inside
 *     {@code <script type="application/ld+json">} (empty when there is none);</li>
 * <li>{@code related}: up to five related pages in the page's language, each with
 *     {@code title}, {@code path} and {@code summary};</li>
 * <li>{@code glossary}: the glossary of the page's language by initial letter
 *     ({@code letter}, {@code anchor}, {@code entries}), for the glossary's A to Z page;</li>
 * <li>{@code term}: on a glossary entry, the entry ({@code id}, {@code title},
 *     {@code synonyms}, {@code abbr}, {@code definition}) and {@code termTranslations}.</li>
 * </ul>
 */
public final class PageExtras {
    /** A related page as templates see it. */
    public record RelatedLink(String title, String path, String summary) {}

    /** A glossary entry in another language. */
    public record TermTranslation(String lang, String title, String path) {}

    private final Site site;
    private final Glossary glossary;
    private final RelatedPages related;
    private final StructuredData structured;
    private final Map<String, Page> byPath = new HashMap<>();

    public PageExtras(Site site, Glossary glossary, RelatedPages related) {
        this.site = site;
        this.glossary = glossary;
        this.related = related;
        this.structured = new StructuredData(site, glossary);
        for (LanguageSite l : site.languages().values()) {
            l.home().ifPresent(p -> byPath.put("/" + p.path(), p));
            for (Section s : l.sections().values()) s.index().ifPresent(p -> byPath.put("/" + p.path(), p));
            for (Page p : l.pages()) byPath.put("/" + p.path(), p);
        }
    }

    public Map<String, Object> of(OutputPage out) {
        Optional<Page> page = out.kind() == PageKind.HOME || out.kind() == PageKind.SECTION || out.kind() == PageKind.SINGLE
                ? Optional.ofNullable(byPath.get(out.page().path())).filter(p -> p.lang().equals(out.lang()))
                : Optional.empty();
        return of(out, page);
    }

    /** The extras of a page that is newer than the site these extras were made for (an edit shown in the preview at once). */
    public Map<String, Object> of(OutputPage out, Page edited) {
        return of(out, Optional.of(edited));
    }

    private Map<String, Object> of(OutputPage out, Optional<Page> page) {
        Map<String, Object> m = new HashMap<>();
        m.put("jsonld", structured.of(out, page).orElse(""));
        List<RelatedLink> links = new ArrayList<>();
        if (out.kind() == PageKind.SINGLE) {
            page.ifPresent(p -> related.of(p).forEach(r -> links.add(new RelatedLink(r.title(), "/" + r.path(),
                    r.description().isBlank() ? r.content().summary() : r.description()))));
        }
        m.put("related", links);
        // the A to Z is for list pages (the glossary's own); single pages, most of a site, have their term instead
        m.put("glossary", out.kind() == PageKind.SINGLE ? List.of() : glossary.letters(out.lang()));
        page.filter(Glossary::isEntry).flatMap(p -> glossary.find(Glossary.idOf(p), p.lang())).ifPresent(e -> {
            m.put("term", e);
            List<TermTranslation> tr = new ArrayList<>();
            for (String l : glossary.languages()) {
                if (!l.equals(e.lang())) glossary.find(e.id(), l).ifPresent(o -> tr.add(new TermTranslation(o.lang(), o.title(), o.path())));
            }
            m.put("termTranslations", tr);
        });
        return m;
    }
}
