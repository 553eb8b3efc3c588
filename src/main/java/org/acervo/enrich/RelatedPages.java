package org.acervo.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.acervo.config.TaxonomyConfig;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.Site;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Up to {@link #MAX} related pages for every single page, in its own language, computed with
 * Lucene's MoreLikeThis over an in-memory index per language of titles, bodies and taxonomy
 * terms. Deterministic: pages are indexed in path order, each page is queried on its own,
 * and equal scores are ordered by path.
 */
public final class RelatedPages {
    public static final int MAX = 5;
    private static final String TITLE = "title";
    private static final String BODY = "body";
    private static final String TAX = "tax";

    private final Map<String, List<Page>> related; // by page path

    private RelatedPages(Map<String, List<Page>> related) {
        this.related = related;
    }

    /** The related pages of a page, best first; empty for pages that are not singles. */
    public List<Page> of(Page page) {
        return related.getOrDefault(page.path(), List.of());
    }

    public static RelatedPages compute(Site site) {
        Map<String, List<Page>> out = new java.util.HashMap<>();
        for (LanguageSite l : site.languages().values()) {
            List<Page> pages = new ArrayList<>(l.pages());
            pages.sort(Comparator.comparing(Page::path));
            if (pages.size() < 2) continue;
            out.putAll(forLanguage(site, l.lang(), pages));
        }
        return new RelatedPages(out);
    }

    private static Map<String, List<Page>> forLanguage(Site site, String lang, List<Page> pages) {
        Analyzer text = switch (lang) {
            case "en" -> new EnglishAnalyzer();
            case "es" -> new SpanishAnalyzer();
            default -> new StandardAnalyzer();
        };
        Analyzer analyzer = new PerFieldAnalyzerWrapper(text, Map.of(TAX, new WhitespaceAnalyzer()));
        FieldType withVectors = new FieldType();
        withVectors.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        withVectors.setTokenized(true);
        withVectors.setStoreTermVectors(true);
        withVectors.freeze();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (Page p : pages) {
                    Document d = new Document();
                    // the title counts twice: it says what the page is about better than any paragraph
                    d.add(new Field(TITLE, p.title() + " " + p.title() + " " + p.description(), withVectors));
                    d.add(new Field(BODY, p.content().text(), withVectors));
                    d.add(new Field(TAX, taxonomyTokens(site, p), withVectors));
                    w.addDocument(d);
                }
                w.forceMerge(1); // one segment: document numbers follow the path order
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Map<String, List<Page>> out = new java.util.HashMap<>();
                List<List<Page>> results = java.util.stream.IntStream.range(0, pages.size()).parallel()
                        .mapToObj(i -> query(reader, searcher, analyzer, pages, i)).toList();
                for (int i = 0; i < pages.size(); i++) out.put(pages.get(i).path(), results.get(i));
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory index does not fail on I/O
        }
    }

    private static List<Page> query(DirectoryReader reader, IndexSearcher searcher, Analyzer analyzer, List<Page> pages, int doc) {
        try {
            MoreLikeThis mlt = new MoreLikeThis(reader);
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[] {TITLE, BODY, TAX});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(2);
            mlt.setMaxQueryTerms(25);
            mlt.setBoost(true);
            Query q = mlt.like(doc);
            ScoreDoc[] hits = searcher.search(q, MAX + 1).scoreDocs;
            List<ScoreDoc> sorted = new ArrayList<>(List.of(hits));
            // equal scores: by path (documents are numbered in path order)
            sorted.sort(Comparator.comparingDouble((ScoreDoc h) -> -h.score).thenComparingInt(h -> h.doc));
            List<Page> out = new ArrayList<>();
            for (ScoreDoc h : sorted) {
                if (h.doc != doc && out.size() < MAX) out.add(pages.get(h.doc));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String taxonomyTokens(Site site, Page p) {
        StringBuilder b = new StringBuilder();
        for (TaxonomyConfig tax : site.config().taxonomies().values()) {
            for (String v : p.terms(tax.key())) b.append(tax.key()).append(':').append(org.acervo.util.Slugs.slugify(v)).append(' ');
        }
        return b.toString();
    }
}
