package org.acervo.library;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * How a download's size and its estimated time on a slow connection are written, in one
 * place: templates call it as {@code fileSize(bytes)} and {@code downloadTime(bytes)}, and
 * download links in page bodies get the same labels. Sizes use decimal units (1 MB =
 * 1,000,000 bytes), as operating systems and phone plans show them.
 */
public final class DownloadFormat {
    /** The connection the estimate assumes: 256 kbit/s, a slow mobile or shared line. */
    public static final long BITS_PER_SECOND = 256_000;

    private DownloadFormat() {}

    /** {@code 2.4 MB} in English, {@code 2,4 MB} in Spanish; {@code ""} when the size is unknown (negative). */
    public static String size(long bytes, String lang) {
        if (bytes < 0) return "";
        NumberFormat f = NumberFormat.getNumberInstance(Locale.forLanguageTag(lang));
        if (bytes < 1000) return bytes + " B";
        if (bytes < 1_000_000) {
            f.setMaximumFractionDigits(0);
            return f.format(Math.max(1, Math.round(bytes / 1000.0))) + " KB";
        }
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(0);
        if (bytes < 1_000_000_000) return f.format(bytes / 1_000_000.0) + " MB";
        return f.format(bytes / 1_000_000_000.0) + " GB";
    }

    /** Seconds the file takes at {@link #BITS_PER_SECOND}, rounded up. */
    public static long seconds(long bytes) {
        return bytes <= 0 ? 0 : (bytes * 8 + BITS_PER_SECOND - 1) / BITS_PER_SECOND;
    }

    /** {@code 40 s}, {@code 6 min}, {@code 1 h 37 min}: the estimated time at 256 kbit/s; {@code ""} when unknown. */
    public static String time(long bytes) {
        if (bytes < 0) return "";
        long s = seconds(bytes);
        if (s < 1) return "1 s";
        if (s < 60) return s + " s";
        long min = (s + 59) / 60;
        if (min < 60) return min + " min";
        return (min / 60) + " h" + (min % 60 == 0 ? "" : " " + (min % 60) + " min");
    }

    /** The document type readers see, from the file name: {@code PDF}, {@code DOCX}, {@code MP3}... */
    public static String type(String name) {
        String n = name;
        int q = n.indexOf('?');
        if (q >= 0) n = n.substring(0, q);
        int dot = n.lastIndexOf('.');
        int slash = n.lastIndexOf('/');
        return dot > slash && dot >= 0 ? n.substring(dot + 1).toUpperCase(Locale.ROOT) : "";
    }
}
