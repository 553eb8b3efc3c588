package org.acervo.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.acervo.config.SiteConfig;
import org.acervo.config.TaxonomyConfig;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.PageKind;
import org.acervo.model.Section;
import org.acervo.model.Site;
import org.acervo.model.TaxonomyTerm;
import org.acervo.problem.Problems;
import org.acervo.problem.SourceLocation;
import org.acervo.util.Slugs;

/**
 * Puts rendered pages together into a {@link Site}: translation groups, sections (with the
 * pages that exist only in another language, marked), taxonomies, and a check that no two
 * things claim one URL.
 */
public final class SiteAssembler {
    /** Order of lists: weight first (unweighted last), newest first, then title. */
    public static final Comparator<Page> LIST_ORDER = Comparator
            .comparingInt((Page p) -> p.weight() == 0 ? Integer.MAX_VALUE : p.weight())
            .thenComparing((Page p) -> p.date().orElse(null), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(p -> p.title().toLowerCase(Locale.ROOT))
            .thenComparing(Page::path);

    private final SiteConfig config;
    private final Problems problems;

    public SiteAssembler(SiteConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    public Site assemble(List<Page> pages) {
        Map<String, Map<String, Page>> translations = new LinkedHashMap<>();
        for (Page p : pages) translations.computeIfAbsent(p.translationKey(), k -> new LinkedHashMap<>()).put(p.lang(), p);

        List<String> sectionDirs = sectionDirs(pages);
        // every list is made from the single pages in list order, so it is in that order as it is made: one sort of them all
        // (the order is total: it ends with the path) instead of one per section and taxonomy term and language
        List<Page> inOrder = pages.stream().filter(p -> p.kind() == PageKind.SINGLE).toList();
        List<Page> singles = new ArrayList<>(inOrder);
        singles.sort(LIST_ORDER);
        String[] singleDirs = singles.stream().map(p -> p.source().dir()).toArray(String[]::new);
        // the languages side by side, each on a core of the build's pool
        List<LanguageSite> assembled = config.languageCodes().parallelStream()
                .map(lang -> language(lang, pages, inOrder, singles, singleDirs, sectionDirs, translations)).toList();
        Map<String, LanguageSite> languages = new LinkedHashMap<>();
        for (LanguageSite l : assembled) languages.put(l.lang(), l);
        Site site = new Site(config, languages, translations);
        checkUrls(site, pages);
        return site;
    }

    private LanguageSite language(String lang, List<Page> pages, List<Page> inOrder, List<Page> singles, String[] singleDirs,
                                  List<String> sectionDirs, Map<String, Map<String, Page>> translations) {
        List<Page> mine = pages.stream().filter(p -> p.lang().equals(lang)).toList();
        Optional<Page> home = mine.stream().filter(p -> p.kind() == PageKind.HOME).findFirst();
        List<Section> list = new ArrayList<>();
        for (String dir : sectionDirs) list.add(section(dir, lang, pages, singles, singleDirs, translations));
        // in the reader's language: by the _index weight, then alphabetically by title
        list.sort(Comparator.comparingInt((Section s) -> s.index().map(Page::weight).filter(w -> w != 0).orElse(Integer.MAX_VALUE))
                .thenComparing(s -> Slugs.slugify(s.title())));
        Map<String, Section> sections = new LinkedHashMap<>();
        for (Section s : list) sections.put(s.key(), s);
        Map<String, List<TaxonomyTerm>> taxonomies = new LinkedHashMap<>();
        for (TaxonomyConfig tax : config.taxonomies().values()) {
            taxonomies.put(tax.key(), terms(tax, lang, inOrder, singles, translations));
        }
        return new LanguageSite(lang, home, mine.stream().filter(p -> p.kind() == PageKind.SINGLE).toList(), sections, taxonomies);
    }

    /** Top-level folders holding pages, and deeper folders that have an _index page, in name order. */
    private static List<String> sectionDirs(List<Page> pages) {
        Set<String> dirs = new java.util.TreeSet<>();
        for (Page p : pages) {
            if (p.kind() == PageKind.SECTION) dirs.add(p.source().dir());
            else if (p.kind() == PageKind.SINGLE && !p.section().isEmpty()) dirs.add(p.section());
        }
        return List.copyOf(dirs);
    }

    /** @param singles in list order, with the folder of each in {@code singleDirs} */
    private Section section(String dir, String lang, List<Page> all, List<Page> singles, String[] singleDirs,
                            Map<String, Map<String, Page>> translations) {
        Optional<Page> index = all.stream()
                .filter(p -> p.kind() == PageKind.SECTION && p.lang().equals(lang) && p.source().dir().equals(dir)).findFirst();
        List<Section.Entry> entries = new ArrayList<>();
        String under = dir + "/";
        for (int i = 0; i < singles.size(); i++) {
            Page p = singles.get(i);
            if (!singleDirs[i].equals(dir) && !singleDirs[i].startsWith(under)) continue;
            if (p.lang().equals(lang)) {
                entries.add(new Section.Entry(p, false));
            } else if (!translations.get(p.translationKey()).containsKey(lang) && firstAvailable(p, translations)) {
                entries.add(new Section.Entry(p, true));
            }
        }
        String title = index.map(Page::title).orElseGet(() -> humanise(dir.substring(dir.lastIndexOf('/') + 1)));
        String path = index.map(Page::path).orElseGet(() -> lang + "/" + folderPathFromPages(dir, lang, all));
        return new Section(dir, lang, title, path, index, entries);
    }

    /** Of several other-language versions, list only the one in the earliest language. */
    private boolean firstAvailable(Page p, Map<String, Map<String, Page>> translations) {
        for (String l : config.languageCodes()) {
            if (translations.get(p.translationKey()).containsKey(l)) return l.equals(p.lang());
        }
        return true;
    }

    /** The folder's path in a language without an _index there: from the language's own slugs of parent folders. */
    private static String folderPathFromPages(String dir, String lang, List<Page> all) {
        Map<String, String> slugs = new HashMap<>();
        for (Page p : all) {
            if (p.kind() == PageKind.SECTION && p.lang().equals(lang)) p.meta().slug().ifPresent(s -> slugs.put(lang + "|" + p.source().dir(), s));
        }
        return PageLocator.folderPath(lang, dir, slugs);
    }

    static String humanise(String name) {
        String s = name.replace('-', ' ').replace('_', ' ').trim();
        return s.isEmpty() ? name : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * @param pages   the single pages in the site's order: a term's label is its first page's, and terms first met first
     * @param singles the same pages in list order, which each term's list is made in
     */
    private List<TaxonomyTerm> terms(TaxonomyConfig tax, String lang, List<Page> pages, List<Page> singles,
                                     Map<String, Map<String, Page>> translations) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, List<Section.Entry>> entries = new LinkedHashMap<>();
        Map<String, Optional<String>> ids = new java.util.HashMap<>();
        for (boolean listing : new boolean[] {false, true}) {
            for (Page p : listing ? singles : pages) {
                boolean other = !p.lang().equals(lang);
                if (other && (translations.get(p.translationKey()).containsKey(lang) || !firstAvailable(p, translations))) continue;
                for (String value : new LinkedHashSet<>(p.terms(tax.key()))) {
                    // unknown terms were reported when pages were located; ids are remembered, as slugs are costly at 10,000 pages
                    Optional<String> id = ids.computeIfAbsent(value, v -> termIdOf(tax, v));
                    if (id.isEmpty()) continue;
                    if (listing) {
                        entries.get(id.get()).add(new Section.Entry(p, other));
                    } else {
                        labels.putIfAbsent(id.get(), tax.closed() ? tax.termLabel(id.get(), lang).orElse(value) : value);
                        entries.computeIfAbsent(id.get(), k -> new ArrayList<>());
                    }
                }
            }
        }
        List<TaxonomyTerm> out = new ArrayList<>();
        for (Map.Entry<String, List<Section.Entry>> e : entries.entrySet()) {
            List<Section.Entry> list = new ArrayList<>(e.getValue()); // in list order, as the pages are
            out.add(new TaxonomyTerm(tax.key(), e.getKey(), labels.get(e.getKey()),
                    lang + "/" + tax.slug(lang) + "/" + e.getKey() + "/", list));
        }
        Map<String, String> sortKeys = new java.util.HashMap<>();
        out.sort(Comparator.comparing((TaxonomyTerm t) -> sortKeys.computeIfAbsent(t.label(), Slugs::slugify)));
        return out;
    }

    /** The id a page's term value stands for, if the taxonomy accepts it. */
    public static Optional<String> termIdOf(TaxonomyConfig tax, String value) {
        if (!tax.closed()) return Optional.of(Slugs.slugify(value));
        if (tax.terms().containsKey(value)) return Optional.of(value);
        String folded = Slugs.slugify(value);
        for (Map.Entry<String, Map<String, String>> t : tax.terms().entrySet()) {
            if (Slugs.slugify(t.getKey()).equals(folded)) return Optional.of(t.getKey());
            for (String label : t.getValue().values()) if (Slugs.slugify(label).equals(folded)) return Optional.of(t.getKey());
        }
        return Optional.empty();
    }

    /** Two things with one URL would overwrite each other; report every source involved. */
    private void checkUrls(Site site, List<Page> pages) {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        Map<String, List<SourceLocation>> sources = new HashMap<>();
        for (Page p : pages) {
            claim(claims, sources, p.path(), p.source().shown().toString().replace('\\', '/'),
                    SourceLocation.at(p.source().shown(), 1));
            for (String alias : p.meta().aliases()) {
                String a = aliasPath(p.lang(), alias);
                claim(claims, sources, a, "an alias of " + p.source().shown().toString().replace('\\', '/'),
                        p.meta().where("aliases", SourceLocation.at(p.source().shown(), 1)));
            }
        }
        for (LanguageSite l : site.languages().values()) {
            claim(claims, sources, l.lang() + "/search/", "the search page", null);
            for (Section s : l.sections().values()) {
                if (s.index().isEmpty()) claim(claims, sources, s.path(), "the list of section " + s.key(), null);
            }
            for (TaxonomyConfig tax : config.taxonomies().values()) {
                claim(claims, sources, l.lang() + "/" + tax.slug(l.lang()) + "/", "the list of " + tax.key(), null);
                for (TaxonomyTerm t : l.taxonomies().get(tax.key())) claim(claims, sources, t.path(), "the " + tax.key() + " page " + t.id(), null);
            }
        }
        for (Map.Entry<String, List<String>> e : claims.entrySet()) {
            if (e.getValue().size() < 2) continue;
            for (SourceLocation where : sources.getOrDefault(e.getKey(), List.of())) {
                problems.error(where, "two things produce the URL /" + e.getKey() + ": " + String.join(" and ", e.getValue()),
                        "give one of the pages another slug or file name");
            }
        }
    }

    /** Aliases starting with / are site paths in the page's language tree; others are relative to the language root. */
    public static String aliasPath(String lang, String alias) {
        String a = alias.replaceAll("^/+|/+$", "");
        if (a.startsWith(lang + "/") || a.equals(lang)) return a + "/";
        return lang + "/" + (a.isEmpty() ? "" : a + "/");
    }

    private static void claim(Map<String, List<String>> claims, Map<String, List<SourceLocation>> sources, String path, String what,
                              SourceLocation where) {
        claims.computeIfAbsent(path, k -> new ArrayList<>()).add(what);
        if (where != null) sources.computeIfAbsent(path, k -> new ArrayList<>()).add(where);
    }
}
