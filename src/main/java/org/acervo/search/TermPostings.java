package org.acervo.search;

/**
 * One term's postings in one language: documents in increasing order, each with its BM25
 * score (title, headings and body weighted and summed) and whether the title holds the term.
 */
public record TermPostings(String term, int[] docs, float[] scores, boolean[] inTitle) {
    public int df() {
        return docs.length;
    }
}
