package org.acervo.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.acervo.model.Content;
import org.acervo.model.Page;
import org.acervo.util.FileSizes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Marks every link in page bodies that points to a downloadable bundle file (PDF, slides,
 * audio...) as {@code a[data-download][data-bytes]} and writes its type, size and time at
 * 256 kbit/s beside it, so readers on a slow line know the cost before they tap. Missing
 * files never get here: link resolution already reported them at their line.
 */
public final class DownloadLinker {
    private final BundleFiles files;
    private final BiFunction<String, String, String> strings;

    /** @param strings the theme's UI string for a language and key, for "at 256 kbit/s" */
    public DownloadLinker(BundleFiles files, BiFunction<String, String, String> strings) {
        this.files = files;
        this.strings = strings;
    }

    /** The pages with annotated bodies, and the downloads found in each body (by page site path). */
    public record Result(List<Page> pages, Map<String, List<Download>> bodyDownloads) {}

    public Result annotate(List<Page> pages) {
        Map<String, List<Download>> found = new ConcurrentHashMap<>();
        List<Page> out = pages.parallelStream().map(p -> {
            if (!mayLinkDownload(p.content().html())) return p; // most pages: no parse needed
            Document doc = Jsoup.parseBodyFragment(p.content().html());
            doc.outputSettings().prettyPrint(false);
            List<Download> downloads = new ArrayList<>();
            for (Element a : doc.select("a[href^=/]")) {
                String href = a.attr("href");
                if (!DownloadTypes.isDownload(BundleFiles.stripFragment(href))) continue;
                OptionalLong size = files.size(href);
                if (size.isEmpty()) continue;
                String type = FileSizes.type(BundleFiles.stripFragment(href));
                if (!a.hasAttr("data-download")) mark(a, type, size.getAsLong(), p.lang()); // the download shortcode marks its own
                downloads.add(new Download(a.text(), href, type, size.getAsLong(), "", "", "/" + p.path(), p.title()));
            }
            if (downloads.isEmpty()) return p;
            found.put("/" + p.path(), List.copyOf(downloads));
            Content c = p.content();
            return p.withContent(c.withHtml(doc.body().html()));
        }).toList();
        return new Result(out, Map.copyOf(found));
    }

    /** Whether some {@code href="/..."} in the HTML names a file of a download type (a scan, cheaper than parsing). */
    static boolean mayLinkDownload(String html) {
        int from = 0;
        while (true) {
            int at = html.indexOf("href=\"/", from);
            if (at < 0) return false;
            int start = at + 6;
            int end = html.indexOf('"', start);
            if (end < 0) return false;
            if (DownloadTypes.isDownload(BundleFiles.stripFragment(html.substring(start, end)))) return true;
            from = end;
        }
    }

    /** The markup every download link shares (the theme's download partial writes the same). */
    private void mark(Element a, String type, long bytes, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        a.attr("data-download", type);
        a.attr("data-bytes", Long.toString(bytes));
        a.after(new Element("small").addClass("download-size").attr("data-download-size", "")
                .text(" (" + type + ", " + FileSizes.size(bytes, locale) + ", " + FileSizes.time(bytes, locale) + " "
                        + strings.apply(lang, "at_256kbps") + ")"));
    }
}
