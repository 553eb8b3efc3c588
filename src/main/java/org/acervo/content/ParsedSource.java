package org.acervo.content;

import java.util.Objects;

/**
 * A source file read and split: its front matter and its Markdown body. A source whose front matter the build cache
 * holds keeps its bytes instead of its body, and cuts the body from them when it is first asked for: only pages whose
 * Markdown is rendered again need it, and decoding every source of a large site again took a twentieth of a rebuild.
 * Equal sources are equal in all four parts.
 */
public final class ParsedSource {
    private final SourceFile source;
    private final FrontMatter meta;
    private final int bodyLine;
    private volatile String body;
    private java.util.function.Supplier<byte[]> bytes; // until the body is cut from them
    private final int bodyStart;

    /** @param bodyLine the file line on which the body starts (1-based), to report body problems */
    public ParsedSource(SourceFile source, FrontMatter meta, String body, int bodyLine) {
        this.source = source;
        this.meta = meta;
        this.body = Objects.requireNonNull(body);
        this.bodyLine = bodyLine;
        this.bytes = null;
        this.bodyStart = 0;
    }

    private ParsedSource(SourceFile source, FrontMatter meta, java.util.function.Supplier<byte[]> bytes, int bodyStart, int bodyLine) {
        this.source = source;
        this.meta = meta;
        this.bodyLine = bodyLine;
        this.bytes = bytes;
        this.bodyStart = bodyStart;
    }

    /**
     * A source whose bytes a parse without problems has split before (the same bytes, by their fingerprint): its body is
     * the text of {@code bytes} from character {@code bodyStart}, cut when first asked for. The bytes are UTF-8, after a
     * byte order mark if any, as that parse found them.
     */
    public static ParsedSource decodedLater(SourceFile source, FrontMatter meta, byte[] bytes, int bodyStart, int bodyLine) {
        return new ParsedSource(source, meta, () -> bytes, bodyStart, bodyLine);
    }

    /**
     * Thrown by {@link #body()} of a source {@link #readLater} when its bytes are no longer those its front matter was
     * known by (the file saved or removed while the build ran): front matter and body would be of two versions.
     */
    public static final class ChangedWhileRead extends RuntimeException {
        public ChangedWhileRead(SourceFile source) {
            super(source.shown() + " changed while the build read it", null, false, false);
        }
    }

    /**
     * As {@link #decodedLater(SourceFile, FrontMatter, byte[], int, int)}, for a source not read yet (the build cache knew
     * its bytes by the file's size and time): {@code bytes} reads them when the body is first asked for, and throws
     * {@link ChangedWhileRead} when they are not the bytes it knew.
     */
    public static ParsedSource readLater(SourceFile source, FrontMatter meta, java.util.function.Supplier<byte[]> bytes, int bodyStart,
                                         int bodyLine) {
        return new ParsedSource(source, meta, bytes, bodyStart, bodyLine);
    }

    public SourceFile source() {
        return source;
    }

    public FrontMatter meta() {
        return meta;
    }

    public int bodyLine() {
        return bodyLine;
    }

    public String body() {
        String b = body;
        if (b != null) return b;
        synchronized (this) {
            if (body == null) {
                String text = FrontMatterParser.textOf(bytes.get());
                body = text.substring(Math.min(bodyStart, text.length()));
                bytes = null;
            }
            return body;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedSource p && bodyLine == p.bodyLine && source.equals(p.source) && meta.equals(p.meta) && body().equals(p.body());
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, meta, bodyLine);
    }

    @Override
    public String toString() {
        return "ParsedSource[source=" + source + ", bodyLine=" + bodyLine + "]";
    }
}
