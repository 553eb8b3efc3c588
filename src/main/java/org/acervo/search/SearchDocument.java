package org.acervo.search;

import java.util.List;
import java.util.Map;

/**
 * A page as the index sees it.
 *
 * @param path     site path inside the language, {@code conocimiento/agua/}
 * @param date     {@code 2024-05-31}, or "" when the page has no date
 * @param excerpt  the page's summary, cut at a word near {@link IndexFiles#EXCERPT_CHARS}
 * @param body     description, text and taxonomy labels: what the body field analyses ("" where the indexer makes
 *                 each body when it analyses it)
 * @param facets   taxonomy key (and "section", "type") to the page's values
 */
public record SearchDocument(String title, String path, String date, String excerpt, List<String> headings, String body,
                             Map<String, List<String>> facets) {
    public SearchDocument {
        headings = List.copyOf(headings);
        facets = Map.copyOf(facets);
    }
}
