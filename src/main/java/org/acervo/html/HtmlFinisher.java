package org.acervo.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Last pass over every HTML page: site paths ({@code /es/conocimiento/}) become relative
 * links ({@code ../../conocimiento/}) so the same output works on any host, under any
 * sub-path, and from disk. For offline bundles, links to folders also name their
 * {@code index.html}, since file:// does not open a folder's index. URLs that would run code
 * are removed here, whatever template or shortcode put them in ({@link UrlSafety}).
 */
public final class HtmlFinisher {
    private static final java.util.Set<String> URL_ATTRIBUTES = java.util.Set.of("href", "src", "poster", "action", "data-src", "data-index");
    private final boolean explicitIndex;
    private final java.util.function.Function<Document, String> serializer;

    public HtmlFinisher(boolean explicitIndex) {
        this(explicitIndex, Document::outerHtml);
    }

    /**
     * @param serializer writes the finished page (a minifier, say): the page is parsed once here, so whatever else
     *                   must be done to every page's document is cheapest done now
     */
    public HtmlFinisher(boolean explicitIndex, java.util.function.Function<Document, String> serializer) {
        this.explicitIndex = explicitIndex;
        this.serializer = serializer;
    }

    /** @param file the page's output file relative to the output folder */
    public String finish(String html, String file) {
        Document doc = Jsoup.parse(html);
        finish(doc, file);
        return serializer.apply(doc);
    }

    /** Finishes a parsed page in place, for a caller that does more with the same document. */
    public void finish(Document doc, String file) {
        doc.outputSettings().prettyPrint(false);
        java.util.function.UnaryOperator<String> from = relativeTo(file);
        for (Element e : doc.getAllElements()) {
            if (e.attributesSize() == 0) continue; // most elements: nothing to make relative or safe
            UrlSafety.scrub(e);
            for (org.jsoup.nodes.Attribute a : e.attributes()) { // one pass over the element's few attributes
                if (URL_ATTRIBUTES.contains(a.getKey())) a.setValue(from.apply(a.getValue()));
            }
            if (e.nameIs("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
                String c = e.attr("content");
                int u = c.toLowerCase(java.util.Locale.ROOT).indexOf("url=");
                if (u >= 0) e.attr("content", c.substring(0, u + 4) + from.apply(c.substring(u + 4).trim()));
            }
            if (e.hasAttr("srcset")) {
                StringBuilder b = new StringBuilder();
                for (String candidate : e.attr("srcset").split(",")) {
                    String c = candidate.trim();
                    int sp = c.indexOf(' ');
                    String url = sp < 0 ? c : c.substring(0, sp);
                    if (b.length() > 0) b.append(", ");
                    b.append(from.apply(url)).append(sp < 0 ? "" : c.substring(sp));
                }
                e.attr("srcset", b.toString());
            }
        }
    }

    /** Site paths made relative to the folder of a page ({@code file}, relative to the output), its folders split once for all its links. */
    public java.util.function.UnaryOperator<String> relativeTo(String file) {
        String[] from = folders(file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "");
        return url -> relativize(from, url);
    }

    /** Whether {@link #finish} makes the attribute's value relative: it is set again, a declared value, whatever it was. */
    public static boolean makesRelative(String attribute) {
        return URL_ATTRIBUTES.contains(attribute);
    }

    /** Makes a site path relative to a folder; other URLs are returned unchanged. */
    public String relativize(String fromDir, String url) {
        return relativize(folders(fromDir), url);
    }

    private static String[] folders(String fromDir) {
        return fromDir.isEmpty() ? new String[0] : fromDir.split("/");
    }

    private String relativize(String[] from, String url) {
        if (!url.startsWith("/") || url.startsWith("//")) return url;
        String suffix = "";
        int cut = indexOfAny(url, '#', '?');
        if (cut >= 0) {
            suffix = url.substring(cut);
            url = url.substring(0, cut);
        }
        String target = url.substring(1);
        if (explicitIndex && (target.isEmpty() || target.endsWith("/"))) target = target + "index.html";
        String[] to = target.split("/", -1);
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) common++;
        StringBuilder b = new StringBuilder();
        for (int i = common; i < from.length; i++) b.append("../");
        for (int i = common; i < to.length; i++) {
            b.append(to[i]);
            if (i < to.length - 1) b.append('/');
        }
        String rel = b.toString();
        if (rel.isEmpty()) rel = "./";
        return rel + suffix;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) return j;
        if (j < 0) return i;
        return Math.min(i, j);
    }
}
