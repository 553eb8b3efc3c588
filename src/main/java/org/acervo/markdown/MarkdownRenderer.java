package org.acervo.markdown;

import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.acervo.config.HtmlPolicy;
import org.acervo.content.ParsedSource;
import org.acervo.model.Content;
import org.acervo.model.Heading;
import org.acervo.model.Page;
import org.acervo.problem.Problems;
import org.acervo.problem.SourceLocation;
import org.acervo.problem.Suggestions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;

/**
 * Markdown to a safe HTML fragment: flexmark with tables, footnotes, definition lists and
 * {@code {#id}} attributes; links to sources resolved to site paths; shortcodes rendered by
 * the theme; raw HTML passed through the site's allow-list.
 */
public final class MarkdownRenderer {
    private static final DataKey<Optional<RenderContext>> CONTEXT = new DataKey<>("ACERVO_CONTEXT", Optional.empty());
    private static final String PLACEHOLDER = "ACERVOSHORTCODE";

    private final Parser parser;
    /** For text with nothing an autolink could be made of: the autolink scan is a fifth of rendering otherwise. */
    private final Parser parserWithoutAutolinks;
    private final HtmlRenderer renderer;
    private final Cleaner cleaner;
    private final ShortcodeRenderer shortcodes;
    /** Done to each page's body before it is written out (glossary links), on the document parsed here anyway; or null. */
    private final java.util.function.BiConsumer<Element, Page> bodyStep;

    /** What the link resolver needs to know about the page being rendered. */
    private record RenderContext(Page page, LinkTargets links, int bodyLine, Document doc) {}

    public MarkdownRenderer(HtmlPolicy policy, ShortcodeRenderer shortcodes) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), FootnoteExtension.create(), AttributesExtension.create(), DefinitionExtension.create(),
                new LinkExtension()));
        MutableDataSet withoutAutolinks = new MutableDataSet(options);
        withoutAutolinks.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                FootnoteExtension.create(), AttributesExtension.create(), DefinitionExtension.create(), new LinkExtension()));
        this.parserWithoutAutolinks = Parser.builder(withoutAutolinks).build();
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NON_ASCII_TO_LOWERCASE, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        // no reformatting of the HTML as it is written (jsoup parses it next, and the pages are minified): a sixth of
        // the renderer's time, the same document once parsed
        options.set(HtmlRenderer.FORMAT_FLAGS, com.vladsch.flexmark.util.sequence.LineAppendable.F_PASS_THROUGH);
        options.set(TablesExtension.WITH_CAPTION, false);
        options.set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "↩︎");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
        this.cleaner = new Cleaner(HtmlSafelist.forPolicy(policy));
        this.shortcodes = shortcodes;
        this.bodyStep = null;
    }

    private MarkdownRenderer(MarkdownRenderer base, java.util.function.BiConsumer<Element, Page> bodyStep) {
        this.parser = base.parser;
        this.parserWithoutAutolinks = base.parserWithoutAutolinks;
        this.renderer = base.renderer;
        this.cleaner = base.cleaner;
        this.shortcodes = base.shortcodes;
        this.bodyStep = bodyStep;
    }

    /**
     * The same renderer, doing {@code step} to every body once it is clean (its text, headings and summary are taken
     * before): work on the body that would otherwise parse it again.
     */
    public MarkdownRenderer withBodyStep(java.util.function.BiConsumer<Element, Page> step) {
        return new MarkdownRenderer(this, step);
    }

    /** Renders a page's body; problems (broken links, unknown shortcodes) go to {@code problems}. */
    public Content render(ParsedSource source, Page page, LinkTargets links, Problems problems) {
        Optional<NestingLimit.TooDeep> deep = NestingLimit.check(source.body());
        if (deep.isPresent()) {
            problems.error(SourceLocation.at(source.source().shown(), source.bodyLine() + deep.get().line()),
                    "lists and quotes are nested " + deep.get().depth() + " levels deep here (the limit is " + NestingLimit.MAX_DEPTH + ")",
                    "reduce the nesting; a line of many > or - characters nests that many quotes or lists");
            return Content.EMPTY;
        }
        List<String> rendered = new ArrayList<>();
        String markdown = replaceShortcodes(source.body(), source, page, links, problems, rendered);
        String html = toHtml(markdown, page, links, source.bodyLine());
        org.jsoup.nodes.Document clean = cleaner.clean(Jsoup.parseBodyFragment(html, "http://acervo.invalid/"));
        clean.outputSettings().prettyPrint(false);
        List<Heading> headings = new ArrayList<>();
        for (Element h : clean.body().select("h1, h2, h3, h4, h5, h6")) {
            headings.add(new Heading(h.tagName().charAt(1) - '0', h.id(), h.text()));
        }
        String text = clean.body().text();
        String summary = page.description().isBlank()
                ? Optional.ofNullable(clean.body().selectFirst("p")).map(Element::text).orElse("")
                : page.description();
        if (!rendered.isEmpty()) insertShortcodes(clean.body(), rendered);
        if (bodyStep != null) bodyStep.accept(clean.body(), page);
        return new Content(clean.body().html(), text, headings, summary);
    }

    private String toHtml(String markdown, Page page, LinkTargets links, int bodyLine) {
        boolean mayLink = markdown.contains("://") || markdown.contains("www.") || markdown.indexOf('@') >= 0;
        Document doc = (mayLink ? parser : parserWithoutAutolinks).parse(markdown);
        doc.set(CONTEXT, Optional.of(new RenderContext(page, links, bodyLine, doc)));
        return renderer.render(doc);
    }

    /** Replaces each shortcode with a placeholder word and renders it; keeps line numbers intact. */
    private String replaceShortcodes(String body, ParsedSource source, Page page, LinkTargets links, Problems problems,
                                     List<String> rendered) {
        if (!body.contains("{{")) return body;
        List<ShortcodeScanner.Found> found = ShortcodeScanner.scan(body);
        if (found.isEmpty()) return body;
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (ShortcodeScanner.Found f : found) {
            out.append(body, last, f.start());
            last = f.end();
            String original = body.substring(f.start(), f.end());
            int newlines = (int) original.chars().filter(c -> c == '\n').count();
            SourceLocation where = locate(source, body, f.start());
            if (f.escaped()) {
                out.append(f.literal());
                continue;
            }
            if (f.name().startsWith("/")) {
                problems.error(where, "closing shortcode {{< " + f.name() + " >}} without an opening one",
                        "add {{< " + f.name().substring(1) + " >}} before it, or delete it");
                out.append("\n".repeat(newlines));
                continue;
            }
            if (!shortcodes.names().contains(f.name())) {
                problems.error(where, "unknown shortcode '" + f.name() + "'",
                        Suggestions.nearest(f.name(), shortcodes.names()).map(s -> "did you mean '" + s + "'? ").orElse("")
                                + "available: " + String.join(", ", shortcodes.names().stream().sorted().toList()));
                out.append("\n".repeat(newlines));
                continue;
            }
            java.util.Map<String, String> named = new java.util.LinkedHashMap<>(f.named());
            java.util.Map<String, Long> bytes = new java.util.HashMap<>();
            for (String key : List.of("src", "file", "href", "link", "poster", "slides", "transcript", "audio")) {
                String v = named.get(key);
                if (v == null || v.isBlank()) continue;
                links.localFile(v, page).ifPresent(file -> bytes.put(key, file.toFile().length()));
                links.resolve(v, page, where).ifPresent(p -> named.put(key, p));
            }
            String innerHtml = "";
            if (f.inner() != null) {
                String inner = replaceShortcodes(f.inner(), source, page, links, problems, rendered);
                innerHtml = cleaner.clean(Jsoup.parseBodyFragment(toHtml(inner, page, links, where.line()), "http://acervo.invalid/"))
                        .body().html();
                innerHtml = restore(innerHtml, rendered);
            }
            Shortcode sc = new Shortcode(f.name(), named, f.positional(), f.inner() == null ? "" : f.inner(), where, bytes);
            Optional<String> html = shortcodes.render(sc, innerHtml, page);
            if (html.isEmpty()) {
                out.append("\n".repeat(newlines));
                continue;
            }
            rendered.add(html.get());
            String word = PLACEHOLDER + (rendered.size() - 1) + "X";
            boolean block = (f.start() == 0 || body.charAt(f.start() - 1) == '\n')
                    && (f.end() == body.length() || body.charAt(f.end()) == '\n');
            out.append(block ? "\n" + word + "\n" : word).append("\n".repeat(Math.max(0, newlines - (block ? 2 : 0))));
        }
        out.append(body, last, body.length());
        return out.toString();
    }

    private static String restore(String html, List<String> rendered) {
        for (int i = rendered.size() - 1; i >= 0; i--) {
            html = html.replace("<p>" + PLACEHOLDER + i + "X</p>", rendered.get(i)).replace(PLACEHOLDER + i + "X", rendered.get(i));
        }
        return html;
    }

    private static void insertShortcodes(Element body, List<String> rendered) {
        for (Element p : new ArrayList<>(body.select("p"))) {
            String t = p.text().trim();
            if (p.children().isEmpty() && t.startsWith(PLACEHOLDER) && t.matches(PLACEHOLDER + "\\d+X")) {
                int n = Integer.parseInt(t.substring(PLACEHOLDER.length(), t.length() - 1));
                p.before(rendered.get(n));
                p.remove();
            }
        }
        for (TextNode tn : new ArrayList<>(body.textNodes())) replaceInText(tn, rendered);
        for (Element e : body.getAllElements()) {
            for (TextNode tn : new ArrayList<>(e.textNodes())) replaceInText(tn, rendered);
        }
    }

    private static void replaceInText(TextNode tn, List<String> rendered) {
        String t = tn.getWholeText();
        if (!t.contains(PLACEHOLDER)) return;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(PLACEHOLDER + "(\\d+)X").matcher(t);
        StringBuilder html = new StringBuilder();
        int last = 0;
        while (m.find()) {
            html.append(org.jsoup.nodes.Entities.escape(t.substring(last, m.start())));
            int n = Integer.parseInt(m.group(1));
            html.append(n < rendered.size() ? rendered.get(n) : "");
            last = m.end();
        }
        html.append(org.jsoup.nodes.Entities.escape(t.substring(last)));
        tn.before(html.toString());
        tn.remove();
    }

    private static SourceLocation locate(ParsedSource source, String body, int offset) {
        int line = 0;
        int col = 1;
        for (int i = 0; i < offset && i < body.length(); i++) {
            if (body.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new SourceLocation(source.source().shown(), source.bodyLine() + line, col);
    }

    /** Plugs the link resolver into flexmark. */
    private static final class LinkExtension implements HtmlRenderer.HtmlRendererExtension {
        @Override
        public void rendererOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {}

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.linkResolverFactory(new LinkResolverFactory() {
                @Override
                public Set<Class<?>> getAfterDependents() {
                    return null;
                }

                @Override
                public Set<Class<?>> getBeforeDependents() {
                    return null;
                }

                @Override
                public boolean affectsGlobalScope() {
                    return false;
                }

                @Override
                public LinkResolver apply(LinkResolverBasicContext context) {
                    return new SourceLinkResolver();
                }
            });
        }
    }

    private static final class SourceLinkResolver implements LinkResolver {
        @Override
        public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
            Optional<RenderContext> ctx = CONTEXT.get(context.getDocument());
            // references ([text][ref]) come here first by name; only real destinations are resolved
            if (ctx.isEmpty() || !(link.getLinkType() == com.vladsch.flexmark.html.renderer.LinkType.LINK
                    || link.getLinkType() == com.vladsch.flexmark.html.renderer.LinkType.IMAGE)) {
                return link;
            }
            // an e-mail address in the text: flexmark writes it as mailto:, it is no file to find
            if (node instanceof com.vladsch.flexmark.ast.MailLink) return link;
            RenderContext c = ctx.get();
            if (link.getUrl().startsWith("www.")) {
                // autolinked from text such as "see www.example.org"
                return link.withStatus(LinkStatus.VALID).withUrl("http://" + link.getUrl());
            }
            int line = c.doc().getLineNumber(node.getStartOffset());
            int col = node.getStartOffset() - c.doc().getChars().startOfLine(node.getStartOffset()) + 1;
            SourceLocation where = new SourceLocation(c.page().source().shown(), c.bodyLine() + line, col);
            return c.links().resolve(link.getUrl(), c.page(), where)
                    .map(url -> link.withStatus(LinkStatus.VALID).withUrl(url))
                    .orElse(link);
        }
    }
}
