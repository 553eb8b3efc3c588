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
import org.acervo.util.Fingerprint;
import org.acervo.util.KeptResults;
import org.acervo.util.TextBags;
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
     *             descriptions, texts and taxonomy terms: all that its lists are worked out from; when some changed, the
     *             lists of the last build are worked out again only where the change reaches (see {@link Incremental})
     */
    public static RelatedPages compute(Site site, TextBags bags, KeptResults kept) {
        Map<String, List<Page>> out = new HashMap<>();
        for (LanguageSite l : site.languages().values()) {
            List<Page> pages = new ArrayList<>(l.pages());
            pages.sort(Comparator.comparing(Page::path));
            if (pages.size() < 2) continue;
            String name = "related-" + l.lang();
            String[] prints = prints(site, pages);
            String inputs = inputs(site, prints);
            Optional<Kept> taken = kept.get(name, inputs).flatMap(b -> Kept.decode(b, pages.size()));
            if (taken.isPresent()) {
                String bagsName = SearchAnalyzer.bagsName(l.lang());
                for (Page p : pages) { // their analysed words are still wanted by the next build that works the lists out
                    for (TextBags.Text t : titleTexts(p)) bags.keep(bagsName, t.key());
                    bags.keep(bagsName, p.content().textKey());
                }
                out.putAll(taken.get().lists(pages));
                continue;
            }
            Optional<Kept> last = kept.last(name).flatMap(b -> Kept.decode(b, pages.size()));
            Kept made = forLanguage(site, l.lang(), pages, prints, bags, last.orElse(null));
            kept.put(name, inputs, made.encode());
            if (last.isPresent()) {
                kept.partly(name, String.format(java.util.Locale.ROOT, "for %,d of %,d pages", made.worked(), pages.size()));
            }
            out.putAll(made.lists(pages));
        }
        return new RelatedPages(out);
    }

    /**
     * Each page's print of all that its part of the lists is worked out from: its path, title, description, text and
     * taxonomy terms.
     */
    private static String[] prints(Site site, List<Page> pages) {
        String[] out = new String[pages.size()];
        for (int i = 0; i < out.length; i++) {
            Page p = pages.get(i);
            Fingerprint f = new Fingerprint().add(p.path()).add(titleText(p)).add(p.content().textKey());
            for (TaxonomyConfig tax : site.config().taxonomies().values()) {
                List<String> terms = p.terms(tax.key());
                f.add(terms.size());
                for (String t : terms) f.add(t);
            }
            out[i] = f.value();
        }
        return out;
    }

    /** All that one language's lists are worked out from, as a fingerprint: its taxonomies and its pages' {@link #prints}. */
    private static String inputs(Site site, String[] prints) {
        Fingerprint f = new Fingerprint();
        for (TaxonomyConfig tax : site.config().taxonomies().values()) f.add(tax.key());
        f.add(prints.length);
        for (String p : prints) f.add(p);
        return f.value();
    }

    /**
     * One language's lists as a build works them out, with what the next build needs to work out again only those an
     * edit can change: each page's {@link #prints print}, each field's average length as {@link Postings} rounds it,
     * and each term's document frequency.
     *
     * @param lists  each page's list, as the numbers of its pages in path order
     * @param worked how many pages' lists were worked out in full by this build
     */
    private record Kept(int[][] lists, String[] prints, float[] averages, Map<String, Integer> frequencies, int worked) {
        Map<String, List<Page>> lists(List<Page> pages) {
            Map<String, List<Page>> out = new HashMap<>();
            for (int i = 0; i < lists.length; i++) {
                List<Page> list = new ArrayList<>(lists[i].length);
                for (int r : lists[i]) list.add(pages.get(r));
                out.put(pages.get(i).path(), List.copyOf(list));
            }
            return out;
        }

        byte[] encode() {
            return CacheFiles.bytes(out -> {
                out.writeInt(lists.length);
                for (int[] list : lists) {
                    out.writeByte(list.length);
                    for (int r : list) out.writeInt(r);
                }
                for (String p : prints) CacheFiles.writeString(out, p);
                for (float a : averages) out.writeFloat(a);
                out.writeInt(frequencies.size());
                for (Map.Entry<String, Integer> e : frequencies.entrySet()) { // in no order: only read back into a map
                    CacheFiles.writeString(out, e.getKey());
                    out.writeInt(e.getValue());
                }
            });
        }

        /** What {@link #encode} wrote for {@code n} pages; empty when it does not fit them. */
        static Optional<Kept> decode(byte[] b, int n) {
            return CacheFiles.fromBytes(b, in -> {
                if (in.readInt() != n) return null;
                int[][] lists = new int[n][];
                for (int i = 0; i < n; i++) {
                    int k = in.readByte();
                    if (k < 0 || k > MAX) return null;
                    lists[i] = new int[k];
                    for (int j = 0; j < k; j++) {
                        int r = in.readInt();
                        if (r < 0 || r >= n || r == i) return null;
                        lists[i][j] = r;
                    }
                }
                String[] prints = new String[n];
                for (int i = 0; i < n; i++) prints[i] = CacheFiles.readString(in);
                float[] averages = new float[FIELDS];
                for (int f = 0; f < FIELDS; f++) averages[f] = in.readFloat();
                int terms = in.readInt();
                if (terms < 0 || terms > in.available()) return null;
                Map<String, Integer> frequencies = new HashMap<>(Math.max(16, terms * 2));
                for (int t = 0; t < terms; t++) frequencies.put(CacheFiles.readString(in), in.readInt());
                return new Kept(lists, prints, averages, frequencies, 0);
            });
        }
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

    /**
     * One language's lists, all worked out, or, given the last build's ({@code last}), worked out in full only for the
     * pages {@link Incremental} says an edit can reach.
     */
    private static Kept forLanguage(Site site, String lang, List<Page> pages, String[] prints, TextBags bags, Kept last) {
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
            Map<String, Integer> frequencies = new HashMap<>(Math.max(16, termNames.length * 2));
            for (int t = 0; t < termNames.length; t++) frequencies.put(termNames[t], postings.docs()[t].length);
            Incremental from = last == null ? null : Incremental.of(last, prints, postings, names);
            int[][] lists = IntStream.range(0, n).parallel()
                    .mapToObj(i -> from == null ? best(i, Query.of(docs.get(i), postings, names), postings) : from.list(i, docs, postings, names))
                    .toArray(int[][]::new);
            int worked = from == null ? n : from.worked.get();
            return new Kept(lists, prints, postings.averages(), frequencies, worked);
        }
    }

    /**
     * What an edit changes of the last build's lists. A page's list is worked out from its query (its most telling
     * terms, chosen by how often it says them and by how many pages hold them) and the scores of the other pages for
     * it; a page's score for a term depends only on that page's words and on the field's average length, which
     * {@link Postings} rounds so that an edit seldom moves it. So when the averages are as they were, and a page's
     * query is the same as with the last build's counts (always, unless it holds a term now in more or fewer pages),
     * every page that did not change has the score it had for it: only the changed pages may score otherwise. Its new
     * list is then the best of its old list and the changed pages, unless a changed page was in its old list (it may
     * have fallen out, and what followed it is not known). Every other list (a changed page's, one whose query changed,
     * one that held a changed page) is worked out in full. Either way the lists are the same as those worked out in
     * full, to the bit: each score is the same sum of the same products, in the same order.
     */
    private static final class Incremental {
        private final int[][] lastLists;
        private final boolean[] changed;
        private final int[] changedPages;
        /** Pages that hold a term whose count of pages changed: their queries are made both ways and compared. */
        private final boolean[] suspect;
        private final Stats before;
        final java.util.concurrent.atomic.AtomicInteger worked = new java.util.concurrent.atomic.AtomicInteger();

        private Incremental(int[][] lastLists, boolean[] changed, boolean[] suspect, Stats before) {
            this.lastLists = lastLists;
            this.changed = changed;
            this.changedPages = IntStream.range(0, changed.length).filter(i -> changed[i]).toArray();
            this.suspect = suspect;
            this.before = before;
        }

        /**
         * Null when an average length moved (every score may then differ), or when more than a quarter of the pages
         * changed (every other list would score them all, for lists that mostly held one of them anyway).
         */
        static Incremental of(Kept last, String[] prints, Postings postings, List<String> names) {
            int n = prints.length;
            if (!Arrays.equals(last.averages(), postings.averages())) return null;
            boolean[] changed = new boolean[n];
            int edited = 0;
            for (int i = 0; i < n; i++) {
                changed[i] = !prints[i].equals(last.prints()[i]);
                if (changed[i]) edited++;
            }
            if (edited > n / 4) return null;
            int[] df = new int[names.size()];
            boolean[] suspect = new boolean[n];
            for (int t = 0; t < df.length; t++) {
                int[] holders = postings.docs()[t];
                df[t] = last.frequencies().getOrDefault(names.get(t), 0);
                if (df[t] != holders.length) for (int d : holders) suspect[d] = true;
            }
            return new Incremental(last.lists(), changed, suspect, Stats.of(df, n));
        }

        /** A page's list: the best of its last list and the changed pages when that is enough, else worked out in full. */
        int[] list(int doc, List<Analysed> docs, Postings postings, List<String> names) {
            Query q = Query.of(docs.get(doc), postings, names);
            boolean full = changed[doc] || (suspect[doc] && !Query.same(q, Query.of(docs.get(doc), before, names)));
            for (int r : lastLists[doc]) full |= changed[r];
            if (full) {
                worked.incrementAndGet();
                return best(doc, q, postings);
            }
            if (q == null) return new int[0];
            int[] candidates = IntStream.concat(Arrays.stream(lastLists[doc]), Arrays.stream(changedPages)).filter(j -> j != doc).toArray();
            float[] scores = new float[candidates.length];
            for (int c = 0; c < candidates.length; c++) scores[c] = q.score(candidates[c], postings);
            Integer[] order = new Integer[candidates.length];
            for (int c = 0; c < order.length; c++) order[c] = c;
            // as best() keeps them: by score, then the page first in path order; only pages that score at all
            Arrays.sort(order, (x, y) -> scores[x] != scores[y] ? Float.compare(scores[y], scores[x]) : Integer.compare(candidates[x], candidates[y]));
            int[] out = new int[MAX];
            int found = 0;
            for (int c = 0; c < order.length && found < MAX; c++) if (scores[order[c]] > 0) out[found++] = candidates[order[c]];
            return Arrays.copyOf(out, found);
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
    private record Postings(int pages, int[][] docs, float[][] weights, float[] idf, float[] queryIdf, float[] averages) implements Stats {
        @Override
        public int df(int term) {
            return docs[term].length;
        }

        @Override
        public float idf(int term) {
            return idf[term];
        }

        @Override
        public float queryIdf(int term) {
            return queryIdf[term];
        }

        /** BM25's idf of a term in {@code df} of {@code n} pages. */
        static float idf(int df, int n) {
            return (float) Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }

        static Postings of(List<Analysed> docs, int terms) {
            int n = docs.size();
            int[] df = new int[terms];
            long[] total = new long[FIELDS];
            for (Analysed d : docs) {
                for (int t : d.terms()) df[t]++;
                for (int f = 0; f < FIELDS; f++) total[f] += d.lengths()[f];
            }
            float[][] norms = new float[FIELDS][n];
            float[] averages = new float[FIELDS];
            for (int f = 0; f < FIELDS; f++) {
                float avg = averages[f] = rounded(Math.max(1.0, (double) total[f] / n));
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
                idf[t] = idf(df[t], n);
                queryIdf[t] = CLASSIC.idf(df[t], n);
            }
            return new Postings(n, ds, ws, idf, queryIdf, averages);
        }

        /**
         * An average length rounded to a step of 1/{@value #STEPS} of a doubling (about 1%): BM25 only weighs a page's
         * length against it, and an edit of a page or two seldom moves it from one step to the next, so that the
         * other pages' scores stay what they were (see {@link Incremental}). Strict maths: the same on every machine.
         */
        static float rounded(double average) {
            return (float) StrictMath.pow(2, StrictMath.rint(StrictMath.log(average) / StrictMath.log(2) * STEPS) / STEPS);
        }

        static final int STEPS = 64;
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

    /**
     * What a query is made with: the number of pages that hold each term, and its two idfs (BM25's, which scales the
     * scores, and {@link ClassicSimilarity}'s, by which MoreLikeThis chooses the terms).
     */
    private interface Stats {
        int df(int term);

        float idf(int term);

        float queryIdf(int term);

        /** The statistics of {@code df}, for {@code n} pages. */
        static Stats of(int[] df, int n) {
            return new Stats() {
                @Override
                public int df(int term) {
                    return df[term];
                }

                @Override
                public float idf(int term) {
                    return Postings.idf(df[term], n);
                }

                @Override
                public float queryIdf(int term) {
                    return CLASSIC.idf(df[term], n);
                }
            };
        }
    }

    /** A page's query: its most telling terms, as MoreLikeThis chooses them, each with the scale of its scores. */
    private record Query(int[] terms, float[] scales) {
        /** Null when the page has no term that another page holds. */
        static Query of(Analysed me, Stats stats, List<String> names) {
            float[] weight = new float[me.terms().length];
            // the best QUERY_TERMS by weight, then term: one pass, each term compared with the last of the few kept
            int[] chosen = new int[QUERY_TERMS];
            int q = 0;
            for (int k = 0; k < me.terms().length; k++) {
                int t = me.terms()[k];
                if (stats.df(t) < MIN_DOC_FREQ) continue;
                weight[k] = me.freqs()[k] * stats.queryIdf(t);
                if (q == QUERY_TERMS && better(k, chosen[q - 1], weight, me.terms(), names) >= 0) continue;
                int at = q == QUERY_TERMS ? q - 1 : q++;
                while (at > 0 && better(k, chosen[at - 1], weight, me.terms(), names) < 0) {
                    chosen[at] = chosen[at - 1];
                    at--;
                }
                chosen[at] = k;
            }
            if (q == 0) return null;
            float top = weight[chosen[0]];
            int[] terms = new int[q];
            float[] scales = new float[q];
            for (int c = 0; c < q; c++) {
                int k = chosen[c];
                terms[c] = me.terms()[k];
                float boost = weight[k] / top;
                scales[c] = boost * stats.idf(terms[c]);
            }
            return new Query(terms, scales);
        }

        /** Whether two queries are the same terms with the same scales, to the bit. */
        static boolean same(Query a, Query b) {
            return a == null ? b == null : b != null && Arrays.equals(a.terms, b.terms) && Arrays.equals(a.scales, b.scales);
        }

        /** One page's score, the sum {@link #best} makes for it: the same products added in the same order. */
        float score(int page, Postings postings) {
            float s = 0;
            for (int c = 0; c < terms.length; c++) {
                int at = Arrays.binarySearch(postings.docs()[terms[c]], page);
                if (at >= 0) s += scales[c] * postings.weights()[terms[c]][at];
            }
            return s;
        }
    }

    /** A page's related pages, as numbers in path order, best first: every other page scored for its query {@code q}. */
    private static int[] best(int doc, Query q, Postings postings) {
        int n = postings.pages();
        if (q == null) return new int[0];
        float[] score = scores(n);
        for (int c = 0; c < q.terms().length; c++) {
            int t = q.terms()[c];
            int[] ds = postings.docs()[t];
            float[] ws = postings.weights()[t];
            float scale = q.scales()[c];
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
        return Arrays.copyOf(best, found);
    }
}
