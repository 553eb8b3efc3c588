package org.acervo.render;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.acervo.build.OutputFile;
import org.acervo.model.LanguageSite;
import org.acervo.model.Page;
import org.acervo.model.Section;
import org.acervo.model.Site;

/**
 * Atom feeds: one per language ({@code es/index.xml}) and one per section
 * ({@code es/conocimiento/index.xml}), newest 20 pages. Links are absolute when baseURL is
 * set, else relative to the feed.
 */
public final class FeedWriter {
    private static final int ENTRIES = 20;
    private final Site site;

    public FeedWriter(Site site) {
        this.site = site;
    }

    public List<OutputFile> feeds() {
        List<OutputFile> out = new ArrayList<>();
        for (LanguageSite l : site.languages().values()) {
            String title = site.config().expectLanguage(l.lang()).title();
            out.add(feed(l.lang() + "/", title, l.pages()));
            for (Section s : l.sections().values()) {
                List<Page> pages = s.entries().stream().filter(e -> !e.otherLanguage()).map(Section.Entry::page).toList();
                out.add(feed(s.path(), s.title() + " · " + title, pages));
            }
        }
        return out;
    }

    /** Newest first, by date (lastmod when later), then path. */
    static List<Page> newest(List<Page> pages, int n) {
        return pages.stream().sorted(Comparator.comparing((Page p) -> p.lastmod().orElse(null), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Page::path)).limit(n).toList();
    }

    private String link(String feedDir, String path) {
        return site.config().base().map(b -> b + path).orElseGet(() -> relative(feedDir, path));
    }

    static String relative(String fromDir, String path) {
        String[] from = fromDir.isEmpty() ? new String[0] : fromDir.split("/");
        String[] to = path.split("/", -1);
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) common++;
        StringBuilder b = new StringBuilder();
        for (int i = common; i < from.length; i++) b.append("../");
        for (int i = common; i < to.length; i++) {
            b.append(to[i]);
            if (i < to.length - 1) b.append('/');
        }
        return b.length() == 0 ? "./" : b.toString();
    }

    private OutputFile feed(String dir, String title, List<Page> pages) {
        List<Page> entries = newest(pages, ENTRIES);
        String updated = entries.stream().map(Page::lastmod).flatMap(Optional::stream).max(Comparator.naturalOrder())
                .map(FeedWriter::stamp).orElse("2000-01-01T00:00:00Z");
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"");
        b.append(" xml:lang=\"").append(Xml.escape(dir.substring(0, dir.indexOf('/')))).append("\">\n");
        b.append("<title>").append(Xml.escape(title)).append("</title>\n");
        b.append("<id>").append(Xml.escape(id(dir))).append("</id>\n");
        b.append("<updated>").append(updated).append("</updated>\n");
        b.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(link(dir, dir))).append("\"/>\n");
        b.append("<link rel=\"self\" href=\"").append(Xml.escape(link(dir, dir + "index.xml"))).append("\"/>\n");
        b.append("<generator>Acervo</generator>\n");
        for (Page p : entries) {
            b.append("<entry>\n<title>").append(Xml.escape(p.title())).append("</title>\n");
            b.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(link(dir, p.path()))).append("\"/>\n");
            b.append("<id>").append(Xml.escape(id(p.path()))).append("</id>\n");
            b.append("<updated>").append(p.lastmod().map(FeedWriter::stamp).orElse(updated)).append("</updated>\n");
            p.date().ifPresent(d -> b.append("<published>").append(stamp(d)).append("</published>\n"));
            b.append("<summary>").append(Xml.escape(p.content().summary())).append("</summary>\n</entry>\n");
        }
        b.append("</feed>\n");
        return OutputFile.text(dir + "index.xml", b.toString());
    }

    private String id(String path) {
        return site.config().base().map(b -> b + path).orElse("tag:acervo,2000:" + path);
    }

    static String stamp(ZonedDateTime d) {
        return d.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
    }
}
