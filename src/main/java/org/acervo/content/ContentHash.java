package org.acervo.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that {@code translationOf:} records: SHA-256 of the source file's bytes, as they are
 * on disk, first 12 hexadecimal digits. Any edit of the source (text or front matter) changes it,
 * so a translation made from an older version is reported stale.
 */
public final class ContentHash {
    /** Hex digits kept: 48 bits, plenty to tell versions of one file apart. */
    public static final int LENGTH = 12;

    private ContentHash() {}

    public static String of(byte[] bytes) {
        return full(bytes).substring(0, LENGTH);
    }

    public static String of(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All 64 hex digits, for caches. */
    public static String full(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
