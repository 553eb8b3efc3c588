package org.acervo.render;

import java.util.ArrayList;
import java.util.List;
import org.acervo.build.OutputFile;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.Section;
import org.acervo.model.Site;

/**
 * sitemap.xml (every home, section and single page; with hreflang alternates when baseURL is
 * set, as search engines need absolute addresses for them) and robots.txt.
 */
public final class SitemapWriter {
    private final Site site;

    public SitemapWriter(Site site) {
        this.site = site;
    }

    public List<OutputFile> files() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        b.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        String base = site.config().base().orElse("");
        for (LanguageSite l : site.languages().values()) {
            url(b, base, l.lang() + "/", List.of());
            for (Section s : l.sections().values()) url(b, base, s.path(), List.of());
            for (Page p : l.pages()) {
                List<String[]> alternates = new ArrayList<>();
                if (!base.isEmpty()) {
                    for (String lang : site.config().languageCodes()) {
                        site.translation(p, lang).ifPresent(t -> alternates.add(new String[] {lang, t.path()}));
                    }
                }
                url(b, base, p.path(), alternates.size() > 1 ? alternates : List.of(), p);
            }
        }
        b.append("</urlset>\n");
        StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
        site.config().base().ifPresent(u -> robots.append("Sitemap: ").append(u).append("sitemap.xml\n"));
        return List.of(OutputFile.text("sitemap.xml", b.toString()), OutputFile.text("robots.txt", robots.toString()));
    }

    private void url(StringBuilder b, String base, String path, List<String[]> alternates) {
        url(b, base, path, alternates, null);
    }

    private void url(StringBuilder b, String base, String path, List<String[]> alternates, Page page) {
        b.append("<url><loc>").append(Xml.escape(base + path)).append("</loc>");
        if (page != null) page.lastmod().ifPresent(d -> b.append("<lastmod>").append(d.toLocalDate()).append("</lastmod>"));
        for (String[] a : alternates) {
            b.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(Xml.escape(a[0])).append("\" href=\"")
                    .append(Xml.escape(base + a[1])).append("\"/>");
        }
        b.append("</url>\n");
    }
}
