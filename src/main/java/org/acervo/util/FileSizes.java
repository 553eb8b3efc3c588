package org.acervo.util;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * How big a download is and how long it takes, in words a reader on a slow connection can
 * use: {@code 2.4 MB}, {@code about 2 min at 256 kbit/s}. One place for the download links of
 * shortcodes and of the document library, exposed to templates as the filters
 * {@code filesize}, {@code downloadtime} and {@code filetype}.
 */
public final class FileSizes {
    /** The connection the estimate assumes: 256 kbit/s, a slow mobile or shared line. */
    public static final long BITS_PER_SECOND = 256_000;

    private FileSizes() {}

    /** {@code 950 bytes}, {@code 12 KB}, {@code 2.4 MB} (decimal units; the language's decimal mark). */
    public static String size(long bytes, Locale locale) {
        boolean es = locale.getLanguage().equals("es");
        if (bytes < 1000) return bytes + (es ? " bytes" : bytes == 1 ? " byte" : " bytes");
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(v < 10 ? 1 : 0);
        f.setMinimumFractionDigits(0);
        return f.format(v) + " " + units[u];
    }

    /** Seconds to download {@code bytes} at {@link #BITS_PER_SECOND}, rounded up. */
    public static long seconds(long bytes) {
        return (bytes * 8 + BITS_PER_SECOND - 1) / BITS_PER_SECOND;
    }

    /** {@code under 1 min}, {@code about 3 min}, {@code about 1 h 20 min} (Spanish: {@code menos de 1 min}, {@code unos 3 min}...). */
    public static String time(long bytes, Locale locale) {
        boolean es = locale.getLanguage().equals("es");
        long s = seconds(bytes);
        if (s < 60) return es ? "menos de 1 min" : "under 1 min";
        long min = Math.round(s / 60.0);
        String about = es ? "unos " : "about ";
        if (min < 60) return about + min + " min";
        long h = min / 60;
        long m = min % 60;
        return about + h + " h" + (m == 0 ? "" : " " + m + " min");
    }

    /** The kind of file from its name, as readers know it: {@code PDF}, {@code DOCX}, {@code MP4}; "" when there is none. */
    public static String type(String name) {
        String n = name;
        int cut = n.indexOf('?');
        if (cut >= 0) n = n.substring(0, cut);
        cut = n.indexOf('#');
        if (cut >= 0) n = n.substring(0, cut);
        int slash = n.lastIndexOf('/');
        int dot = n.lastIndexOf('.');
        if (dot <= slash + 1 || dot == n.length() - 1) return "";
        return n.substring(dot + 1).toUpperCase(Locale.ROOT);
    }
}
