package org.acervo.light;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip at the highest level of java.util.zip, for the {@code .gz} files beside text files (hosts
 * such as nginx {@code gzip_static} or Apache serve them as they are) and for measuring page
 * weight. Brotli is left out: no well-kept pure-Java Brotli encoder exists, and the native ones
 * download platform binaries.
 */
public final class Gzip {
    /** Extensions of the files that get a {@code .gz} twin and count as text when weighed. */
    public static final Set<String> TEXT = Set.of("html", "css", "js", "mjs", "xml", "json", "svg", "txt", "webmanifest");

    private Gzip() {}

    public static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (OutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static boolean isText(String path) {
        return TEXT.contains(extension(path));
    }

    /** The lower-case extension of a path, without the dot; "" when there is none. */
    public static String extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
