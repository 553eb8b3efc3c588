package org.acervo.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.acervo.config.LanguageConfig;
import org.acervo.config.MenuEntry;
import org.acervo.config.SiteConfig;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.PageKind;
import org.acervo.model.Section;
import org.acervo.model.Site;
import org.acervo.render.Views.Alternate;
import org.acervo.render.Views.Link;
import org.acervo.render.Views.SiteView;
import org.acervo.render.Views.TaxonomyView;

/** The per-language view of the site that every template gets as {@code site}, and a few generated pages. */
public final class SiteViews {
    private final Site site;
    private final SiteConfig config;
    private final boolean liveReload;
    private final Map<String, SiteView> cache = new ConcurrentHashMap<>();

    public SiteViews(Site site, Theme theme, boolean liveReload) {
        this.site = site;
        this.config = site.config();
        this.liveReload = liveReload;
    }

    public SiteView site(String lang) {
        return cache.computeIfAbsent(lang, this::build);
    }

    private SiteView build(String lang) {
        LanguageConfig lc = config.expectLanguage(lang);
        LanguageSite l = site.expectLanguage(lang);
        List<Link> menu = new ArrayList<>();
        for (MenuEntry m : lc.menu()) {
            if (m.external()) {
                menu.add(new Link(m.label(), m.url()));
            } else {
                menu.add(new Link(m.label(), "/" + menuTarget(l, m.page())));
            }
        }
        List<Link> sections = new ArrayList<>();
        for (Section s : l.sections().values()) if (!s.key().contains("/")) sections.add(new Link(s.title(), "/" + s.path()));
        List<TaxonomyView> taxonomies = new ArrayList<>();
        config.taxonomies().values().forEach(t -> taxonomies.add(new TaxonomyView(t.key(), t.title(lang),
                "/" + lang + "/" + t.slug(lang) + "/", List.of())));
        return new SiteView(lc.title(), lc.description(), lang, lc.name(), menu,
                config.organisation().map(o -> o.name()).orElse(""), config.organisation().map(o -> o.url()).orElse(""),
                config.base().orElse(""), sections, taxonomies, "/" + lang + "/", "/" + lang + "/search/", "/" + lang + "/index.xml",
                "Acervo", liveReload);
    }

    /** A menu's {@code page:} is a section key, a content path, or a path in the language's tree. */
    private String menuTarget(LanguageSite l, String page) {
        String key = page.replaceAll("^/+|/+$", "").replaceAll("\\.md$", "");
        Optional<Section> s = l.findSection(key);
        if (s.isPresent()) return s.get().path();
        for (Page p : site.allPages()) {
            String tp = p.source().translationPath();
            if (tp.equals(key) || tp.equals(key + "/_index")) return site.translation(p, l.lang()).orElse(p).path();
        }
        if (key.equals("search")) return l.lang() + "/search/";
        return l.lang() + "/" + (key.isEmpty() ? "" : key + "/");
    }

    /** Reports menu entries whose page is neither a section nor a content path. */
    public static void checkMenus(Site site, org.acervo.problem.Problems problems) {
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (LanguageSite l : site.languages().values()) known.addAll(l.sections().keySet());
        for (Page p : site.allPages()) known.add(p.source().translationPath().replaceAll("/?_index$", ""));
        known.add("search");
        known.add("");
        for (LanguageConfig lc : site.config().languages()) {
            for (MenuEntry m : lc.menu()) {
                if (m.external()) continue;
                String key = m.page().replaceAll("^/+|/+$", "").replaceAll("\\.md$", "");
                if (!known.contains(key)) {
                    problems.error(m.where(), "menu entry '" + m.label() + "' points to '" + m.page() + "', which is not a section or page",
                            org.acervo.problem.Suggestions.hint(key, known.stream().filter(k -> !k.isEmpty()).toList(), "sections and pages"));
                }
            }
        }
    }

    /** The page at the top of the output, which lets the reader choose a language. */
    public OutputPage languageChooser() {
        String lang = config.defaultLanguage();
        List<Alternate> alternates = config.languages().stream()
                .map(lc -> new Alternate(lc.code(), lc.name(), "/" + lc.code() + "/", true, false)).toList();
        Views.PageView view = new Views.PageView("languages", config.expectLanguage(lang).title(), config.expectLanguage(lang).description(),
                null, null, "", "", Map.of(), lang, "/", "", "", "", "languages", List.of(), List.of(), false, "", 0, 0);
        return new OutputPage(PageKind.HOME, lang, "index.html", "languages", Optional.of("languages"), view, List.of(), null, null,
                alternates, Optional.empty());
    }

    /** A small page that sends readers from an old address (an alias) to the page. */
    public String redirect(Page target) {
        String to = "/" + target.path();
        String title = org.jsoup.nodes.Entities.escape(target.title());
        return "<!doctype html><html lang=\"" + target.lang() + "\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title><meta name=\"robots\" content=\"noindex\"><link rel=\"canonical\" href=\"" + to
                + "\"><meta http-equiv=\"refresh\" content=\"0; url=" + to + "\"></head><body><p><a href=\"" + to + "\">" + title
                + "</a></p></body></html>";
    }
}
