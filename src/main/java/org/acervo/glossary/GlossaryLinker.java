package org.acervo.glossary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.acervo.model.Content;
import org.acervo.model.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Links glossary terms in rendered page bodies. In each page, the first occurrence of each
 * term (its title, a synonym or an abbreviation; whole words, compared as analysed tokens so
 * that case, accents and inflections do not matter) becomes
 * {@code <a href="/es/glosario/catastro/" data-term="cadastre" aria-describedby=...>}. Text
 * inside links, headings, code and a few other elements is left alone, and so is a term on its
 * own page. A page with front matter {@code glossary: false} gets no automatic links.
 *
 * <p>Every term linked on a page (automatically or with the {@code term} shortcode) also gets
 * its short definition in a list at the end of the body, so that it can be read without
 * JavaScript, hovering or leaving the page; each link points to its definition with
 * {@code aria-describedby}.
 */
public final class GlossaryLinker {
    /** Elements whose text is never linked. */
    private static final Set<String> SKIP = Set.of("a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "var",
            "script", "style", "textarea", "button", "select", "option", "label", "dfn", "abbr", "svg", "math", "template");
    private static final String DEFINITIONS_CLASS = "glossary-terms";

    private final Glossary glossary;
    private final TermAnalyzers analyzers;
    private final BiFunction<String, String, String> strings;
    private final Map<String, TermTrie> tries = new HashMap<>();
    private final Map<String, GlossaryEntry> byPath = new HashMap<>();
    private final Map<String, String> glossaryPathPrefix = new HashMap<>(); // "/es/glosario/" per language, a cheap pre-check

    /**
     * @param strings UI strings by (language, key): the heading of the definitions list
     */
    public GlossaryLinker(Glossary glossary, TermAnalyzers analyzers, BiFunction<String, String, String> strings) {
        this.glossary = glossary;
        this.analyzers = analyzers;
        this.strings = strings;
        for (String lang : glossary.languages()) {
            TermTrie trie = new TermTrie();
            // titles first, so that a title wins over another term's synonym of the same words
            for (GlossaryEntry e : glossary.entries(lang)) add(trie, lang, e.id(), e.title());
            for (GlossaryEntry e : glossary.entries(lang)) {
                for (String f : e.synonyms()) add(trie, lang, e.id(), f);
                for (String f : e.abbr()) add(trie, lang, e.id(), f);
            }
            tries.put(lang, trie);
            for (GlossaryEntry e : glossary.entries(lang)) {
                byPath.put(e.path(), e);
                glossaryPathPrefix.putIfAbsent(lang, e.path().substring(0, e.path().lastIndexOf('/', e.path().length() - 2) + 1));
            }
        }
    }

    private void add(TermTrie trie, String lang, String id, String written) {
        String form = written.strip();
        List<TermAnalyzers.Token> tokens = analyzers.tokens(lang, form);
        trie.add(tokens, TermTrie.Form.of(id, form, tokens));
    }

    /** The pages with their terms linked, in the same order. */
    public List<Page> link(List<Page> pages) {
        if (glossary.isEmpty()) return pages;
        return pages.parallelStream().map(this::link).toList();
    }

    /** One page with its terms linked; the same page when nothing changes. */
    public Page link(Page page) {
        String html = page.content().html();
        if (html.isEmpty() || !mayLink(page, html)) return page;
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        if (!linkIn(doc.body(), page)) return page;
        Content c = page.content();
        return page.withContent(c.withHtml(doc.body().html()));
    }

    /** Whether a page may get links at all: automatic ones, or explicit links to terms to mark. */
    private boolean mayLink(Page page, String html) {
        TermTrie trie = tries.get(page.lang());
        boolean auto = trie != null && !trie.isEmpty() && !Boolean.FALSE.equals(page.params().get("glossary"));
        return auto || html.contains("data-term=") || html.contains(glossaryPathPrefix.getOrDefault(page.lang(), "\0"));
    }

    /**
     * Links the terms of a page's body in place (the Markdown renderer calls this on the body it has parsed anyway);
     * returns whether anything was linked.
     */
    public boolean linkIn(Element body, Page page) {
        if (glossary.isEmpty()) return false;
        TermTrie trie = tries.get(page.lang());
        boolean auto = trie != null && !trie.isEmpty() && !Boolean.FALSE.equals(page.params().get("glossary"));
        String own = Glossary.isEntry(page) ? Glossary.idOf(page) : null;
        Map<String, GlossaryEntry> linked = new LinkedHashMap<>();
        for (Element a : body.getElementsByTag("a")) {
            // explicit links: the term shortcode, and plain Markdown links to a term's page
            if (!a.hasAttr("href")) continue;
            String href = a.attr("href");
            int hash = href.indexOf('#');
            GlossaryEntry e = a.hasAttr("data-term")
                    ? glossary.find(a.attr("data-term"), page.lang()).or(() -> findAnyLanguage(a.attr("data-term"))).orElse(null)
                    : byPath.get(hash < 0 ? href : href.substring(0, hash));
            if (e == null || e.id().equals(own)) continue;
            a.attr("data-term", e.id());
            a.attr("aria-describedby", definitionId(e.id()));
            linked.putIfAbsent(e.id(), e);
        }
        if (auto) linkText(body, page.lang(), trie, linked, own);
        if (linked.isEmpty()) return false;
        appendDefinitions(body, page.lang(), linked);
        return true;
    }

    private java.util.Optional<GlossaryEntry> findAnyLanguage(String id) {
        for (String l : glossary.languages()) {
            var e = glossary.find(id, l);
            if (e.isPresent()) return e;
        }
        return java.util.Optional.empty();
    }

    private void linkText(Element body, String lang, TermTrie trie, Map<String, GlossaryEntry> linked, String own) {
        List<TextNode> texts = new ArrayList<>();
        collect(body, texts);
        for (TextNode tn : texts) {
            String text = tn.getWholeText();
            if (text.isBlank()) continue;
            List<TermAnalyzers.Token> tokens = analyzers.tokens(lang, text);
            if (tokens.isEmpty()) continue;
            boolean[] joined = new boolean[tokens.size()];
            for (int i = 0; i + 1 < tokens.size(); i++) {
                joined[i] = isJoin(text, tokens.get(i).end(), tokens.get(i + 1).start());
            }
            List<Node> out = null; // the text node's replacement: text, link, text, ... (built as nodes, never parsed)
            int last = 0;
            int i = 0;
            while (i < tokens.size()) {
                TermTrie.Match m = trie.longestAt(text, tokens, joined, i);
                if (m == null) {
                    i++;
                    continue;
                }
                i = m.to();
                int start = tokens.get(m.from()).start() - m.lead();
                int end = tokens.get(m.to() - 1).end() + m.trail();
                if (m.id().equals(own) || linked.containsKey(m.id()) || start < last) continue;
                GlossaryEntry e = glossary.find(m.id(), lang).orElseThrow();
                linked.put(m.id(), e);
                if (out == null) out = new ArrayList<>();
                if (start > last) out.add(new TextNode(text.substring(last, start)));
                Element a = new Element("a").attr("href", e.path()).attr("data-term", e.id())
                        .attr("aria-describedby", definitionId(e.id()));
                a.appendChild(new TextNode(text.substring(start, end)));
                out.add(a);
                last = end;
            }
            if (out != null) {
                if (last < text.length()) out.add(new TextNode(text.substring(last)));
                for (Node n : out) tn.before(n);
                tn.remove();
            }
        }
    }

    /** Text nodes in document order, outside the elements that are never linked. */
    private static void collect(Element e, List<TextNode> out) {
        for (Node child : e.childNodes()) {
            if (child instanceof TextNode tn) {
                out.add(tn);
            } else if (child instanceof Element el) {
                if (SKIP.contains(el.normalName()) || el.hasClass(DEFINITIONS_CLASS) || el.hasAttr("data-no-glossary")) continue;
                collect(el, out);
            }
        }
    }

    /** Two words belong to one phrase when only spaces or hyphens stand between them. */
    private static boolean isJoin(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            char ch = text.charAt(k);
            if (!Character.isWhitespace(ch) && ch != '-' && ch != '\u2010' && ch != '\u2011' && ch != '\u00a0') return false;
        }
        return true;
    }

    static String definitionId(String id) {
        return "def-" + id;
    }

    private void appendDefinitions(Element body, String lang, Map<String, GlossaryEntry> linked) {
        String heading = strings.apply(lang, "glossary_terms_on_page");
        Element aside = body.appendElement("aside").attr("class", DEFINITIONS_CLASS).attr("data-glossary-terms", "")
                .attr("aria-labelledby", "glossary-terms-heading");
        aside.appendElement("h2").attr("id", "glossary-terms-heading").text(heading);
        Element dl = aside.appendElement("dl");
        for (GlossaryEntry e : linked.values()) {
            boolean other = !e.lang().equals(lang);
            Element dt = dl.appendElement("dt");
            if (other) dt.attr("lang", e.lang());
            dt.appendText(e.title()); // no link: the term's first occurrence above is one, and every byte is paid on every page
            if (!e.abbr().isEmpty()) {
                dt.appendText(" ");
                dt.appendElement("abbr").text(String.join(", ", e.abbr()));
            }
            Element dd = dl.appendElement("dd").attr("id", definitionId(e.id()));
            if (other) dd.attr("lang", e.lang());
            dd.text(e.definition());
        }
    }
}
