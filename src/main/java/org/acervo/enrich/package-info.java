/**
 * What the build adds to assembled pages before templates render them: related pages
 * (Lucene MoreLikeThis per language) and schema.org structured data (JSON-LD), handed to
 * templates as extra variables by {@link org.acervo.enrich.PageExtras}.
 * Input: the assembled {@link org.acervo.model.Site}; output: template variables per page.
 */
package org.acervo.enrich;
