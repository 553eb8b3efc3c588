package org.acervo.library;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.build.OutputFile;
import org.acervo.html.HtmlFinisher;
import org.acervo.model.Page;
import org.acervo.model.Site;
import org.acervo.problem.SourceLocation;
import org.acervo.render.TemplateRenderer;
import org.acervo.render.Views.SiteView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes each newsletter issue ({@code content/newsletter/}) a second time as one
 * self-contained HTML file to paste into an e-mail ({@code es/boletin/2026-q3/email.html}):
 * the theme's {@code layouts/newsletter/email.html}, then every element's style written
 * inline (mail programs drop style sheets), no scripts or external resources, and links
 * absolute when the site has a baseURL (relative otherwise, for a preview from disk).
 */
public final class NewsletterEmails {
    /** The content folder whose pages are newsletter issues. */
    public static final String SECTION = "newsletter";
    static final String LAYOUT = "newsletter/email";
    private static final Map<String, String> STYLES = Map.ofEntries(
            Map.entry("h1", "font-size:24px;line-height:1.25;margin:0 0 12px;color:#1a1a1a;"),
            Map.entry("h2", "font-size:19px;line-height:1.3;margin:24px 0 8px;color:#1a1a1a;"),
            Map.entry("h3", "font-size:16px;line-height:1.3;margin:20px 0 6px;color:#1a1a1a;"),
            Map.entry("p", "margin:0 0 12px;"),
            Map.entry("ul", "margin:0 0 12px;padding-left:22px;"),
            Map.entry("ol", "margin:0 0 12px;padding-left:22px;"),
            Map.entry("li", "margin:0 0 6px;"),
            Map.entry("a", "color:#0b5394;text-decoration:underline;"),
            Map.entry("blockquote", "margin:0 0 12px;padding-left:12px;border-left:3px solid #ccc;color:#444;"),
            Map.entry("img", "max-width:100%;height:auto;border:0;"),
            Map.entry("small", "color:#555;font-size:13px;"),
            Map.entry("table", "border-collapse:collapse;margin:0 0 12px;"),
            Map.entry("th", "border:1px solid #ccc;padding:4px 8px;text-align:left;"),
            Map.entry("td", "border:1px solid #ccc;padding:4px 8px;"));

    /** One issue as the e-mail template sees it as {@code page}. */
    public record Issue(String title, String description, ZonedDateTime date, String content, String lang, String path,
                        String email) {}

    private final Site site;
    private final TemplateRenderer templates;
    private final HtmlFinisher finisher;

    public NewsletterEmails(Site site, TemplateRenderer templates, HtmlFinisher finisher) {
        this.site = site;
        this.templates = templates;
        this.finisher = finisher;
    }

    /** The e-mail files; none when the theme has no e-mail layout. */
    public List<OutputFile> files(java.util.function.Function<String, SiteView> siteViews) {
        List<OutputFile> out = new ArrayList<>();
        if (!templates.hasLayout(LAYOUT)) return out;
        for (Page p : site.allPages()) {
            if (!p.section().equals(SECTION)) continue;
            String file = p.path() + "email.html";
            Issue issue = new Issue(p.title(), p.description(), p.date().orElse(null), p.content().html(), p.lang(), "/" + p.path(),
                    "/" + file);
            Map<String, Object> context = new HashMap<>();
            context.put("site", siteViews.apply(p.lang()));
            context.put("page", issue);
            context.put("lang", p.lang());
            Optional<String> html = templates.evaluate("layouts/" + LAYOUT + ".html", context, p.lang(), Optional.of(SourceLocation.of(p.source().shown())));
            html.ifPresent(h -> out.add(OutputFile.text(file, inline(h, file))));
        }
        return out;
    }

    /** Inline styles, nothing external, links absolute (with baseURL) or relative to the file. */
    String inline(String html, String file) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false);
        doc.select("script, link, style, iframe, object, embed").remove();
        String base = site.config().base().orElse("");
        String dir = file.substring(0, file.lastIndexOf('/') + 1);
        for (Element e : doc.body().getAllElements()) {
            String style = STYLES.get(e.normalName());
            if (style != null) e.attr("style", style + e.attr("style"));
            for (String attr : new String[] {"href", "src"}) {
                String v = e.attr(attr);
                if (!v.startsWith("/") || v.startsWith("//")) continue;
                e.attr(attr, base.isEmpty() ? finisher.relativize(dir, v) : base + v.substring(1));
            }
        }
        return doc.outerHtml();
    }
}
