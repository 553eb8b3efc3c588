package org.acervo.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One file of the output: its path under the output folder, and bytes or a file to copy.
 *
 * @param link {@code copyFrom} is a file of the last build's output, the same as this one: hard-linked rather than
 *             copied where the disk allows it (never a source file: a host editing the output would edit the source)
 */
public record OutputFile(String path, byte[] bytes, Path copyFrom, boolean link) {
    public OutputFile(String path, byte[] bytes, Path copyFrom) {
        this(path, bytes, copyFrom, false);
    }

    public OutputFile {
        if (path.startsWith("/") || path.contains("\\") || path.contains("\0") || java.util.Arrays.asList(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("unsafe output path " + path);
        }
    }

    public static OutputFile text(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8), null);
    }

    public static OutputFile copy(String path, Path from) {
        return new OutputFile(path, null, from);
    }

    /** The same file as the last build's {@code from}, which the build cache found unchanged. */
    public static OutputFile link(String path, Path from) {
        return new OutputFile(path, null, from, true);
    }
}
