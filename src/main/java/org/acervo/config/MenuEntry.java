package org.acervo.config;

/**
 * A menu item. {@code page} names a section or a content path (resolved to that page in each
 * language); {@code url} is an external address. Exactly one of them is set.
 */
public record MenuEntry(String label, String page, String url, org.acervo.problem.SourceLocation where) {
    public boolean external() {
        return url != null;
    }
}
