package org.acervo.util;

/**
 * What UTF-8 cannot hold: a lone surrogate (half of a pair, which a YAML escape such as {@code "\\uD83D"} can put in a
 * text). {@link String#getBytes} writes it as '?', so two different texts can have the same UTF-8 bytes; the build
 * cache must tell them apart and read them back as they were.
 */
public final class Utf8 {
    private Utf8() {}

    /** Whether a text's UTF-8 bytes (from getBytes) may stand for a lone surrogate: only where they hold a '?'. */
    public static boolean mayHaveLoneSurrogate(byte[] utf8) {
        for (byte b : utf8) if (b == '?') return true;
        return false;
    }

    /** Whether the text holds a surrogate that is not half of a pair. */
    public static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return true;
        }
        return false;
    }
}
