package org.acervo.model;

import java.util.List;

/**
 * A page's rendered body.
 *
 * @param html     sanitised HTML fragment, links pointing to site paths ({@code /es/...})
 * @param text     the body as plain text (for search, summaries, related pages)
 * @param headings the body's headings in order
 * @param summary  a plain-text summary: the description, or the first paragraph
 * @param words    the number of words of {@code text}, counted once (every list showing the page asks for it)
 */
public record Content(String html, String text, List<Heading> headings, String summary, int words) {
    public static final Content EMPTY = new Content("", "", List.of(), "");

    public Content {
        headings = List.copyOf(headings);
    }

    public Content(String html, String text, List<Heading> headings, String summary) {
        this(html, text, headings, summary, countWords(text));
    }

    /** Runs of non-space characters (what {@code split("\\s+")} would count), without a regex. */
    private static int countWords(String text) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space && !inWord) n++;
            inWord = !space;
        }
        return n;
    }
}
