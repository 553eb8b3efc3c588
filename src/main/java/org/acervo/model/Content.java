package org.acervo.model;

import java.util.List;
import org.acervo.util.Fingerprint;
import org.acervo.util.ValuePrint;

/**
 * A page's rendered body.
 *
 * @param html     sanitised HTML fragment, links pointing to site paths ({@code /es/...})
 * @param text     the body as plain text (for search, summaries, related pages)
 * @param headings the body's headings in order
 * @param summary  a plain-text summary: the description, or the first paragraph
 * @param words    the number of words of {@code text}, counted once (every list showing the page asks for it)
 * @param textKey  the {@link Fingerprint} of {@code text}, made once with it (and kept with it in the build cache): the
 *                 related pages and the search index look the text's analysed words up by it without encoding the
 *                 whole text again, each on every build
 * @param htmlKey  the {@link Fingerprint} of {@code html}, made once with it (and kept in the build cache): what the
 *                 build cache compares of a page's body ({@link #printedAs}), however many pages show it
 */
public record Content(String html, String text, List<Heading> headings, String summary, int words, String textKey, String htmlKey)
        implements ValuePrint.PrintedAs {
    public static final Content EMPTY = new Content("", "", List.of(), "");

    public Content {
        headings = List.copyOf(headings);
    }

    public Content(String html, String text, List<Heading> headings, String summary) {
        this(html, text, headings, summary, countWords(text), Fingerprint.of(text), Fingerprint.of(html));
    }

    /** The same text with other HTML (links annotated, glossary terms marked): what is said is the same. */
    public Content withHtml(String html) {
        return new Content(html, text, headings, summary, words, textKey, Fingerprint.of(html));
    }

    /** The body's texts by their fingerprints, the rest as it is: all a template can read of it. */
    @Override
    public Object printedAs() {
        return List.of(htmlKey, textKey, headings, summary, words);
    }

    /** Runs of non-space characters (what {@code split("\\s+")} would count), without a regex. */
    private static int countWords(String text) {
        int n = 0;
        boolean inWord = false;
        for (char c : text.toCharArray()) { // not charAt, which checks its index on every call under the quick compiler
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space && !inWord) n++;
            inWord = !space;
        }
        return n;
    }
}
