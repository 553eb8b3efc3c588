/**
 * The bilingual glossary: entries read from {@code content/glossary/} pages (title, synonyms,
 * abbreviation, short definition), matched in rendered page bodies through a trie of analysed
 * tokens (stemmed, case- and accent-folded with Lucene), linked at their first occurrence,
 * and written out as es/en term pairs for cross-language search.
 * Input: rendered {@link org.acervo.model.Page}s; output: the same pages with terms linked.
 */
package org.acervo.glossary;
