package org.acervo.search;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.build.OutputFile;
import org.acervo.config.LanguageConfig;
import org.acervo.config.TaxonomyConfig;
import org.acervo.glossary.Glossary;
import org.acervo.model.Heading;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.Section;
import org.acervo.model.Site;
import org.acervo.model.TaxonomyTerm;
import org.acervo.util.CacheFiles;
import org.acervo.util.Fingerprint;
import org.acervo.util.KeptResults;
import org.acervo.util.TextBags;
import org.acervo.util.ValuePrint;

/**
 * Builds the static search index of every language of a site: the single pages are analysed
 * with {@link SearchAnalyzer}, ranked with Lucene's BM25 by {@link TermScorer}, numbered for
 * locality by {@link DocumentOrder}, and written by {@link IndexFiles} under
 * {@code <lang>/search/}. The theme's {@code search.js} reads them.
 */
public final class SearchIndexer {
    /** A taxonomy with more values than this in a language (free tags, say) is stored but not offered as a filter. */
    static final int MAX_FILTER_VALUES = 40;

    private final Site site;
    private final Map<String, Map<String, Map<String, List<String>>>> pairs;
    private final Map<String, Long> htmlPages;
    private final TextBags bags;
    private final KeptResults kept;

    /** An indexer that reads the site's glossary and plans its pages itself (the build passes what it has instead). */
    public SearchIndexer(Site site) {
        this(site, Glossary.of(site.allPages(), site.config().languageCodes()), htmlPages(new org.acervo.render.PagePlanner(site).plan()),
                TextBags.none());
    }

    /**
     * @param glossary  the site's glossary: its es/en term pairs go into the index, and the browser adds
     *                  them to the other language's search so a reader finds pages in the other
     *                  language by their own words
     * @param htmlPages the HTML pages the site has per language (single pages, lists and their later
     *                  pages, taxonomy pages): the index may have one file per ten of them, as static
     *                  hosts count files; more, smaller files mean fewer bytes per query
     * @param bags      the pages' analysed fields, kept from the last build
     */
    public SearchIndexer(Site site, Glossary glossary, Map<String, Long> htmlPages, TextBags bags) {
        this(site, glossary, htmlPages, bags, KeptResults.NONE);
    }

    /**
     * @param kept each language's index files of the last build, taken when everything the language's index is made from
     *             is the same ({@link #inputs}): an edit of one English page leaves the Spanish index as it was
     */
    public SearchIndexer(Site site, Glossary glossary, Map<String, Long> htmlPages, TextBags bags, KeptResults kept) {
        this.site = site;
        this.bags = bags;
        this.kept = kept;
        this.pairs = Map.copyOf(GlossaryTermPairs.of(glossary));
        this.htmlPages = Map.copyOf(htmlPages);
    }

    /** HTML pages per language in a plan of the site's pages. */
    public static Map<String, Long> htmlPages(List<org.acervo.render.OutputPage> plan) {
        Map<String, Long> out = new HashMap<>();
        for (org.acervo.render.OutputPage p : plan) out.merge(p.lang(), 1L, Long::sum);
        return out;
    }

    /** Where a language's index files go: every file {@link #files} makes is in one of these folders. */
    public static String folder(String lang) {
        return lang + "/search/";
    }

    public List<OutputFile> files() {
        // the languages are indexed side by side (each on its own core); files come out in language order
        List<List<OutputFile>> perLanguage = new ArrayList<>(site.languages().values()).parallelStream().map(this::language).toList();
        List<OutputFile> out = new ArrayList<>();
        perLanguage.forEach(out::addAll);
        return out;
    }

    private List<OutputFile> language(LanguageSite l) {
        String lang = l.lang();
        SearchAnalyzer analyzer = SearchAnalyzer.forLanguage(lang);
        List<Page> pages = l.pages();
        Map<Page, Map<String, List<String[]>>> taxonomyValues = taxonomyValues(l);
        String name = SearchAnalyzer.bagsName(lang);
        Optional<String> inputs = inputs(l, taxonomyValues);
        Optional<List<OutputFile>> taken = inputs.flatMap(i -> kept.get(name, i)).flatMap(SearchIndexer::decode);
        if (taken.isPresent()) {
            for (Page p : pages) { // their analysed words are still wanted by the next build that indexes
                bags.keep(name, Fingerprint.of(p.title()));
                bags.keep(name, Fingerprint.of(String.join("\n", headings(p))));
                for (TextBags.Text t : body(p, taxonomyValues.getOrDefault(p, Map.of()))) bags.keep(name, t.key());
            }
            return taken.get();
        }
        List<SearchDocument> docs = new ArrayList<>(pages.size());
        for (Page p : pages) {
            // the preview indexes on a thread that a newer build interrupts: stop, its index is wanted instead
            if (Thread.currentThread().isInterrupted()) throw new java.util.concurrent.CancellationException("a newer build wants the index");
            docs.add(document(l, p, taxonomyValues.getOrDefault(p, Map.of())));
        }
        List<OutputFile> made = index(l, analyzer, docs, taxonomyValues);
        inputs.ifPresent(i -> encode(made).ifPresent(b -> kept.put(name, i, b)));
        return made;
    }

    /**
     * Everything a language's index is made from besides the code and the theme (which the keeper adds): what its pages'
     * documents are made from (title, address, date, summary and text, headings: not the documents, whose excerpts
     * would be cut again for every page), what their body fields analyse, their sections and types, the filters'
     * labels, the languages, the glossary's pairs and the number of HTML pages. Empty when some part has no print (the
     * index is then made).
     */
    private Optional<String> inputs(LanguageSite l, Map<Page, Map<String, List<String[]>>> taxonomyValues) {
        List<Object> parts = new ArrayList<>();
        parts.add(l.lang());
        for (LanguageConfig lc : site.config().languages()) parts.add(List.of(lc.code(), lc.name()));
        for (TaxonomyConfig tax : site.config().taxonomies().values()) parts.add(List.of(tax.key(), tax.title(l.lang())));
        parts.add(pairs.getOrDefault(l.lang(), Map.of()));
        parts.add(htmlPages.getOrDefault(l.lang(), 0L));
        for (Page p : l.pages()) {
            List<Object> taxonomies = new ArrayList<>();
            taxonomyValues.getOrDefault(p, Map.of()).forEach((k, vs) -> {
                taxonomies.add(k);
                vs.forEach(v -> taxonomies.add(List.of(v[0], v[1])));
            });
            parts.add(List.of(p.title(), p.path(), date(p), p.content().summary(), headings(p), p.description(), p.content().textKey(),
                    taxonomies, p.section(), l.findSection(p.section()).map(Section::title).orElse(p.section()), p.type()));
        }
        return new ValuePrint().of(parts);
    }

    /** A language's index files, as bytes to keep; empty when one is not made in memory. */
    private static Optional<byte[]> encode(List<OutputFile> files) {
        if (files.stream().anyMatch(f -> f.bytes() == null)) return Optional.empty();
        return Optional.of(CacheFiles.bytes(out -> {
            out.writeInt(files.size());
            for (OutputFile f : files) {
                out.writeUTF(f.path());
                out.writeInt(f.bytes().length);
                out.write(f.bytes());
            }
        }));
    }

    /** What {@link #encode} wrote; empty when it is not whole. */
    private static Optional<List<OutputFile>> decode(byte[] b) {
        return CacheFiles.fromBytes(b, in -> {
            int n = in.readInt();
            if (n < 0 || n > b.length) return null;
            List<OutputFile> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String path = in.readUTF();
                int size = in.readInt();
                if (size < 0 || size > in.available()) return null;
                byte[] file = new byte[size];
                in.readFully(file);
                out.add(new OutputFile(path, file, null));
            }
            return out;
        });
    }

    /** A language's index: its pages' terms scored, the pages numbered, the files written. */
    private List<OutputFile> index(LanguageSite l, SearchAnalyzer analyzer, List<SearchDocument> docs,
                                   Map<Page, Map<String, List<String[]>>> taxonomyValues) {
        String lang = l.lang();
        List<Page> pages = l.pages();
        // each page's body is made when it is analysed, not kept for every page at once (on 50,000 pages, that was
        // hundreds of megabytes)
        TermScorer scorer = new TermScorer(analyzer, bags, SearchAnalyzer.bagsName(lang));
        List<TermPostings> scored = scorer.score(docs, i -> body(pages.get(i), taxonomyValues.getOrDefault(pages.get(i), Map.of())));
        int[] order = DocumentOrder.of(scored, docs.size());
        int[] newId = new int[order.length];
        for (int i = 0; i < order.length; i++) newId[order[i]] = i;
        List<TermPostings> terms = new ArrayList<>(scored.size());
        for (TermPostings t : scored) terms.add(renumber(t, newId));
        List<SearchDocument> ordered = new ArrayList<>(docs.size());
        for (int old : order) ordered.add(docs.get(old));

        StringBuilder titleTerms = new StringBuilder();
        for (SearchDocument d : ordered) {
            long distinct = scorer.distinctTerms(d.title());
            titleTerms.append(IndexFiles.ALPHABET.charAt((int) Math.min(IndexFiles.ALPHABET.length() - 1, distinct)));
        }
        List<IndexFiles.Facet> facets = facets(l, ordered, order, pages, taxonomyValues);
        Map<String, String> other = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (LanguageConfig lc : site.config().languages()) {
            names.put(lc.code(), lc.name());
            if (!lc.code().equals(lang)) other.put(lc.code(), "../../" + lc.code() + "/search/index.js");
        }
        IndexFiles.Manifest m = new IndexFiles.Manifest(lang, site.config().expectLanguage(lang).name(), analyzer, facets,
                titleTerms.toString(), other, names, pairs.getOrDefault(lang, Map.of()));
        return new IndexFiles(lang).write(m, terms, ordered, (int) (Math.max(pages.size(), htmlPages.getOrDefault(lang, 0L)) / 10));
    }

    private SearchDocument document(LanguageSite l, Page p, Map<String, List<String[]>> taxonomies) {
        String path = p.path().startsWith(l.lang() + "/") ? p.path().substring(l.lang().length() + 1) : p.path();
        Map<String, List<String>> facets = new HashMap<>();
        taxonomies.forEach((k, vs) -> facets.put(k, vs.stream().map(v -> v[0]).toList()));
        return new SearchDocument(p.title(), path, date(p), excerpt(p.content().summary().isBlank() ? p.content().text() : p.content().summary()),
                headings(p), "", facets);
    }

    private static String date(Page p) {
        return p.date().map(d -> d.format(DateTimeFormatter.ISO_LOCAL_DATE)).orElse("");
    }

    /** The texts of a page's headings: its document's headings field. */
    private static List<String> headings(Page p) {
        return p.content().headings().stream().map(Heading::text).toList();
    }

    /**
     * What the body field analyses: the page's description, text and taxonomy labels, as texts looked up one by one (the
     * related pages look up the first two too). The text is made only if its bag is not kept.
     */
    private static List<TextBags.Text> body(Page p, Map<String, List<String[]>> taxonomies) {
        StringBuilder labels = new StringBuilder();
        taxonomies.values().forEach(vs -> vs.forEach(v -> labels.append(labels.isEmpty() ? "" : "\n").append(v[1])));
        org.acervo.model.Content c = p.content();
        return List.of(TextBags.Text.of(p.description()), new TextBags.Text(c.textKey(), c::text), TextBags.Text.of(labels.toString()));
    }

    /** The summary cut at a word boundary near {@link IndexFiles#EXCERPT_CHARS}, with an ellipsis when cut. */
    static String excerpt(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= IndexFiles.EXCERPT_CHARS) return t;
        int cut = t.lastIndexOf(' ', IndexFiles.EXCERPT_CHARS);
        if (cut < IndexFiles.EXCERPT_CHARS / 2) cut = IndexFiles.EXCERPT_CHARS;
        return t.substring(0, cut).replaceAll("[\\s,;:.]+$", "") + "…";
    }

    /** Each page's terms per taxonomy, as (id, label) in the page's language. */
    private Map<Page, Map<String, List<String[]>>> taxonomyValues(LanguageSite l) {
        Map<Page, Map<String, List<String[]>>> out = new IdentityHashMap<>();
        for (Map.Entry<String, List<TaxonomyTerm>> tax : l.taxonomies().entrySet()) {
            for (TaxonomyTerm term : tax.getValue()) {
                for (Section.Entry e : term.entries()) {
                    if (e.otherLanguage() || !e.page().lang().equals(l.lang())) continue;
                    out.computeIfAbsent(e.page(), k -> new LinkedHashMap<>()).computeIfAbsent(tax.getKey(), k -> new ArrayList<>())
                            .add(new String[] {term.id(), term.label()});
                }
            }
        }
        return out;
    }

    private List<IndexFiles.Facet> facets(LanguageSite l, List<SearchDocument> ordered, int[] order, List<Page> pages,
                                          Map<Page, Map<String, List<String[]>>> taxonomyValues) {
        List<IndexFiles.Facet> out = new ArrayList<>();
        String lang = l.lang();
        boolean es = lang.equals("es");
        // section, and type when some page's type differs from its section
        out.add(facet("section", es ? "Sección" : "Section", order, p -> {
            String title = l.findSection(p.section()).map(Section::title).orElse(p.section());
            return p.section().isEmpty() ? List.of() : List.<String[]>of(new String[] {p.section(), title});
        }, pages));
        if (pages.stream().anyMatch(p -> !p.type().equals(p.section()))) {
            out.add(facet("type", es ? "Tipo" : "Type", order, p -> List.<String[]>of(new String[] {p.type(), p.type()}), pages));
        }
        for (TaxonomyConfig tax : site.config().taxonomies().values()) {
            IndexFiles.Facet f = facet(tax.key(), tax.title(lang), order,
                    p -> taxonomyValues.getOrDefault(p, Map.of()).getOrDefault(tax.key(), List.of()), pages);
            if (!f.values().isEmpty() && f.values().size() <= MAX_FILTER_VALUES) out.add(f);
        }
        return out;
    }

    private static IndexFiles.Facet facet(String key, String label, int[] order, java.util.function.Function<Page, List<String[]>> values,
                                          List<Page> pages) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String[]> labels = new ArrayList<>();
        List<int[]> perDoc = new ArrayList<>(order.length);
        for (int old : order) {
            List<String[]> vs = values.apply(pages.get(old));
            int[] ids = new int[vs.size()];
            for (int i = 0; i < ids.length; i++) {
                String[] v = vs.get(i);
                ids[i] = index.computeIfAbsent(v[0], k -> {
                    labels.add(v);
                    return labels.size() - 1;
                });
            }
            perDoc.add(ids);
        }
        if (labels.size() > IndexFiles.ALPHABET.length()) return new IndexFiles.Facet(key, label, List.of(), List.of());
        return new IndexFiles.Facet(key, label, labels, perDoc);
    }

    private static TermPostings renumber(TermPostings t, int[] newId) {
        int n = t.df();
        long[] byNewId = new long[n]; // new number, then position: numbers are distinct, so a plain sort orders them
        for (int i = 0; i < n; i++) byNewId[i] = ((long) newId[t.docs()[i]] << 32) | i;
        java.util.Arrays.sort(byNewId);
        int[] d = new int[n];
        float[] s = new float[n];
        boolean[] ti = new boolean[n];
        for (int i = 0; i < n; i++) {
            int from = (int) byNewId[i];
            d[i] = (int) (byNewId[i] >>> 32);
            s[i] = t.scores()[from];
            ti[i] = t.inTitle()[from];
        }
        return new TermPostings(t.term(), d, s, ti);
    }
}
