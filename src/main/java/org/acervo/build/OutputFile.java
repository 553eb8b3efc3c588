package org.acervo.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** One file of the output: its path under the output folder, and bytes or a file to copy. */
public record OutputFile(String path, byte[] bytes, Path copyFrom) {
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
}
