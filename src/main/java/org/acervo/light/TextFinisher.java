package org.acervo.light;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.acervo.html.HtmlFinisher;
import org.acervo.html.UrlSafety;
import org.jsoup.nodes.Attribute;
import org.jsoup.parser.Parser;

/**
 * Finishes a page on its text, in one pass, exactly as {@link PublishPass} does on a jsoup document (links made
 * relative, the offline reading script added, what the page loads noted, minified), for the pages jsoup would read
 * back as they are written: every element closed by its own end tag, in order, where the HTML parser puts it. That is
 * what the theme's templates and the Markdown renderer (whose HTML jsoup already wrote) make; a parse and a write of
 * every page were two fifths of a build's time on a large library.
 *
 * <p>Anything this pass cannot vouch for returns empty, and the page is parsed: an element the parser would close or
 * move (a block in a paragraph, a list item in a list item, a table row outside a table section), an element outside the
 * few it knows (images, media, forms in forms, SVG, text areas...), an unsafe URL, a {@code srcset}, a refresh, odd
 * characters, unquoted tricks. The tests build sites both ways and compare every page byte for byte.
 */
final class TextFinisher {
    /** A finished page: its HTML and what it loads. */
    record Page(String html, PageWeigher.Loads loads) {}

    private static final Set<String> VOID = Set.of("br", "hr", "wbr", "input", "meta", "link", "base");
    /** Elements a paragraph may hold without the parser closing it. */
    private static final Set<String> PHRASING = Set.of("a", "abbr", "b", "bdi", "bdo", "br", "button", "cite", "code", "data",
            "del", "dfn", "em", "i", "input", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub",
            "sup", "time", "u", "var", "wbr");
    /** Elements of the body this pass knows (besides {@link #PHRASING}); any other sends the page to the parser. */
    private static final Set<String> BODY = Set.of("address", "article", "aside", "blockquote", "caption", "dd", "details",
            "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
            "main", "nav", "ol", "p", "pre", "script", "section", "style", "summary", "table", "tbody", "td", "tfoot", "th",
            "thead", "tr", "ul");
    private static final Set<String> HEAD = Set.of("meta", "link", "base", "title", "script", "style");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> SECTIONS = Set.of("thead", "tbody", "tfoot");

    /** An element this pass knows, with what it needs to know of it worked out once. */
    private record Tag(String name, boolean empty, boolean phrasing, boolean inBody, boolean inHead, boolean heading,
                       boolean section, boolean block, boolean keepsSpace, boolean tableRow) {
        Tag(String name) {
            this(name, VOID.contains(name), PHRASING.contains(name), BODY.contains(name) || PHRASING.contains(name), HEAD.contains(name),
                    HEADINGS.contains(name), SECTIONS.contains(name), Minifier.isBlock(name), Minifier.keepsSpace(name), name.equals("tr"));
        }

        boolean is(String other) {
            return name.equals(other);
        }

        /** Whether text in it would be moved out of the table. */
        boolean table() {
            return name.equals("table") || section || tableRow;
        }
    }

    /** The known elements by the hash of their names (open addressing): found from a page's characters without a string. */
    private static final Tag[] TAGS = new Tag[512];

    static {
        Set<String> all = new java.util.TreeSet<>(BODY);
        all.addAll(PHRASING);
        all.addAll(HEAD);
        all.addAll(VOID);
        all.addAll(Set.of("html", "head", "body"));
        for (String name : all) {
            int i = hash(name.toCharArray(), 0, name.length()) & (TAGS.length - 1);
            while (TAGS[i] != null) i = (i + 1) & (TAGS.length - 1);
            TAGS[i] = new Tag(name);
        }
    }

    private static int hash(char[] h, int from, int to) {
        int hash = 0;
        for (int k = from; k < to; k++) hash = 31 * hash + h[k];
        return hash ^ (hash >>> 9);
    }

    /** The element named from {@code from} to {@code to}, or null for one this pass does not know. */
    private static Tag tag(char[] h, int from, int to) {
        int length = to - from;
        for (int i = hash(h, from, to) & (TAGS.length - 1); TAGS[i] != null; i = (i + 1) & (TAGS.length - 1)) {
            String name = TAGS[i].name;
            if (name.length() != length) continue;
            boolean same = true;
            for (int k = 0; k < length && same; k++) same = name.charAt(k) == h[from + k];
            if (same) return TAGS[i];
        }
        return null;
    }

    /** What a pass needs to know of an attribute, by its name: worked out once per name for all pages. */
    private static final int URL = 1, RELATIVE = 2, BOOLEAN = 4, REFUSED = 8;
    private static final java.util.concurrent.ConcurrentHashMap<String, Integer> ATTRIBUTES = new java.util.concurrent.ConcurrentHashMap<>();

    private static int attribute(String name) {
        Integer known = ATTRIBUTES.get(name);
        if (known != null) return known;
        int flags = (UrlSafety.holdsUrl(name) ? URL : 0) | (HtmlFinisher.makesRelative(name) ? RELATIVE : 0)
                | (Attribute.isBooleanAttribute(name) ? BOOLEAN : 0) | (name.equals("srcset") ? REFUSED : 0);
        if (ATTRIBUTES.size() < 10_000) ATTRIBUTES.put(name, flags);
        return flags;
    }

    private final Optional<OfflineReading> offline;
    private final HtmlFinisher links = new HtmlFinisher(false);

    TextFinisher(Optional<OfflineReading> offline) {
        this.offline = offline;
    }

    /** Thrown inside the pass when the page is not one it can vouch for. */
    private static final class Parse extends RuntimeException {
        Parse() {
            super(null, null, false, false);
        }
    }

    private static final Parse PARSE = new Parse();

    /** The page finished, or empty when it must be parsed. */
    Optional<Page> finish(String html, String file) {
        try {
            return Optional.of(new Pass(html, file).run());
        } catch (Parse e) {
            return Optional.empty();
        }
    }

    private static void parse(boolean when) {
        if (when) throw PARSE;
    }

    /** Where a pass is: before the head, in it, between it and the body, in the body, after it. */
    private enum Where { START, HTML, HEAD, AFTER_HEAD, BODY, AFTER_BODY, END }

    /** What came just before a text, among its siblings: nothing (it is the first), a block (or comment), something else. */
    private enum Before { NOTHING, BLOCK, INLINE }

    private final class Pass {
        private final String html;
        private final char[] h;
        private final int n;
        private final String file;
        private final UnaryOperator<String> relative;
        private final StringBuilder out;
        private final PageWeigher.Loads.Collector loads = new PageWeigher.Loads.Collector();
        private final Tag[] open = new Tag[256];
        private int depth;
        private int keeping; // elements open that keep their white space
        private int paragraphs;
        private int headings;
        private int anchors;
        private int forms;
        private Where where = Where.START;
        private Before before = Before.NOTHING;
        private String kind = "";
        private final List<String> names = new ArrayList<>();
        private final List<String> values = new ArrayList<>(); // decoded; null: written without a value

        Pass(String html, String file) {
            this.html = html;
            this.h = html.toCharArray(); // String.charAt checks its index on every call under the launcher's quick compiler
            this.n = h.length;
            this.file = file;
            this.relative = links.relativeTo(file);
            this.out = new StringBuilder(n);
        }

        Page run() {
            int i = 0;
            while (i < n && isSpace(h[i])) i++;
            if (html.regionMatches(true, i, "<!doctype html>", 0, 15)) {
                out.append("<!doctype html>");
                i += 15;
            }
            while (i < n) {
                int lt = html.indexOf('<', i);
                if (lt < 0) lt = n;
                if (lt > i) text(i, lt);
                if (lt == n) break;
                i = token(lt);
            }
            parse(where != Where.END);
            return new Page(out.toString(), loads.loads(kind));
        }

        /** One tag or comment at {@code lt}; returns where the next token starts. */
        private int token(int lt) {
            parse(lt + 1 >= n);
            char c = h[lt + 1];
            if (c == '!') {
                parse(!html.startsWith("<!--", lt) || html.startsWith("<!-->", lt) || html.startsWith("<!--->", lt));
                int end = html.indexOf("-->", lt + 4);
                parse(end < 0 || html.substring(lt + 4, end).contains("--!>")); // which would end it earlier
                before = Before.BLOCK; // a comment goes, but white space beside it counts it as a block (as the minifier does)
                return end + 3;
            }
            if (c == '/') return endTag(lt);
            parse(c < 'a' || c > 'z');
            return startTag(lt);
        }

        private int endTag(int lt) {
            int p = lt + 2;
            while (p < n && (h[p] >= 'a' && h[p] <= 'z' || h[p] >= '1' && h[p] <= '6')) p++;
            parse(p >= n || h[p] != '>' || p == lt + 2);
            Tag tag = tag(h, lt + 2, p);
            parse(tag == null);
            String name = tag.name();
            switch (where) {
                case HEAD -> {
                    parse(!name.equals("head"));
                    offline.ifPresent(o -> {
                        org.jsoup.nodes.Element script = o.script(file);
                        loads.script(script.attr("src"));
                        out.append(script.outerHtml());
                    });
                    where = Where.AFTER_HEAD;
                }
                case BODY -> {
                    parse(depth == 0 || open[depth - 1] != tag);
                    if (name.equals("body")) where = Where.AFTER_BODY; // white space after it stays out of it (jsoup)
                    close(tag);
                }
                case AFTER_BODY -> {
                    parse(!name.equals("html"));
                    where = Where.END;
                }
                default -> throw PARSE;
            }
            out.append("</").append(name).append('>');
            before = tag.block() ? Before.BLOCK : Before.INLINE;
            return p + 1;
        }

        private void close(Tag tag) {
            depth--;
            if (tag.keepsSpace()) keeping--;
            if (tag.is("p")) paragraphs--;
            else if (tag.heading()) headings--;
            else if (tag.is("a")) anchors--;
            else if (tag.is("form")) forms--;
        }

        private int startTag(int lt) {
            int p = lt + 1;
            while (p < n && (h[p] >= 'a' && h[p] <= 'z' || h[p] >= '1' && h[p] <= '6')) p++;
            Tag tag = tag(h, lt + 1, p);
            parse(tag == null);
            String name = tag.name();
            int end = attributes(p);
            boolean selfClosing = h[end - 2] == '/';
            parse(selfClosing && !tag.empty());
            switch (where) {
                case START -> {
                    parse(!name.equals("html"));
                    where = Where.HTML;
                }
                case HTML -> {
                    parse(!name.equals("head") || !names.isEmpty());
                    where = Where.HEAD;
                }
                case HEAD -> parse(!tag.inHead());
                case AFTER_HEAD -> {
                    parse(!name.equals("body"));
                    where = Where.BODY;
                }
                case BODY -> allowed(tag);
                default -> throw PARSE;
            }
            out.append('<').append(name);
            writeAttributes(name);
            out.append('>');
            if (name.equals("script") || name.equals("style")) return rawText(name, end);
            if (name.equals("title")) return title(end);
            if (tag.empty()) {
                before = tag.block() ? Before.BLOCK : Before.INLINE;
                return end;
            }
            if (where == Where.BODY) open(tag);
            before = Before.NOTHING;
            if (name.equals("pre") && end < n && h[end] == '\n') return end + 1; // the parser drops a line break after <pre>
            return end;
        }

        /** Whether the parser would put an element of the body where it stands, as a child of the open one. */
        private void allowed(Tag tag) {
            String name = tag.name();
            parse(!tag.inBody());
            parse(paragraphs > 0 && !tag.phrasing());
            parse(headings > 0 && tag.heading());
            parse(anchors > 0 && name.equals("a"));
            parse(forms > 0 && name.equals("form"));
            Tag parent = open[depth - 1];
            boolean cell = name.equals("td") || name.equals("th");
            if (parent.table()) {
                parse(parent.is("table") && !tag.section() && !name.equals("caption"));
                parse(parent.section() && !tag.tableRow());
                parse(parent.tableRow() && !cell);
            } else {
                parse(tag.section() || name.equals("caption") || tag.tableRow() || cell);
            }
            if (name.equals("li")) closes("li", "li");
            if (name.equals("dd") || name.equals("dt")) closes("dd", "dt");
            if (name.equals("button")) for (int k = 0; k < depth; k++) parse(open[k].is("button"));
        }

        /** The parser closes an open {@code a} or {@code b} element first unless a block other than address, div and p stands between. */
        private void closes(String a, String b) {
            for (int k = depth - 1; k >= 0; k--) {
                Tag e = open[k];
                parse(e.is(a) || e.is(b));
                if (!e.phrasing() && !e.is("address") && !e.is("div") && !e.is("p")) return;
            }
        }

        private void open(Tag tag) {
            parse(depth == open.length);
            open[depth++] = tag;
            if (tag.keepsSpace()) keeping++;
            if (tag.is("p")) paragraphs++;
            else if (tag.heading()) headings++;
            else if (tag.is("a")) anchors++;
            else if (tag.is("form")) forms++;
        }

        /** Reads a tag's attributes from {@code p} into {@link #names} and {@link #values}; returns just past its {@code >}. */
        private int attributes(int p) {
            names.clear();
            values.clear();
            while (true) {
                parse(p >= n);
                char c = h[p];
                if (c == '>') return p + 1;
                if (c == '/') {
                    parse(p + 1 >= n || h[p + 1] != '>');
                    return p + 2;
                }
                parse(!isSpace(c));
                while (p < n && isSpace(h[p])) p++;
                parse(p >= n);
                if (h[p] == '>' || h[p] == '/') continue;
                int start = p;
                while (p < n && (h[p] >= 'a' && h[p] <= 'z' || h[p] >= '0' && h[p] <= '9' || h[p] == '-' || h[p] == '_' || h[p] == ':'
                        || h[p] == '.')) p++;
                parse(p == start || h[start] < 'a' || h[start] > 'z' || p >= n);
                String name = html.substring(start, p);
                parse(names.contains(name)); // the parser keeps the first of two
                String value = null;
                if (h[p] == '=') {
                    p++;
                    parse(p >= n);
                    char q = h[p];
                    int from;
                    int to;
                    if (q == '"' || q == '\'') {
                        from = p + 1;
                        to = html.indexOf(q, from);
                        parse(to < 0);
                        p = to + 1;
                    } else {
                        from = p;
                        while (p < n && !isSpace(h[p]) && h[p] != '>') {
                            char u = h[p];
                            parse(u == '"' || u == '\'' || u == '<' || u == '=' || u == '`');
                            p++;
                        }
                        to = p;
                        parse(to == from);
                    }
                    value = decode(from, to, true);
                }
                names.add(name);
                values.add(value);
            }
        }

        /** Writes the attributes read, finished: unsafe ones send the page to the parser, links become relative. */
        private void writeAttributes(String element) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get(k);
                String value = values.get(k);
                int flags = attribute(name);
                parse((flags & REFUSED) != 0);
                if ((flags & URL) != 0) parse(value != null && UrlSafety.runsCode(value));
                if ((flags & RELATIVE) != 0) value = relative.apply(value == null ? "" : value);
                if (element.equals("meta") && name.equals("http-equiv")) parse(value != null && value.equalsIgnoreCase("refresh"));
                if (element.equals("link")) {
                    if (name.equals("href")) loads.link(valueOf("rel"), value);
                } else if (element.equals("script") && name.equals("src")) {
                    loads.script(value);
                } else if (element.equals("body") && name.equals("data-kind")) {
                    kind = value == null ? "" : value;
                }
                out.append(' ').append(name);
                if (value == null || (value.isEmpty() || value.equalsIgnoreCase(name)) && (flags & BOOLEAN) != 0) continue;
                out.append("=\"");
                escape(value, true);
                out.append('"');
            }
        }

        private String valueOf(String name) {
            int k = names.indexOf(name);
            String v = k < 0 ? null : values.get(k);
            return v == null ? "" : v;
        }

        /** A script's or style sheet's text, as it is, up to its end tag. */
        private int rawText(String name, int from) {
            String endTag = "</" + name;
            int close = html.indexOf(endTag, from);
            parse(close < 0 || close + endTag.length() >= n || h[close + endTag.length()] != '>');
            parse(name.equals("script") && html.lastIndexOf("<!--", close) >= from); // the parser's escaped states
            // its end tag written otherwise (</SCRIPT>, </script >) would end it earlier
            for (int k = from; k < close; k++) parse(h[k] == '<' && k + 1 < close && h[k + 1] == '/' && html.regionMatches(true, k + 2, name, 0, name.length()));
            out.append(html, from, close).append(endTag).append('>');
            before = Before.BLOCK;
            return close + endTag.length() + 1;
        }

        /** The title's text: entities read, white space minified, escaped again. */
        private int title(int from) {
            int close = html.indexOf("</title>", from);
            parse(close < 0);
            for (int k = from; k < close; k++) parse(h[k] == '<' && k + 1 < close && h[k + 1] == '/' && html.regionMatches(true, k + 2, "title", 0, 5));
            String text = decode(from, close, false);
            String minified = Minifier.text(text, true); // the title's only child: at the edge of a block
            if (minified != null) escape(minified, false);
            out.append("</title>");
            before = Before.BLOCK;
            return close + 8;
        }

        /** A text between two tags: only white space outside the body (it goes); in it, minified unless kept. */
        private void text(int from, int to) {
            if (where != Where.BODY) {
                for (int k = from; k < to; k++) parse(!isSpace(h[k]));
                return;
            }
            Tag parent = open[depth - 1];
            if (plain(from, to)) { // no reference to read: straight from the page's characters
                int blank = blankOrCollapsed(from, to);
                parse(blank != 1 && parent.table()); // moved out of the table
                if (keeping > 0) {
                    escape(h, from, to, false);
                    return;
                }
                if (blank == 0) { // nothing to collapse: as it is
                    escape(h, from, to, false);
                    return;
                }
                if (blank == 1) { // white space only
                    if (!nextToBlock(parent, to)) out.append(' ');
                    return;
                }
            }
            String text = decode(from, to, false);
            boolean blank = text.isBlank();
            parse(!blank && parent.table()); // moved out of the table
            if (keeping > 0) {
                escape(text, false);
            } else {
                String minified = Minifier.text(text, blank && nextToBlock(parent, to));
                if (minified != null) escape(minified, false);
            }
        }

        /** Whether a white space text ending at {@code to} is beside a block or at the edge of one (see the minifier). */
        private boolean nextToBlock(Tag parent, int to) {
            boolean parentBlock = parent.block();
            if (before == Before.NOTHING ? parentBlock : before == Before.BLOCK) return true;
            if (to >= n) return parentBlock;
            if (html.startsWith("<!--", to)) return true;
            if (to + 1 < n && h[to + 1] == '/') return parentBlock;
            int p = to + 1;
            while (p < n && (h[p] >= 'a' && h[p] <= 'z' || h[p] >= '1' && h[p] <= '6')) p++;
            Tag next = tag(h, to + 1, p);
            return next != null && next.block(); // one it does not know sends the page to the parser in any case
        }

        /** Whether a text has no character reference and no character the pass refuses (see {@link #decode}). */
        private boolean plain(int from, int to) {
            for (int k = from; k < to; k++) {
                char c = h[k];
                if (c == '&') return false;
                if (c < ' ' || c >= '\ud800' && c <= '\udfff') k = refused(h, k, to);
            }
            return true;
        }

        /**
         * 1 for a text of white space only (as {@link String#isBlank} sees it), 2 for one with white space the minifier
         * collapses, 0 for one it leaves as it is.
         */
        private int blankOrCollapsed(int from, int to) {
            boolean blank = true;
            boolean collapse = false;
            for (int k = from; k < to; k++) {
                char c = h[k];
                if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' && k + 1 < to && h[k + 1] == ' ') collapse = true;
                else if (blank && c != ' ' && (c > ' ' && c < 0x7f || !Character.isWhitespace(c))) blank = false;
                if (!blank && collapse) return 2;
            }
            return blank ? 1 : collapse ? 2 : 0;
        }

        /** The text from {@code from} to {@code to} with its character references read, as the parser reads them there. */
        private String decode(int from, int to, boolean attribute) {
            for (int k = from; k < to; k++) {
                char c = h[k];
                if (c < ' ' || Character.isSurrogate(c)) k = refused(h, k, to);
            }
            String raw = html.substring(from, to);
            if (raw.indexOf('&') < 0) return raw;
            String decoded = Parser.unescapeEntities(raw, attribute);
            char[] d = decoded.toCharArray();
            for (int k = 0; k < d.length; k++) {
                char c = d[k];
                if (c < ' ' || Character.isSurrogate(c)) k = refused(d, k, d.length);
            }
            return decoded;
        }

        /**
         * At a control character or surrogate at {@code k}: a tab, a line break or a whole pair (an emoji, say) is written
         * as it is, and the pass goes on after it (returns its last index); anything else jsoup would write as a reference,
         * or a carriage return, sends the page to the parser.
         */
        private int refused(char[] t, int k, int to) {
            char c = t[k];
            if (c == '\t' || c == '\n') return k;
            parse(!Character.isHighSurrogate(c) || k + 1 >= to || !Character.isLowSurrogate(t[k + 1]));
            return k + 1;
        }

        /** Escapes as jsoup writes text and attribute values (UTF-8, its base entities). */
        private void escape(String s, boolean attribute) {
            escape(s.toCharArray(), 0, s.length(), attribute);
        }

        private void escape(char[] s, int from, int to, boolean attribute) {
            int run = from; // characters copied as they are, a run at a time
            for (int k = from; k < to; k++) {
                char c = s[k];
                String entity = switch (c) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '\u00a0' -> "&nbsp;";
                    case '"' -> attribute ? "&quot;" : null;
                    default -> null;
                };
                if (entity == null) continue;
                out.append(s, run, k - run).append(entity);
                run = k + 1;
            }
            out.append(s, run, to - run);
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
