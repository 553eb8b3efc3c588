package org.acervo.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.acervo.config.TaxonomyConfig;
import org.acervo.model.Content;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.Site;
import org.acervo.search.SearchAnalyzer;
import org.acervo.util.CacheFiles;
import org.acervo.util.KeptResults;
import org.acervo.util.TextBags;
import org.acervo.util.ValuePrint;
import org.acervo.util.WordMemo;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.ClassicSimilarity;

/**
 * Up to {@link #MAX} related pages for every single page, in its own language, over titles,
 * bodies and taxonomy terms, the way Lucene's MoreLikeThis finds them: each page's text is
 * analysed once with the search index's chain for its language ({@link SearchAnalyzer}: folded,
 * stop words out, lightly stemmed), whose bags of words the index looks up too, so a build
 * analyses each text once for both; its 25 most telling terms (term frequency
 * times {@link ClassicSimilarity} idf, terms of a single page left out) become a query, each
 * term boosted by its weight, and every other page is scored against it with
 * {@link BM25Similarity}'s formula. MoreLikeThis does the same through an index, paying a term
 * dictionary lookup for every distinct word of every page; here the statistics are counted once,
 * so ten thousand pages take seconds rather than a minute. Deterministic: equal scores are
 * ordered by path.
 */
public final class RelatedPages {
    public static final int MAX = 5;
    /** As MoreLikeThis: how many terms make a page's query, and in how few pages a term must appear to count. */
    private static final int QUERY_TERMS = 25;
    private static final int MIN_DOC_FREQ = 2;
    private static final float K1 = 1.2f;
    private static final float B = 0.75f;
    private static final int FIELDS = 3; // title (twice) with description, body, taxonomy terms

    private final Map<String, List<Page>> related; // by page path

    private RelatedPages(Map<String, List<Page>> related) {
        this.related = related;
    }

    /** The related pages of a page, best first; empty for pages that are not singles. */
    public List<Page> of(Page page) {
        return related.getOrDefault(page.path(), List.of());
    }

    /**
     * The same lists with every page taken from {@code site}, a later build of the same pages: titles and summaries are
     * current, only the choice is kept (a page that is gone drops out of the lists).
     */
    public RelatedPages against(Site site) {
        Map<String, Page> current = new HashMap<>();
        for (Page p : site.allPages()) current.put(p.path(), p);
        Map<String, List<Page>> out = new HashMap<>();
        related.forEach((path, list) -> out.put(path, list.stream().map(p -> current.get(p.path())).filter(java.util.Objects::nonNull).toList()));
        return new RelatedPages(out);
    }

    /** The paths of the pages lists are made for, per language: when they are the same, {@link #against} may stand in for {@link #compute}. */
    public static java.util.Set<String> subjects(Site site) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (LanguageSite l : site.languages().values()) for (Page p : l.pages()) out.add(p.path());
        return out;
    }

    public static RelatedPages compute(Site site) {
        return compute(site, TextBags.none());
    }

    /** @param bags the pages' analysed titles and texts, kept from the last build */
    public static RelatedPages compute(Site site, TextBags bags) {
        return compute(site, bags, KeptResults.NONE);
    }

    /**
     * @param kept each language's lists of the last build, taken when that language's pages have the same paths, titles,
     *             descriptions, texts and taxonomy terms: all that its lists are worked out from
     */
    public static RelatedPages compute(Site site, TextBags bags, KeptResults kept) {
        Map<String, List<Page>> out = new HashMap<>();
        for (LanguageSite l : site.languages().values()) {
            List<Page> pages = new ArrayList<>(l.pages());
            pages.sort(Comparator.comparing(Page::path));
            if (pages.size() < 2) continue;
            String name = "related-" + l.lang();
            String inputs = inputs(site, pages);
            Optional<List<List<Page>>> taken = kept.get(name, inputs).flatMap(b -> decode(b, pages));
            if (taken.isPresent()) {
                String bagsName = SearchAnalyzer.bagsName(l.lang());
                for (Page p : pages) { // their analysed words are still wanted by the next build that works the lists out
                    for (TextBags.Text t : titleTexts(p)) bags.keep(bagsName, t.key());
                    bags.keep(bagsName, p.content().textKey());
                }
                for (int i = 0; i < pages.size(); i++) out.put(pages.get(i).path(), taken.get().get(i));
                continue;
            }
            Map<String, List<Page>> made = forLanguage(site, l.lang(), pages, bags);
            kept.put(name, inputs, encode(made, pages));
            out.putAll(made);
        }
        return new RelatedPages(out);
    }

    /** All that one language's lists are worked out from, as a fingerprint (see {@link #analyse}). */
    private static String inputs(Site site, List<Page> pages) {
        List<Object> parts = new ArrayList<>(pages.size() + 1);
        parts.add(site.config().taxonomies().values().stream().map(TaxonomyConfig::key).toList());
        for (Page p : pages) {
            List<Object> terms = new ArrayList<>();
            for (TaxonomyConfig tax : site.config().taxonomies().values()) terms.add(p.terms(tax.key()));
            parts.add(List.of(p.path(), titleText(p), p.content().textKey(), terms));
        }
        return new ValuePrint().of(parts).orElseThrow(); // texts and lists of texts: always printed
    }

    /** Each page's list as the numbers of its pages in {@code pages}. */
    private static byte[] encode(Map<String, List<Page>> lists, List<Page> pages) {
        Map<String, Integer> number = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) number.put(pages.get(i).path(), i);
        return CacheFiles.bytes(out -> {
            out.writeInt(pages.size());
            for (Page p : pages) {
                List<Page> list = lists.getOrDefault(p.path(), List.of());
                out.writeByte(list.size());
                for (Page r : list) out.writeInt(number.get(r.path()));
            }
        });
    }

    /** What {@link #encode} wrote for the same pages; empty when it does not fit them. */
    private static Optional<List<List<Page>>> decode(byte[] b, List<Page> pages) {
        return CacheFiles.fromBytes(b, in -> {
            if (in.readInt() != pages.size()) return null;
            List<List<Page>> out = new ArrayList<>(pages.size());
            for (int i = 0; i < pages.size(); i++) {
                int k = in.readByte();
                if (k < 0 || k > MAX) return null;
                List<Page> list = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    int n = in.readInt();
                    if (n < 0 || n >= pages.size() || n == i) return null;
                    list.add(pages.get(n));
                }
                out.add(List.copyOf(list));
            }
            return out;
        });
    }

    /** What the title field analyses: the title twice (it says what the page is about better than any paragraph), then the description. */
    private static String titleText(Page p) {
        return p.title() + " " + p.title() + " " + p.description();
    }

    /** {@link #titleText} as the texts it joins, each looked up on its own (the search index looks up both). */
    private static List<TextBags.Text> titleTexts(Page p) {
        TextBags.Text title = TextBags.Text.of(p.title());
        return List.of(title, title, TextBags.Text.of(p.description()));
    }

    /** One page's analysed fields: term ids and their frequencies, and each field's length in tokens. */
    private record Analysed(int[] terms, int[] freqs, int[] fields, int[] lengths) {}

    private static Map<String, List<Page>> forLanguage(Site site, String lang, List<Page> pages, TextBags bags) {
        // the search index's chain, whose bags of words the index looks up too: each text is analysed once for both
        try (SearchAnalyzer chain = SearchAnalyzer.forLanguage(lang)) {
            WordMemo memo = chain.memo();
            String name = SearchAnalyzer.bagsName(lang);
            Function<Page, TextBags.Bag> analysed = p -> bags.of(name, memo, titleTexts(p));
            Function<Content, TextBags.Bag> body = c -> bags.of(name, memo, c.textKey(), c::text);
            int n = pages.size();
            // analysis runs on all cores; term ids are handed out as terms are met (their order does not matter: ties
            // are broken by the terms themselves and by page path), one map per field (a bag's terms are shared
            // strings, whose hashes are worked out once)
            List<java.util.concurrent.ConcurrentHashMap<String, Integer>> ids = new ArrayList<>();
            for (int f = 0; f < FIELDS; f++) ids.add(new java.util.concurrent.ConcurrentHashMap<>());
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            TermIds termIds = (field, term) -> ids.get(field).computeIfAbsent(term, k -> next.getAndIncrement());
            // a site has a few hundred taxonomy values, each on many pages: each is made a slug once
            Map<String, String> slugs = new java.util.concurrent.ConcurrentHashMap<>();
            Function<String, String> slug = v -> slugs.computeIfAbsent(v, org.acervo.util.Slugs::slugify);
            List<Analysed> docs = IntStream.range(0, n).parallel().mapToObj(i -> analyse(site, analysed, body, slug, termIds, pages.get(i))).toList();
            String[] termNames = new String[next.get()];
            for (int f = 0; f < FIELDS; f++) { // terms are named with their field's digit in front
                String field = Integer.toString(f);
                ids.get(f).forEach((term, id) -> termNames[id] = field + term);
            }
            List<String> names = List.of(termNames);
            Postings postings = Postings.of(docs, names.size());
            List<List<Page>> results = IntStream.range(0, n).parallel()
                    .mapToObj(i -> best(i, docs, postings, names, pages)).toList();
            Map<String, List<Page>> out = new HashMap<>();
            for (int i = 0; i < n; i++) out.put(pages.get(i).path(), results.get(i));
            return out;
        }
    }

    /** The id of a field's term. */
    private interface TermIds {
        int of(int field, String term);
    }

    /** A page's terms in its three fields, with their frequencies and the length of each field. */
    private static Analysed analyse(Site site, Function<Page, TextBags.Bag> titles, Function<Content, TextBags.Bag> bodies,
                                    Function<String, String> slug, TermIds ids, Page p) {
        TextBags.Bag title = titles.apply(p);
        TextBags.Bag body = bodies.apply(p.content());
        Map<String, int[]> taxonomy = new java.util.LinkedHashMap<>();
        int tagged = 0;
        for (TaxonomyConfig tax : site.config().taxonomies().values()) {
            for (String v : p.terms(tax.key())) {
                taxonomy.computeIfAbsent(tax.key() + ':' + slug.apply(v), k -> new int[1])[0]++;
                tagged++;
            }
        }
        int size = title.terms().length + body.terms().length + taxonomy.size();
        int[] terms = new int[size];
        int[] freqs = new int[size];
        int[] fields = new int[size];
        int k = 0;
        for (TextBags.Bag bag : List.of(title, body)) {
            int field = bag == title ? 0 : 1;
            for (int i = 0; i < bag.terms().length; i++, k++) {
                terms[k] = ids.of(field, bag.terms()[i]);
                freqs[k] = bag.counts()[i];
                fields[k] = field;
            }
        }
        for (Map.Entry<String, int[]> e : taxonomy.entrySet()) {
            terms[k] = ids.of(2, e.getKey());
            freqs[k] = e.getValue()[0];
            fields[k++] = 2;
        }
        return new Analysed(terms, freqs, fields, new int[] {title.length(), body.length(), tagged});
    }

    /**
     * For every term, the pages that hold it (ascending) and, for each, BM25's saturated term frequency
     * {@code tf / (tf + k1 (1 - b + b len / avg len))}, worked out once instead of once per query the term is in; and
     * each term's BM25 idf.
     */
    private record Postings(int[][] docs, float[][] weights, float[] idf, float[] queryIdf) {
        static Postings of(List<Analysed> docs, int terms) {
            int n = docs.size();
            int[] df = new int[terms];
            long[] total = new long[FIELDS];
            for (Analysed d : docs) {
                for (int t : d.terms()) df[t]++;
                for (int f = 0; f < FIELDS; f++) total[f] += d.lengths()[f];
            }
            float[][] norms = new float[FIELDS][n];
            for (int f = 0; f < FIELDS; f++) {
                float avg = Math.max(1f, (float) total[f] / n);
                for (int i = 0; i < n; i++) norms[f][i] = K1 * (1 - B + B * docs.get(i).lengths()[f] / avg);
            }
            int[][] ds = new int[terms][];
            float[][] ws = new float[terms][];
            for (int t = 0; t < terms; t++) {
                ds[t] = new int[df[t]];
                ws[t] = new float[df[t]];
            }
            int[] fill = new int[terms];
            for (int i = 0; i < n; i++) {
                Analysed d = docs.get(i);
                for (int k = 0; k < d.terms().length; k++) {
                    int t = d.terms()[k];
                    float tf = d.freqs()[k];
                    ds[t][fill[t]] = i;
                    ws[t][fill[t]++] = tf / (tf + norms[d.fields()[k]][i]);
                }
            }
            float[] idf = new float[terms];
            float[] queryIdf = new float[terms];
            for (int t = 0; t < terms; t++) {
                idf[t] = (float) Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5));
                queryIdf[t] = CLASSIC.idf(df[t], n);
            }
            return new Postings(ds, ws, idf, queryIdf);
        }
    }

    private static final ClassicSimilarity CLASSIC = new ClassicSimilarity();

    /** Below zero when query term {@code a} goes before {@code b}: higher weight first, then the term itself. */
    private static int better(int a, int b, float[] weight, int[] terms, List<String> names) {
        int byWeight = Double.compare(-weight[a], -weight[b]);
        return byWeight != 0 ? byWeight : names.get(terms[a]).compareTo(names.get(terms[b]));
    }

    /**
     * Each thread's array of scores, one per page, reused from page to page: a new one for every page had made about
     * 90 MB of garbage per language on 9,300 pages (the pages' count squared, in floats), which the collector paid for.
     */
    private static final ThreadLocal<float[]> SCORES = ThreadLocal.withInitial(() -> new float[0]);

    /** This thread's scores array, at least {@code n} long, its first {@code n} at zero. */
    private static float[] scores(int n) {
        float[] s = SCORES.get();
        if (s.length < n) {
            s = new float[n];
            SCORES.set(s);
        } else {
            java.util.Arrays.fill(s, 0, n, 0f);
        }
        return s;
    }

    private static List<Page> best(int doc, List<Analysed> docs, Postings postings, List<String> names, List<Page> pages) {
        int n = docs.size();
        Analysed me = docs.get(doc);
        // the query: the page's most telling terms, as MoreLikeThis chooses them
        float[] weight = new float[me.terms().length];
        // the best QUERY_TERMS by weight, then term: one pass, each term compared with the last of the few kept
        int[] chosen = new int[QUERY_TERMS];
        int q = 0;
        for (int k = 0; k < me.terms().length; k++) {
            int t = me.terms()[k];
            if (postings.docs()[t].length < MIN_DOC_FREQ) continue;
            weight[k] = me.freqs()[k] * postings.queryIdf()[t];
            if (q == QUERY_TERMS && better(k, chosen[q - 1], weight, me.terms(), names) >= 0) continue;
            int at = q == QUERY_TERMS ? q - 1 : q++;
            while (at > 0 && better(k, chosen[at - 1], weight, me.terms(), names) < 0) {
                chosen[at] = chosen[at - 1];
                at--;
            }
            chosen[at] = k;
        }
        if (q == 0) return List.of();
        float top = weight[chosen[0]];
        float[] score = scores(n);
        for (int c = 0; c < q; c++) {
            int k = chosen[c];
            int t = me.terms()[k];
            float boost = weight[k] / top;
            int[] ds = postings.docs()[t];
            float[] ws = postings.weights()[t];
            float scale = boost * postings.idf()[t];
            for (int i = 0; i < ds.length; i++) score[ds[i]] += scale * ws[i];
        }
        score[doc] = 0;
        // the best few, by score then path (pages are in path order): one pass, no sort of every page
        int[] best = new int[MAX];
        int found = 0;
        float floor = 0; // what a page must beat to be kept: nothing until MAX are found, then the last kept
        for (int i = 0; i < n; i++) {
            float s = score[i];
            if (s <= floor) continue; // most pages: one comparison
            int at = found < MAX ? found++ : MAX - 1;
            while (at > 0 && score[best[at - 1]] < s) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
            if (found == MAX) floor = score[best[MAX - 1]];
        }
        List<Page> out = new ArrayList<>(found);
        for (int i = 0; i < found; i++) out.add(pages.get(best[i]));
        return List.copyOf(out);
    }
}
