package org.acervo.light;

import java.util.Locale;

/** Sizes as readers and editors read them: "850 bytes", "12 KB", "1.4 MB" (with the language's decimal mark). */
public final class ByteSize {
    private ByteSize() {}

    public static String format(long bytes, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) {
            double kb = bytes / 1024.0;
            return (kb < 10 ? String.format(locale, "%.1f", kb) : String.valueOf(Math.round(kb))) + " KB";
        }
        return String.format(locale, "%.1f", bytes / (1024.0 * 1024.0)) + " MB";
    }
}
