package org.acervo.config;

/** Page-weight budgets in bytes (gzip): HTML+CSS for a text page, and everything with images. */
public record Budgets(long textPage, long withImages) {
    public static final Budgets DEFAULT = new Budgets(14 * 1024, 100 * 1024);
}
