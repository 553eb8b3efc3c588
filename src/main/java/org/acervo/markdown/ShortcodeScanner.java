package org.acervo.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Hugo-style shortcodes in Markdown text: {@code {{< name a="b" >}}},
 * {@code {{% name %}}}, pairs with a closing {@code {{< /name >}}}, and the escaped form
 * (a shortcode whose delimiters carry C-style comment marks) which stays as literal text.
 */
final class ShortcodeScanner {
    private static final Pattern TAG = Pattern.compile(
            "\\{\\{([<%])(/\\*)?\\s*(/)?\\s*([A-Za-z0-9_./-]+)((?:[^\"'>%}]|\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[>%](?!\\}\\}))*?)\\s*(\\*/)?([>%])\\}\\}",
            Pattern.DOTALL);
    private static final Pattern ARG = Pattern.compile(
            "([A-Za-z0-9_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|`([^`]*)`|([^\\s\"']+))|\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`|([^\\s\"'=]+)");

    /** A tag found in the text. */
    record Tag(int start, int end, String name, boolean closing, boolean escaped, String args) {}

    /** A top-level occurrence: a single tag or a pair with its inner text. */
    record Found(int start, int end, String name, Map<String, String> named, List<String> positional, String inner,
                 boolean escaped, String literal) {}

    /** No real shortcode tag is longer; past this an opening is taken as plain text. */
    static final int MAX_TAG = 2_000;

    /**
     * Tags in order. Each tag's end is found by a plain scan that skips quoted arguments and
     * gives up after {@link #MAX_TAG} characters; the pattern then only ever sees one bounded
     * tag (Java's regex engine recurses on repeated groups, and long input would overflow the stack).
     */
    static List<Tag> tags(String text) {
        List<Tag> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = text.indexOf("{{", from);
            if (start < 0 || start + 2 >= text.length()) break;
            char kind = text.charAt(start + 2);
            int end = kind == '<' || kind == '%' ? tagEnd(text, start, kind) : -1;
            if (end < 0) {
                from = start + 2;
                continue;
            }
            Matcher m = TAG.matcher(text.substring(start, end));
            if (m.matches()) {
                boolean escaped = m.group(2) != null && m.group(6) != null;
                out.add(new Tag(start, end, m.group(4), m.group(3) != null, escaped, m.group(5) == null ? "" : m.group(5)));
                from = end;
            } else {
                from = start + 2;
            }
        }
        return out;
    }

    /** The index just after the tag's closing {@code >}}} or {@code %}}}, or -1. */
    private static int tagEnd(String text, int start, char kind) {
        char close = kind == '<' ? '>' : '%';
        char quote = 0;
        int limit = Math.min(text.length(), start + MAX_TAG);
        for (int i = start + 3; i < limit; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == close && text.startsWith("}}", i + 1)) {
                return i + 3;
            }
        }
        return -1;
    }

    /** Top-level shortcodes in order; a closing tag without opening is returned as a lone tag named "/name". */
    static List<Found> scan(String text) {
        List<Tag> tags = tags(text);
        List<Found> out = new ArrayList<>();
        int i = 0;
        while (i < tags.size()) {
            Tag t = tags.get(i);
            if (t.escaped()) {
                String lit = text.substring(t.start(), t.end()).replaceFirst("^\\{\\{([<%])/\\*", "{{$1").replaceFirst("\\*/([>%])\\}\\}$", "$1}}");
                out.add(new Found(t.start(), t.end(), t.name(), Map.of(), List.of(), null, true, lit));
                i++;
                continue;
            }
            if (t.closing()) {
                out.add(new Found(t.start(), t.end(), "/" + t.name(), Map.of(), List.of(), null, false, null));
                i++;
                continue;
            }
            int close = matchingClose(tags, i);
            Map<String, String> named = new LinkedHashMap<>();
            List<String> positional = new ArrayList<>();
            parseArgs(t.args(), named, positional);
            if (close < 0) {
                out.add(new Found(t.start(), t.end(), t.name(), named, positional, null, false, null));
                i++;
            } else {
                Tag c = tags.get(close);
                out.add(new Found(t.start(), c.end(), t.name(), named, positional, text.substring(t.end(), c.start()), false, null));
                i = close + 1;
            }
        }
        return out;
    }

    private static int matchingClose(List<Tag> tags, int open) {
        String name = tags.get(open).name();
        int depth = 0;
        for (int j = open + 1; j < tags.size(); j++) {
            Tag t = tags.get(j);
            if (t.escaped() || !t.name().equals(name)) continue;
            if (!t.closing()) depth++;
            else if (depth == 0) return j;
            else depth--;
        }
        return -1;
    }

    static void parseArgs(String args, Map<String, String> named, List<String> positional) {
        Matcher m = ARG.matcher(args);
        while (m.find()) {
            if (m.group(1) != null) {
                String v = m.group(2) != null ? unescape(m.group(2)) : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
                named.put(m.group(1), v);
            } else if (m.group(6) != null) {
                positional.add(unescape(m.group(6)));
            } else if (m.group(7) != null) {
                positional.add(m.group(7));
            } else if (m.group(8) != null) {
                positional.add(m.group(8));
            }
        }
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
