/**
 * Search: the assembled {@link org.acervo.model.Site} in, static index files out. Per language,
 * {@link org.acervo.search.SearchAnalyzer} analyses titles, headings and text; Lucene's BM25
 * statistics rank every term of every page at build time; {@link org.acervo.search.IndexFiles}
 * writes a small manifest, byte-capped term shards and document shards as classic scripts, so
 * the theme's {@code search.js} works over http and from file:// and only adds numbers.
 */
package org.acervo.search;
