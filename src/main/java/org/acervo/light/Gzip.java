package org.acervo.light;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
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

    /**
     * The ten header bytes {@link GZIPOutputStream} writes (no name, no time; the OS byte differs between Java
     * versions), taken from it once so that the files are the ones it would write.
     */
    private static final byte[] HEADER = Arrays.copyOf(viaStream(new byte[0]), 10);

    /**
     * One deflater per thread, reset for each file: {@link GZIPOutputStream} makes and frees a new one (a quarter of a
     * megabyte of native memory set up) for every file, which costs more than compressing a small page.
     */
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_COMPRESSION, true));

    /** The bytes gzipped: exactly what {@link GZIPOutputStream} at the highest level writes. */
    public static byte[] compress(byte[] bytes) {
        byte[] out = deflate(bytes, HEADER.length, 8);
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        littleEndian(out, out.length - 8, (int) crc.getValue());
        littleEndian(out, out.length - 4, bytes.length); // the size modulo 2^32, as the format has it
        return out;
    }

    /**
     * The bytes deflated (raw, at the highest level, on this thread's deflater), with {@code before} bytes left free in
     * front and {@code after} at the end: the body of a {@code .gz} file, or a zip entry's data.
     */
    static byte[] deflate(byte[] bytes, int before, int after) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setInput(bytes);
        deflater.finish();
        byte[] out = new byte[before + bytes.length / 3 + 64];
        int n = before;
        while (!deflater.finished()) {
            if (n == out.length) out = Arrays.copyOf(out, out.length * 2);
            n += deflater.deflate(out, n, out.length - n);
        }
        return Arrays.copyOf(out, n + after);
    }

    private static void littleEndian(byte[] out, int at, int value) {
        for (int i = 0; i < 4; i++) out[at + i] = (byte) (value >>> (8 * i));
    }

    /** The bytes gzipped by {@link GZIPOutputStream} itself (for the header, and what {@link #compress} must equal). */
    static byte[] viaStream(byte[] bytes) {
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
