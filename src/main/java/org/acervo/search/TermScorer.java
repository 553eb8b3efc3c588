package org.acervo.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;
import org.acervo.util.TextBags;
import org.acervo.util.WordMemo;

/**
 * Ranks every term of every page at build time with Lucene's BM25: each page's title, headings
 * and body are analysed with {@link SearchAnalyzer}; for each term and page, BM25 scores each
 * field with the statistics an index of these pages would hold (document frequencies, field
 * lengths encoded as Lucene encodes its norms), and the weighted sum is the page's score for
 * the term. The browser then only adds these numbers.
 *
 * <p>The statistics are counted here rather than read back from an in-memory index: the same
 * numbers, given to the same {@link BM25Similarity} scorer, without writing and decoding an
 * index, and with documents numbered as they come whatever the size of the site.
 */
final class TermScorer {
    /** Field weights: a word in the title says more about the page than one in a heading, and that more than the body. */
    static final Map<String, Float> FIELDS = Map.of("title", 3f, "headings", 2f, "body", 1f);
    private static final List<String> ORDER = List.of("title", "headings", "body");
    /** Pages analysed at once. */
    private static final int BATCH = 256;

    private final WordMemo memo;
    private final TextBags bags;
    private final String analyzer;

    /** @param bags where the analysed fields of pages analysed before are kept; {@code analyzer} names the chain there */
    TermScorer(SearchAnalyzer analyzer, TextBags bags, String name) {
        this.memo = analyzer.memo();
        this.bags = bags;
        this.analyzer = name;
    }

    /** How many distinct terms a text has: its bag's, as {@link #score} analysed it (or took it from the last build). */
    int distinctTerms(String text) {
        return bags.of(analyzer, memo, text).terms().length;
    }

    /** One field's inverted lists and totals. */
    private static final class Field {
        final String name;
        /** By the term as its UTF-8 bytes decode (see {@link #indexed}). */
        final Map<String, Postings> terms = new HashMap<>();
        final byte[] norms;
        int docCount;
        long sumTotalTermFreq;
        long sumDocFreq;

        Field(String name, int docs) {
            this.name = name;
            this.norms = new byte[docs];
        }
    }

    /** A term's documents (ascending) and its frequency in each. */
    private static final class Postings {
        int[] docs = new int[4];
        int[] freqs = new int[4];
        int size;
        long totalTermFreq;

        void add(int doc, int freq) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                freqs = Arrays.copyOf(freqs, size * 2);
            }
            docs[size] = doc;
            freqs[size++] = freq;
            totalTermFreq += freq;
        }
    }

    List<TermPostings> score(List<SearchDocument> docs) {
        return score(docs, i -> List.of(TextBags.Text.of(docs.get(i).body())));
    }

    /**
     * @param bodies each document's body, by its number, as the texts it joins (see {@link TextBags#of(String, WordMemo,
     *               List)}): each text is made only when its analysed words are not kept, and then when it is analysed,
     *               so that not all are held at once
     */
    List<TermPostings> score(List<SearchDocument> docs, java.util.function.IntFunction<List<TextBags.Text>> bodies) {
        int n = docs.size();
        Field[] fields = new Field[ORDER.size()];
        for (int f = 0; f < fields.length; f++) fields[f] = new Field(ORDER.get(f), n);
        // the fields are analysed (or their bags looked up) on the cores of the pool this runs in, a batch at a time so that
        // only a batch's bags are held at once, and added to the lists in the pages' order: the build's pool, or the
        // preview's pool of one thread (so as not to take the cores its rebuilds want); on one core outside any pool
        boolean parallel = java.util.concurrent.ForkJoinTask.inForkJoinPool();
        for (int from = 0; from < n; from += BATCH) {
            IntStream range = IntStream.range(from, Math.min(n, from + BATCH));
            TextBags.Bag[][] batch = (parallel ? range.parallel() : range).mapToObj(doc -> {
                SearchDocument d = docs.get(doc);
                return new TextBags.Bag[] {bags.of(analyzer, memo, d.title()), bags.of(analyzer, memo, String.join("\n", d.headings())),
                        bags.of(analyzer, memo, bodies.apply(doc))};
            }).toArray(TextBags.Bag[][]::new);
            for (int k = 0; k < batch.length; k++) {
                for (int f = 0; f < fields.length; f++) invert(fields[f], from + k, batch[k][f]);
            }
        }
        TreeMap<BytesRef, String> all = new TreeMap<>(); // in the index's order: by UTF-8 bytes
        for (Field f : fields) for (String t : f.terms.keySet()) all.putIfAbsent(new BytesRef(t), t);

        BM25Similarity bm25 = new BM25Similarity();
        CollectionStatistics[] stats = new CollectionStatistics[fields.length];
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            stats[i] = f.docCount == 0 ? null : new CollectionStatistics(f.name, n, f.docCount, f.sumTotalTermFreq, f.sumDocFreq);
        }
        List<Map.Entry<BytesRef, String>> ordered = new ArrayList<>(all.entrySet());
        // the terms are scored a batch at a time on the build's cores, each batch with its own arrays; in their order
        IntStream batches = IntStream.range(0, (ordered.size() + TERMS - 1) / TERMS);
        List<List<TermPostings>> scored = (parallel ? batches.parallel() : batches).mapToObj(b -> {
            List<Map.Entry<BytesRef, String>> terms = ordered.subList(b * TERMS, Math.min(ordered.size(), (b + 1) * TERMS));
            return score(terms, fields, stats, bm25, n);
        }).toList();
        List<TermPostings> out = new ArrayList<>(ordered.size());
        scored.forEach(out::addAll);
        return out;
    }

    /** Terms scored at once. */
    private static final int TERMS = 2048;

    /** Each term's pages and their weighted BM25 score, with whether the title holds it. */
    private static List<TermPostings> score(List<Map.Entry<BytesRef, String>> terms, Field[] fields, CollectionStatistics[] stats,
                                            BM25Similarity bm25, int n) {
        float[] score = new float[n];
        boolean[] title = new boolean[n];
        boolean[] touched = new boolean[n];
        int[] hit = new int[n]; // the term's pages, in the order the fields meet them
        // a field's scorer depends on the term only through its document frequency (BM25's idf): one per field and
        // frequency, not one per term (each works out a table of 256 norms and an explanation of its idf)
        SimScorer[][] byDocFreq = new SimScorer[fields.length][];
        List<TermPostings> out = new ArrayList<>(terms.size());
        for (Map.Entry<BytesRef, String> term : terms) {
            int hits = 0;
            int fieldsWith = 0;
            for (int i = 0; i < fields.length; i++) {
                Postings p = stats[i] == null ? null : fields[i].terms.get(term.getValue());
                if (p == null) continue;
                fieldsWith++;
                if (byDocFreq[i] == null) byDocFreq[i] = new SimScorer[n + 1];
                SimScorer scorer = byDocFreq[i][p.size];
                if (scorer == null) {
                    scorer = bm25.scorer(FIELDS.get(fields[i].name), stats[i], new TermStatistics(term.getKey(), p.size, p.totalTermFreq));
                    byDocFreq[i][p.size] = scorer;
                }
                byte[] norms = fields[i].norms;
                for (int k = 0; k < p.size; k++) {
                    int doc = p.docs[k];
                    score[doc] += scorer.score(p.freqs[k], norms[doc]);
                    if (i == 0) title[doc] = true;
                    if (!touched[doc]) {
                        touched[doc] = true;
                        hit[hits++] = doc;
                    }
                }
            }
            if (fieldsWith > 1) Arrays.sort(hit, 0, hits); // one field's pages are in order already
            int[] d = new int[hits];
            float[] s = new float[hits];
            boolean[] t = new boolean[hits];
            for (int k = 0; k < d.length; k++) {
                int doc = hit[k];
                d[k] = doc;
                s[k] = score[doc];
                t[k] = title[doc];
                score[doc] = 0;
                title[doc] = false;
                touched[doc] = false;
            }
            out.add(new TermPostings(term.getValue(), d, s, t));
        }
        return out;
    }

    /**
     * A term as the index holds it: its UTF-8 bytes, decoded; the term itself unless it has a lone surrogate (UTF-8 has
     * no such thing, and Lucene writes U+FFFD for it).
     */
    static String indexed(String term) {
        char[] t = term.toCharArray(); // String.charAt checks its index on every call under the launcher's quick compiler
        for (int i = 0; i < t.length; i++) {
            char c = t[i];
            if (!Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < t.length && Character.isLowSurrogate(t[i + 1])) {
                i++;
                continue;
            }
            return new BytesRef(term).utf8ToString();
        }
        return term;
    }

    /**
     * Adds one document's field to the field's lists, as an index would: each term's frequency, and the field's length
     * encoded as BM25 encodes its norms (the chain puts no two words at one position, so the length is the count of
     * words; TermScorerTest compares the norms with those of a Lucene index, which leaves such words out).
     */
    private void invert(Field field, int doc, TextBags.Bag bag) {
        int length = bag.length();
        if (length == 0) return;
        field.docCount++;
        field.sumTotalTermFreq += length;
        field.norms[doc] = (byte) SmallFloat.intToByte4(length);
        String[] terms = bag.terms();
        int[] counts = bag.counts();
        // every term is its own UTF-8 form: the common case, no two of them merge. A term the field holds already is one
        // (the field holds only such forms), so only the terms new to it are looked at
        Postings[] lists = new Postings[terms.length];
        boolean whole = true;
        for (int i = 0; i < terms.length && whole; i++) {
            lists[i] = field.terms.get(terms[i]);
            whole = lists[i] != null || indexed(terms[i]) == terms[i];
        }
        if (whole) {
            for (int i = 0; i < terms.length; i++) {
                Postings p = lists[i];
                if (p == null) field.terms.put(terms[i], p = new Postings());
                p.add(doc, counts[i]);
                field.sumDocFreq++;
            }
            return;
        }
        // as UTF-8 bytes, the index's terms: words that differ only in a broken surrogate are one term there
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (int i = 0; i < terms.length; i++) merged.merge(indexed(terms[i]), counts[i], Integer::sum);
        for (Map.Entry<String, Integer> e : merged.entrySet()) {
            field.terms.computeIfAbsent(e.getKey(), k -> new Postings()).add(doc, e.getValue());
            field.sumDocFreq++;
        }
    }
}
