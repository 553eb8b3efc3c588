package org.acervo.model;

import java.util.List;

/**
 * A page's rendered body.
 *
 * @param html     sanitised HTML fragment, links pointing to site paths ({@code /es/...})
 * @param text     the body as plain text (for search, summaries, related pages)
 * @param headings the body's headings in order
 * @param summary  a plain-text summary: the description, or the first paragraph
 */
public record Content(String html, String text, List<Heading> headings, String summary) {
    public static final Content EMPTY = new Content("", "", List.of(), "");

    public Content {
        headings = List.copyOf(headings);
    }

    public int words() {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
