package org.acervo.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.config.LanguageConfig;
import org.acervo.config.SiteConfig;
import org.acervo.config.TaxonomyConfig;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.PageKind;
import org.acervo.model.Section;
import org.acervo.model.Site;
import org.acervo.model.TaxonomyTerm;
import org.acervo.problem.SourceLocation;
import org.acervo.render.Views.Alternate;
import org.acervo.render.Views.Item;
import org.acervo.render.Views.PageView;
import org.acervo.render.Views.Pager;
import org.acervo.render.Views.TaxonomyView;
import org.acervo.render.Views.TermView;

/**
 * Decides every HTML page of the site: per language the home page, paginated section
 * lists, taxonomy and term pages, single pages, the search page and the 404 page, each
 * with its language alternates.
 */
public final class PagePlanner {
    private final Site site;
    private final SiteConfig config;

    public PagePlanner(Site site) {
        this.site = site;
        this.config = site.config();
    }

    public List<OutputPage> plan() {
        List<OutputPage> out = new ArrayList<>();
        for (LanguageSite l : site.languages().values()) {
            out.add(home(l));
            for (Section s : l.sections().values()) out.addAll(sectionPages(l, s));
            for (TaxonomyConfig tax : config.taxonomies().values()) out.addAll(taxonomyPages(l, tax));
            out.addAll(l.pages().parallelStream().map(this::single).toList()); // most of the plan; in order
            out.add(special(l, PageKind.SEARCH, l.lang() + "/search/index.html"));
            out.add(special(l, PageKind.NOT_FOUND, l.lang() + "/404.html"));
        }
        // the 404 page hosts serve for any missing path, in the default language
        out.add(special(site.expectLanguage(config.defaultLanguage()), PageKind.NOT_FOUND, "404.html"));
        return out;
    }

    private final Map<String, Map<String, TaxonomyTerm>> termIndex = new java.util.concurrent.ConcurrentHashMap<>();

    /** The terms of a taxonomy in a language, by id. */
    private Map<String, TaxonomyTerm> termIndex(String lang, String taxonomy) {
        return termIndex.computeIfAbsent(lang + "|" + taxonomy, k -> {
            Map<String, TaxonomyTerm> m = new java.util.HashMap<>();
            for (TaxonomyTerm t : site.expectLanguage(lang).taxonomies().get(taxonomy)) m.put(t.id(), t);
            return m;
        });
    }

    // ---- views -------------------------------------------------------------------------

    String languageName(String lang) {
        return config.language(lang).map(LanguageConfig::name).orElse(lang);
    }

    /**
     * Items by page, one per page and language of the list: a page is in many lists (its section, each of its terms,
     * their pages), which share its item (less memory, and one print each for the build cache).
     */
    private final Map<Page, Item> items = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final Map<Page, Item> otherLanguageItems = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    Item item(Section.Entry e) {
        return (e.otherLanguage() ? otherLanguageItems : items).computeIfAbsent(e.page(), p -> newItem(e));
    }

    private Item newItem(Section.Entry e) {
        Page p = e.page();
        String sectionTitle = site.expectLanguage(p.lang()).findSection(p.section()).map(Section::title).orElse("");
        return new Item(p.title(), "/" + p.path(), p.date().orElse(null), p.content().summary(), p.lang(), languageName(p.lang()),
                e.otherLanguage(), sectionTitle, p.type(), p.params());
    }

    PageView view(Page p, PageKind kind) {
        LanguageSite l = site.expectLanguage(p.lang());
        Optional<Section> section = l.findSection(kind == PageKind.SECTION ? p.source().dir() : p.section());
        List<TaxonomyView> taxonomies = new ArrayList<>();
        for (TaxonomyConfig tax : config.taxonomies().values()) {
            List<TermView> terms = new ArrayList<>();
            Map<String, TaxonomyTerm> byId = termIndex(p.lang(), tax.key());
            for (String value : new java.util.LinkedHashSet<>(p.terms(tax.key()))) {
                org.acervo.build.SiteAssembler.termIdOf(tax, value).map(byId::get)
                        .ifPresent(t -> terms.add(new TermView(t.id(), t.label(), "/" + t.path(), t.count())));
            }
            if (!terms.isEmpty()) taxonomies.add(new TaxonomyView(tax.key(), tax.title(p.lang()), "/" + p.lang() + "/" + tax.slug(p.lang()) + "/", terms));
        }
        int words = p.content().words();
        return new PageView(kind.hook(), p.title(), p.description(), p.date().orElse(null), p.lastmod().orElse(null),
                p.content().html(), p.content().summary(), p.params(), p.lang(), "/" + p.path(), p.section(),
                section.map(Section::title).orElse(""), section.map(s -> "/" + s.path()).orElse(""), p.type(),
                p.content().headings(), taxonomies, kind == PageKind.SINGLE && !site.fullyTranslated(p),
                p.source().shown().toString().replace('\\', '/'), words, Math.max(1, (words + 199) / 200));
    }

    PageView synthetic(PageKind kind, String lang, String title, String description, String path) {
        return new PageView(kind.hook(), title, description, null, null, "", description, Map.of(), lang, "/" + path, "", "", "",
                kind.hook(), List.of(), List.of(), false, "", 0, 0);
    }

    // ---- alternates ----------------------------------------------------------------------

    /** Where this page is in every language; {@code exact} is false when the target is only the nearest page. */
    private List<Alternate> alternates(String lang, java.util.function.Function<String, Optional<String>> exact,
                                       java.util.function.Function<String, String> nearest) {
        List<Alternate> out = new ArrayList<>();
        for (LanguageConfig lc : config.languages()) {
            String code = lc.code();
            Optional<String> e = exact.apply(code);
            out.add(new Alternate(code, lc.name(), "/" + e.orElseGet(() -> nearest.apply(code)), e.isPresent(), code.equals(lang)));
        }
        return out;
    }

    private String homePath(String lang) {
        return lang + "/";
    }

    // ---- pages ---------------------------------------------------------------------------

    private OutputPage home(LanguageSite l) {
        LanguageConfig lc = config.expectLanguage(l.lang());
        PageView view = l.home().map(p -> view(p, PageKind.HOME))
                .orElseGet(() -> synthetic(PageKind.HOME, l.lang(), lc.title(), lc.description(), homePath(l.lang())));
        List<Section.Entry> recent = new ArrayList<>();
        for (Section s : l.sections().values()) if (s.key().indexOf('/') < 0) recent.addAll(s.entries());
        recent.sort(Comparator.comparing((Section.Entry e) -> e.page().date().orElse(null), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(e -> e.page().path()));
        List<Item> items = recent.stream().distinct().limit(10).map(this::item).toList();
        return new OutputPage(PageKind.HOME, l.lang(), l.lang() + "/index.html", "home", Optional.empty(), view, items,
                null, null, alternates(l.lang(), c -> Optional.of(homePath(c)), this::homePath),
                l.home().map(p -> SourceLocation.of(p.source().shown())));
    }

    private List<OutputPage> sectionPages(LanguageSite l, Section s) {
        PageView view = s.index().map(p -> view(p, PageKind.SECTION))
                .orElseGet(() -> synthetic(PageKind.SECTION, l.lang(), s.title(), "", s.path()));
        if (s.index().isEmpty()) {
            view = new PageView(view.kind(), view.title(), view.description(), null, null, "", "", Map.of(), l.lang(), "/" + s.path(),
                    s.key(), s.title(), "/" + s.path(), s.key(), List.of(), List.of(), false, "", 0, 0);
        }
        List<Item> items = s.entries().stream().map(this::item).toList();
        String type = s.index().map(Page::type).orElse(s.key().contains("/") ? s.key().substring(0, s.key().indexOf('/')) : s.key());
        Optional<String> layout = s.index().flatMap(p -> p.meta().layout());
        Optional<SourceLocation> where = s.index().map(p -> SourceLocation.of(p.source().shown()));
        PageView v = view;
        // a glossary page is its A to Z, every term on one page: pages 2, 3, ... would repeat it whole
        int perPage = type.equals(org.acervo.glossary.Glossary.SECTION) ? Math.max(1, items.size()) : config.paginate();
        return paginate(s.path(), items, perPage, (pageItems, pager, file) -> new OutputPage(PageKind.SECTION, l.lang(), file, type, layout, v,
                pageItems, pager, null,
                alternates(l.lang(), c -> site.expectLanguage(c).findSection(s.key()).map(Section::path), this::homePath), where));
    }

    private interface PageMaker {
        OutputPage make(List<Item> items, Pager pager, String file);
    }

    private List<OutputPage> paginate(String path, List<Item> items, int size, PageMaker maker) {
        int total = Math.max(1, (items.size() + size - 1) / size);
        List<OutputPage> out = new ArrayList<>();
        for (int n = 1; n <= total; n++) {
            String file = (n == 1 ? path : path + "page/" + n + "/") + "index.html";
            String prev = n == 1 ? null : "/" + (n == 2 ? path : path + "page/" + (n - 1) + "/");
            String next = n == total ? null : "/" + path + "page/" + (n + 1) + "/";
            Pager pager = new Pager(n, total, prev, next, "/" + path, "/" + (total == 1 ? path : path + "page/" + total + "/"));
            out.add(maker.make(items.subList((n - 1) * size, Math.min(items.size(), n * size)), pager, file));
        }
        return out;
    }

    private List<OutputPage> taxonomyPages(LanguageSite l, TaxonomyConfig tax) {
        List<OutputPage> out = new ArrayList<>();
        String lang = l.lang();
        String path = lang + "/" + tax.slug(lang) + "/";
        List<TaxonomyTerm> terms = l.taxonomies().get(tax.key());
        TaxonomyView tv = new TaxonomyView(tax.key(), tax.title(lang), "/" + path,
                terms.stream().map(t -> new TermView(t.id(), t.label(), "/" + t.path(), t.count())).toList());
        out.add(new OutputPage(PageKind.TAXONOMY, lang, path + "index.html", tax.key(), Optional.empty(),
                synthetic(PageKind.TAXONOMY, lang, tax.title(lang), "", path), List.of(), null, tv,
                alternates(lang, c -> Optional.of(c + "/" + tax.slug(c) + "/"), this::homePath), Optional.empty()));
        for (TaxonomyTerm t : terms) {
            List<Item> items = t.entries().stream().map(this::item).toList();
            PageView view = synthetic(PageKind.TERM, lang, t.label(), "", t.path());
            out.addAll(paginate(t.path(), items, config.paginate(), (pageItems, pager, file) -> new OutputPage(PageKind.TERM, lang, file, tax.key(),
                    Optional.empty(), view, pageItems, pager, tv,
                    alternates(lang, c -> Optional.ofNullable(termIndex(c, tax.key()).get(t.id())).map(TaxonomyTerm::path),
                            c -> c + "/" + tax.slug(c) + "/"), Optional.empty())));
        }
        return out;
    }

    /** The output page of a single page. */
    public OutputPage single(Page p) {
        String lang = p.lang();
        return new OutputPage(PageKind.SINGLE, lang, p.outputFile(), p.type(), p.meta().layout(), view(p, PageKind.SINGLE), List.of(),
                null, null,
                alternates(lang, c -> site.translation(p, c).map(Page::path),
                        c -> site.expectLanguage(c).findSection(p.section()).map(Section::path).orElse(homePath(c))),
                Optional.of(SourceLocation.of(p.source().shown())));
    }

    private OutputPage special(LanguageSite l, PageKind kind, String file) {
        String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
        PageView view = synthetic(kind, l.lang(), "", "", kind == PageKind.NOT_FOUND ? file : folder);
        return new OutputPage(kind, l.lang(), file, kind.hook(), Optional.empty(), view, List.of(), null, null,
                alternates(l.lang(), c -> Optional.of(kind == PageKind.NOT_FOUND ? c + "/404.html" : c + "/search/"), this::homePath),
                Optional.empty());
    }
}
