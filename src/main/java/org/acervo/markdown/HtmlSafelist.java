package org.acervo.markdown;

import org.acervo.config.HtmlPolicy;
import org.jsoup.safety.Safelist;

/**
 * What raw HTML in Markdown may contain. Strict by default: formatting, links, images,
 * tables, figures; no scripts, styles, event handlers, forms or frames, and only http(s),
 * mailto and tel links ({@code javascript:}, {@code vbscript:} and {@code data:} are removed).
 */
public final class HtmlSafelist {
    private HtmlSafelist() {}

    public static Safelist forPolicy(HtmlPolicy policy) {
        Safelist s = Safelist.relaxed()
                .addTags("figure", "figcaption", "details", "summary", "abbr", "mark", "kbd", "samp", "var", "del", "ins", "s",
                        "section", "aside", "hr", "time", "picture", "source", "small", "sup", "sub", "dfn")
                .addAttributes(":all", "id", "class", "title", "lang", "dir")
                .addAttributes("a", "hreflang", "rel", "download")
                .addAttributes("img", "loading", "srcset", "sizes", "decoding")
                .addAttributes("source", "srcset", "sizes", "media", "type")
                .addAttributes("th", "align", "scope")
                .addAttributes("td", "align")
                .addAttributes("ol", "start", "reversed")
                .addAttributes("time", "datetime")
                .addAttributes("abbr", "title")
                .addProtocols("a", "href", "http", "https", "mailto", "tel")
                .removeProtocols("a", "href", "ftp")
                .addProtocols("img", "src", "http", "https")
                .addProtocols("source", "srcset", "http", "https")
                .preserveRelativeLinks(true);
        if (policy == HtmlPolicy.TRUSTED) {
            s.addTags("iframe", "video", "audio", "track", "div", "span", "center", "font", "style")
                    .addAttributes(":all", "style")
                    .addAttributes("iframe", "src", "width", "height", "allow", "allowfullscreen", "loading", "title", "frameborder")
                    .addAttributes("video", "src", "controls", "poster", "width", "height", "preload")
                    .addAttributes("audio", "src", "controls", "preload")
                    .addAttributes("track", "src", "kind", "srclang", "label")
                    .addProtocols("iframe", "src", "https")
                    .addProtocols("video", "src", "http", "https")
                    .addProtocols("audio", "src", "http", "https");
        }
        return s;
    }
}
