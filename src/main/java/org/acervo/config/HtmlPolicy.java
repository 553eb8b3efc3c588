package org.acervo.config;

/** How much raw HTML in Markdown is kept. */
public enum HtmlPolicy {
    /** An allow-list of harmless tags and attributes; the default. */
    STRICT,
    /** More tags (iframes, inline styles...) for sites whose every editor is trusted. */
    TRUSTED
}
