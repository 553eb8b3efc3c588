package org.acervo.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The search index's scores are counted without an index; they must be exactly those BM25 gives over a Lucene index of
 * the same pages (one segment, documents in their order).
 */
class TermScorerTest {
    private static final List<String> WORDS = List.of("agua", "catastro", "predial", "ciudad", "ciudades", "información", "informacion",
            "gestión", "el", "la", "de", "niño", "niños", "monitoreo", "tiempo", "real", "servicios", "año", "años", "Bogotá", "Quito",
            "datos", "abiertos", "mapa", "mapas", "x", "déjà", "naïve", "2026", "e-mail", "co-op", "ma\uD800pa", "ma\uFFFDpa", "\uD83D\uDE00");

    @Test
    void scoresAreThoseOfALuceneIndexOfThePages() throws Exception {
        List<SearchDocument> docs = pages();
        SearchAnalyzer analyzer = SearchAnalyzer.forLanguage("es");
        List<TermPostings> counted = new TermScorer(analyzer, org.acervo.util.TextBags.none(), "search-es").score(docs);
        assertSame(throughAnIndex(analyzer, docs), counted);
    }

    @Test
    void bagsKeptFromTheLastBuildGiveTheSameScores() throws Exception {
        List<SearchDocument> docs = pages();
        SearchAnalyzer analyzer = SearchAnalyzer.forLanguage("es");
        org.acervo.util.TextBags bags = org.acervo.util.TextBags.inMemory();
        List<TermPostings> first = new TermScorer(analyzer, bags, "search-es").score(docs);
        int analysed = bags.counts()[1];
        assertEquals(0, bags.counts()[0], "the first scoring analysed every text");
        bags.nextBuild();
        List<TermPostings> again = new TermScorer(analyzer, bags, "search-es").score(docs);
        assertEquals(analysed, bags.counts()[1], "the second analysed none again");
        assertEquals(analysed, bags.counts()[0], "it took every bag of the first");
        assertSame(first, again);
        assertSame(throughAnIndex(analyzer, docs), again);
    }

    @Test
    void noBagIsAskedForOnceTheLookupsAreDone() throws Exception {
        // the cache's writer lets the bags go once they are written: a later lookup would meet a half-emptied table
        List<SearchDocument> docs = pages();
        SearchAnalyzer analyzer = SearchAnalyzer.forLanguage("es");
        org.acervo.util.TextBags bags = org.acervo.util.TextBags.inMemory();
        assertSame(throughAnIndex(analyzer, docs), new TermScorer(analyzer, bags, "search-es").score(docs));
        bags.lookupsDone();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new TermScorer(analyzer, bags, "search-es").score(docs));
        assertTrue(e.getMessage().contains("after the build's lookups were done"), e.getMessage());
    }

    @Test
    void aTermWithALoneSurrogateIsTheTermOfItsUtf8Bytes() {
        assertEquals("ma\uFFFDpa", TermScorer.indexed("ma\uD800pa"));
        assertEquals("ma\uFFFDpa", TermScorer.indexed("ma\uDC00pa"));
        String pair = "ma\uD83D\uDE00pa";
        assertTrue(TermScorer.indexed(pair) == pair, "a surrogate pair is left as it is");
        assertTrue(TermScorer.indexed("mapa") == "mapa");
    }

    private static void assertSame(List<TermPostings> expected, List<TermPostings> actual) {
        assertTrue(actual.size() > 20, "enough terms to compare: " + actual.size());
        assertEquals(expected.stream().map(TermPostings::term).toList(), actual.stream().map(TermPostings::term).toList());
        for (int t = 0; t < actual.size(); t++) {
            TermPostings a = expected.get(t);
            TermPostings b = actual.get(t);
            assertArrayEquals(a.docs(), b.docs(), a.term());
            assertArrayEquals(a.scores(), b.scores(), a.term()); // exactly: the same floats, summed in the same order
            assertArrayEquals(a.inTitle(), b.inTitle(), a.term());
        }
    }

    private static List<SearchDocument> pages() {
        Random random = new Random(7);
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<String> headings = new ArrayList<>();
            for (int h = random.nextInt(3); h > 0; h--) headings.add(words(random, 1 + random.nextInt(4)));
            String body = i % 17 == 0 ? "" : words(random, random.nextInt(200));
            docs.add(new SearchDocument(words(random, 1 + random.nextInt(6)), "/es/p" + i + "/", "", "", headings, body, Map.of()));
        }
        return docs;
    }

    private static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : random.nextInt(9) == 0 ? ". " : " ").append(WORDS.get(random.nextInt(WORDS.size())));
        return b.toString();
    }

    /** What the index used to be built for: every field's terms, scored from the index's own statistics and norms. */
    private static List<TermPostings> throughAnIndex(SearchAnalyzer analyzer, List<SearchDocument> docs) throws Exception {
        BM25Similarity bm25 = new BM25Similarity();
        List<String> fields = List.of("title", "headings", "body");
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(bm25))) {
                for (SearchDocument d : docs) {
                    Document doc = new Document();
                    doc.add(new TextField("title", d.title(), Field.Store.NO));
                    doc.add(new TextField("headings", String.join("\n", d.headings()), Field.Store.NO));
                    doc.add(new TextField("body", d.body(), Field.Store.NO));
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                LeafReader leaf = reader.leaves().get(0).reader();
                IndexSearcher searcher = new IndexSearcher(reader);
                TreeSet<BytesRef> all = new TreeSet<>();
                for (String f : fields) {
                    Terms t = leaf.terms(f);
                    if (t == null) continue;
                    TermsEnum e = t.iterator();
                    for (BytesRef b = e.next(); b != null; b = e.next()) all.add(BytesRef.deepCopyOf(b));
                }
                List<TermPostings> out = new ArrayList<>();
                for (BytesRef term : all) {
                    float[] score = new float[docs.size()];
                    boolean[] title = new boolean[docs.size()];
                    TreeSet<Integer> hit = new TreeSet<>();
                    for (int i = 0; i < fields.size(); i++) {
                        Terms terms = leaf.terms(fields.get(i));
                        if (terms == null) continue;
                        TermsEnum e = terms.iterator();
                        if (!e.seekExact(term)) continue;
                        SimScorer scorer = bm25.scorer(TermScorer.FIELDS.get(fields.get(i)), searcher.collectionStatistics(fields.get(i)),
                                new TermStatistics(term, e.docFreq(), e.totalTermFreq()));
                        NumericDocValues norms = leaf.getNormValues(fields.get(i));
                        PostingsEnum pe = e.postings(null, PostingsEnum.FREQS);
                        for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
                            long norm = norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
                            score[doc] += scorer.score(pe.freq(), norm);
                            if (i == 0) title[doc] = true;
                            hit.add(doc);
                        }
                    }
                    int[] d = hit.stream().mapToInt(Integer::intValue).toArray();
                    float[] s = new float[d.length];
                    boolean[] t = new boolean[d.length];
                    for (int k = 0; k < d.length; k++) {
                        s[k] = score[d[k]];
                        t[k] = title[d[k]];
                    }
                    out.add(new TermPostings(term.utf8ToString(), d, s, t));
                }
                return out;
            }
        }
    }
}
