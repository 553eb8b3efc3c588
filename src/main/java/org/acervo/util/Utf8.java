package org.acervo.util;

/**
 * What UTF-8 cannot hold: a lone surrogate (half of a pair, which a YAML escape such as {@code "\\uD83D"} can put in a
 * text). {@link String#getBytes} writes it as '?', so two different texts can have the same UTF-8 bytes; the build
 * cache must tell them apart and read them back as they were.
 */
public final class Utf8 {
    private Utf8() {}

    /**
     * Whether a text holds a lone surrogate, given its UTF-8 bytes from getBytes: then they hold more '?' than the text
     * (each lone surrogate is written as one). Counting both is several times faster than looking at every character
     * under the launcher's quick compiler, and the texts are the HTML of every page.
     */
    public static boolean hasLoneSurrogate(String text, byte[] utf8) {
        int bytes = 0;
        for (byte b : utf8) if (b == '?') bytes++;
        if (bytes == 0) return false;
        int chars = 0;
        for (int i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) chars++;
        return bytes != chars;
    }
}
