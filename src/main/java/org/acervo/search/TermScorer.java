package org.acervo.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Ranks every term of every page at build time: the pages go into an in-memory Lucene index
 * with a title, a headings and a body field; for each term and page, Lucene's BM25 (with the
 * index's own document frequencies and field lengths) scores each field, and the weighted sum
 * is the page's score for the term. The browser then only adds these numbers.
 */
final class TermScorer {
    /** Field weights: a word in the title says more about the page than one in a heading, and that more than the body. */
    static final Map<String, Float> FIELDS = Map.of("title", 3f, "headings", 2f, "body", 1f);

    private final SearchAnalyzer analyzer;

    TermScorer(SearchAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<TermPostings> score(List<SearchDocument> docs) {
        BM25Similarity bm25 = new BM25Similarity();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(bm25).setRAMBufferSizeMB(256);
            try (IndexWriter writer = new IndexWriter(dir, config)) {
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
                if (reader.leaves().isEmpty()) return List.of();
                LeafReader leaf = reader.leaves().get(0).reader();
                IndexSearcher searcher = new IndexSearcher(reader);
                List<String> fields = List.of("title", "headings", "body");
                TreeSet<BytesRef> all = new TreeSet<>();
                for (String f : fields) {
                    Terms t = leaf.terms(f);
                    if (t == null) continue;
                    TermsEnum e = t.iterator();
                    for (BytesRef b = e.next(); b != null; b = e.next()) all.add(BytesRef.deepCopyOf(b));
                }
                int n = docs.size();
                float[] score = new float[n];
                boolean[] title = new boolean[n];
                boolean[] touched = new boolean[n];
                List<TermPostings> out = new ArrayList<>(all.size());
                TermsEnum[] enums = new TermsEnum[fields.size()];
                CollectionStatistics[] stats = new CollectionStatistics[fields.size()];
                for (int i = 0; i < fields.size(); i++) {
                    Terms t = leaf.terms(fields.get(i));
                    enums[i] = t == null ? null : t.iterator();
                    stats[i] = searcher.collectionStatistics(fields.get(i));
                }
                PostingsEnum pe = null;
                for (BytesRef term : all) {
                    List<Integer> hit = new ArrayList<>();
                    for (int i = 0; i < fields.size(); i++) {
                        if (enums[i] == null || !enums[i].seekExact(term)) continue;
                        String field = fields.get(i);
                        SimScorer scorer = bm25.scorer(FIELDS.get(field), stats[i],
                                new TermStatistics(term, enums[i].docFreq(), enums[i].totalTermFreq()));
                        NumericDocValues norms = leaf.getNormValues(field);
                        pe = enums[i].postings(pe, PostingsEnum.FREQS);
                        for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
                            long norm = norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
                            score[doc] += scorer.score(pe.freq(), norm);
                            if (i == 0) title[doc] = true;
                            if (!touched[doc]) {
                                touched[doc] = true;
                                hit.add(doc);
                            }
                        }
                    }
                    hit.sort(null);
                    int[] d = new int[hit.size()];
                    float[] s = new float[hit.size()];
                    boolean[] t = new boolean[hit.size()];
                    for (int k = 0; k < d.length; k++) {
                        int doc = hit.get(k);
                        d[k] = doc;
                        s[k] = score[doc];
                        t[k] = title[doc];
                        score[doc] = 0;
                        title[doc] = false;
                        touched[doc] = false;
                    }
                    out.add(new TermPostings(term.utf8ToString(), d, s, t));
                }
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
