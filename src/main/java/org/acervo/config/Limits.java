package org.acervo.config;

/** Per-file limits that keep one bad file from stalling a build. */
public record Limits(long maxFileBytes, long fileTimeoutMillis) {
    public static final Limits DEFAULT = new Limits(5L * 1024 * 1024, 10_000);
}
