package org.acervo.util;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** URL-safe names for taxonomy terms and the encoding of site paths in links. */
public final class Slugs {
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{IsAlphabetic}\\p{IsDigit}]+");
    private static final java.util.regex.Pattern EDGE_DASHES = java.util.regex.Pattern.compile("(^-+|-+$)");

    private Slugs() {}

    /** {@code Gestión del agua} becomes {@code gestion-del-agua}. */
    public static String slugify(String s) {
        String n = MARKS.matcher(Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        n = EDGE_DASHES.matcher(NON_WORD.matcher(n).replaceAll("-")).replaceAll("");
        return n.isEmpty() ? "_" : n;
    }

    /**
     * Decodes the percent escapes of a link's path ({@code %20}, {@code %C3%B3}) as UTF-8. A {@code %} that does not start
     * an escape is a percent sign, as CommonMark reads it ({@code informe-100%.pdf}); a {@code +} stays a plus.
     */
    public static String decodePath(String path) {
        int first = path.indexOf('%');
        if (first < 0) return path;
        StringBuilder out = new StringBuilder(path.length());
        out.append(path, 0, first);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int i = first;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) >= 0 && hex(path.charAt(i + 2)) >= 0) {
                bytes.write(hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2)));
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
            i++;
        }
        if (bytes.size() > 0) out.append(bytes.toString(StandardCharsets.UTF_8));
        return out.toString();
    }

    private static int hex(char c) { // ASCII only: Character.digit would take other scripts' digits too
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** Percent-encodes each segment of a site path, keeping the slashes. */
    public static String encodePath(String path) {
        StringBuilder b = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                String seg = path.substring(start, i);
                b.append(URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
                if (i < path.length()) b.append('/');
                start = i + 1;
            }
        }
        return b.toString();
    }
}
