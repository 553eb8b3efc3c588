package org.acervo.light;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Conservative minifiers: they only remove what cannot change what the reader sees.
 * HTML: comments go, runs of white space become one space, and white space between block
 * elements goes; {@code pre}, {@code textarea}, {@code script} and {@code style} are untouched.
 * CSS: comments go and white space shrinks, strings are left alone. JS: only indentation and
 * blank lines go, and only in files without template literals or line continuations, where
 * that is certainly safe; no renaming or rewriting.
 */
public final class Minifier {
    /** Elements whose white space is content. */
    private static final Set<String> KEEP_SPACE = Set.of("pre", "textarea", "script", "style", "code", "listing", "plaintext", "xmp");
    /** Elements that start a new line whatever the white space around them (CSS display other than inline by default). */
    private static final Set<String> BLOCK = Set.of("html", "head", "body", "title", "meta", "link", "base", "script", "style",
            "noscript", "header", "footer", "main", "nav", "section", "article", "aside", "div", "p", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
            "colgroup", "col", "figure", "figcaption", "blockquote", "hr", "pre", "form", "fieldset", "legend", "address",
            "details", "summary", "option", "optgroup", "template", "br");

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[ \\t\\n\\r\\f]+");

    /** Whether a text has white space other than single spaces: most text nodes do not, and are left as they are. */
    private static boolean needsCollapse(String text) {
        // on an array: String.charAt checks its index on every call under the launcher's quick compiler (every text of every page)
        char[] t = text.toCharArray();
        for (int i = 0; i < t.length; i++) {
            char c = t[i];
            if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' && i + 1 < t.length && t[i + 1] == ' ') return true;
        }
        return false;
    }

    /** Minifies a parsed page in place and returns its HTML. */
    public String html(Document doc) {
        doc.outputSettings().prettyPrint(false).outline(false);
        List<Node> drop = new ArrayList<>();
        collapse(doc, false, drop);
        drop.forEach(Node::remove);
        return doc.outerHtml();
    }

    private void collapse(Node node, boolean keep, List<Node> drop) {
        for (Node child : node.childNodes()) {
            if (child instanceof Comment) {
                drop.add(child);
            } else if (child instanceof TextNode t && !keep) {
                String text = t.getWholeText();
                String minified = text(text, text.isBlank() && nextToBlock(t));
                if (minified == null) drop.add(t);
                else if (!minified.equals(text)) t.text(minified);
            } else if (child instanceof Element e) {
                collapse(e, keep || KEEP_SPACE.contains(e.normalName()), drop);
            }
        }
    }

    /**
     * A text outside the elements that keep their white space, minified: null when it goes (white space only, next to a
     * block: see {@link #nextToBlock}), one space for other white space only, else its runs of white space as one space.
     */
    static String text(String text, boolean blankNextToBlock) {
        if (text.isBlank()) return blankNextToBlock ? null : " ";
        return needsCollapse(text) ? SPACES.matcher(text).replaceAll(" ") : text;
    }

    /** Whether white space beside or at the edge of this element is never shown. */
    static boolean isBlock(String element) {
        return BLOCK.contains(element);
    }

    /** Whether the white space in this element is content, left as it is. */
    static boolean keepsSpace(String element) {
        return KEEP_SPACE.contains(element);
    }

    /** White space before or after a block element, or at the edge of one, is never shown. */
    private static boolean nextToBlock(TextNode t) {
        Node parent = t.parentNode();
        boolean parentBlock = parent instanceof Document || parent instanceof Element e && BLOCK.contains(e.normalName());
        Node prev = t.previousSibling();
        Node next = t.nextSibling();
        return (prev == null ? parentBlock : isBlock(prev)) || (next == null ? parentBlock : isBlock(next));
    }

    private static boolean isBlock(Node n) {
        return n instanceof Element e && BLOCK.contains(e.normalName()) || n instanceof Comment;
    }

    /** Strips comments and needless white space from a style sheet; strings are copied as they are. */
    public String css(String css) {
        StringBuilder out = new StringBuilder(css.length());
        int i = 0;
        int n = css.length();
        boolean space = false;
        while (i < n) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < n && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && css.charAt(j) != c) j += css.charAt(j) == '\\' ? 2 : 1;
                if (space) out.append(' ');
                space = false;
                out.append(css, i, Math.min(n, j + 1));
                i = j + 1;
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                i++;
                continue;
            }
            if (c == '{' || c == '}' || c == ';' || c == ',' || c == '>') {
                space = false;
                if (c == '}' && out.length() > 0 && out.charAt(out.length() - 1) == ';') out.setLength(out.length() - 1);
            } else if (space) {
                char last = out.charAt(out.length() - 1);
                if (last != '{' && last != '}' && last != ';' && last != ',' && last != ':' && last != '>') out.append(' ');
            }
            space = false;
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * Removes indentation and blank lines from a script when that is certainly safe: no template
     * literals (backquotes) and no line ending in a backslash, so no string spans lines. Line
     * breaks stay, so automatic semicolon insertion sees the same code. Otherwise the script is
     * returned unchanged.
     */
    public String js(String js) {
        if (js.indexOf('`') >= 0) return js;
        StringBuilder out = new StringBuilder(js.length());
        for (String line : js.split("\r?\n")) {
            if (line.endsWith("\\")) return js;
            String t = line.strip();
            if (t.isEmpty()) continue;
            out.append(t).append('\n');
        }
        return out.toString();
    }
}
