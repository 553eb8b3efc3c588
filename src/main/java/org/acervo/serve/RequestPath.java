package org.acervo.serve;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns a request's raw path into a path inside the output, or refuses it. Nothing outside the
 * output can be named: percent-escapes are decoded once, then any {@code ..} or {@code .}
 * segment, backslash, NUL or other control character is refused (whatever its spelling:
 * {@code %2e%2e}, {@code %2f}, {@code %00}).
 */
final class RequestPath {
    static final int MAX_LENGTH = 2048;

    private RequestPath() {}

    /** @return the output path ("" for the top, folders end in "/"), or empty when refused */
    static Optional<String> of(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.length() > MAX_LENGTH || !rawPath.startsWith("/")) return Optional.empty();
        String decoded;
        try {
            decoded = decode(rawPath);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (decoded.contains("\\")) return Optional.empty();
        for (int i = 0; i < decoded.length(); i++) if (Character.isISOControl(decoded.charAt(i))) return Optional.empty();
        String rel = decoded.substring(1);
        if (rel.startsWith("/")) return Optional.empty();
        for (String seg : rel.split("/", -1)) {
            if (seg.equals("..") || seg.equals(".")) return Optional.empty();
        }
        if (rel.contains("//")) return Optional.empty();
        return Optional.of(rel);
    }

    /** Percent-decoding of a path (a '+' stays a '+'); a malformed escape is refused. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        byte[] out = new byte[s.length()];
        int n = 0;
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%') {
                if (i + 2 >= in.length) throw new IllegalArgumentException("bad escape");
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi < 0 || lo < 0) throw new IllegalArgumentException("bad escape");
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                out[n++] = in[i];
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
