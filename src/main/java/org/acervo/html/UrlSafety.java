package org.acervo.html;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The last guard against URLs that run code: whatever put a URL into a page (an editor's
 * Markdown, a shortcode argument, a front matter value a theme prints in an {@code href}),
 * {@code javascript:}, {@code vbscript:} and {@code data:} URLs are removed before the page
 * is written. Browsers ignore tabs, newlines and leading spaces in a scheme and do not care
 * about case, so neither does this check. Raster {@code data:image/} pictures stay allowed
 * in image sources, where they cannot run.
 */
public final class UrlSafety {
    /** Attributes that hold one URL. */
    private static final java.util.Set<String> URL_ATTRIBUTES = java.util.Set.of("href", "src", "action", "formaction", "poster", "data", "cite", "background",
            "xlink:href", "longdesc", "manifest", "codebase", "ping");
    private static final Pattern IGNORED = Pattern.compile("[\\x00-\\x20\\x7F]+");
    private static final Pattern RASTER_IMAGE = Pattern.compile("data:image/(png|gif|jpeg|webp|avif);.*", Pattern.DOTALL);

    private UrlSafety() {}

    /** Whether {@link HtmlFinisher} checks the attribute's value with {@link #runsCode} (besides {@code srcset}). */
    public static boolean holdsUrl(String attribute) {
        return URL_ATTRIBUTES.contains(attribute);
    }

    /** True when a browser following this URL would run code or render attacker-made markup. */
    public static boolean runsCode(String url) {
        if (url.indexOf(':') < 0) return false; // no scheme: a path, a fragment (most URLs of a page)
        String u = IGNORED.matcher(url).replaceAll("").toLowerCase(Locale.ROOT);
        return u.startsWith("javascript:") || u.startsWith("vbscript:") || u.startsWith("data:");
    }

    /** Removes URL attributes that run code from one element; also event handlers and srcdoc, which no page needs. */
    static void scrub(Element e) {
        boolean image = e.nameIs("img") || e.nameIs("source");
        java.util.List<String> unsafe = null;
        for (org.jsoup.nodes.Attribute a : e.attributes()) { // one pass over the element's few attributes
            String attr = a.getKey();
            if (!URL_ATTRIBUTES.contains(attr)) continue;
            String v = a.getValue();
            if (runsCode(v) && !(image && attr.equals("src") && isRasterImage(v))) {
                if (unsafe == null) unsafe = new java.util.ArrayList<>(1);
                unsafe.add(attr);
            }
        }
        if (unsafe != null) unsafe.forEach(e::removeAttr);
        if (e.hasAttr("srcset")) {
            for (String candidate : e.attr("srcset").split(",")) {
                String c = candidate.strip();
                if (runsCode(c) && !isRasterImage(c)) {
                    e.removeAttr("srcset");
                    break;
                }
            }
        }
        if (e.nameIs("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
            String c = e.attr("content");
            int u = c.toLowerCase(Locale.ROOT).indexOf("url=");
            if (u >= 0 && runsCode(c.substring(u + 4).replace("'", "").replace("\"", ""))) e.remove();
        }
    }

    private static boolean isRasterImage(String url) {
        return RASTER_IMAGE.matcher(IGNORED.matcher(url).replaceAll("").toLowerCase(Locale.ROOT)).matches();
    }
}
