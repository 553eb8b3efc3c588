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
