package org.acervo.light;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.acervo.build.OutputFile;

/** The output files by path, while the light pass replaces and adds some; files to copy are read only when needed. */
final class OutputFiles implements PageWeigher.Sizes {
    private final Map<String, OutputFile> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> gzipped = new ConcurrentHashMap<>(); // made once: weighed, then written as .gz

    /** Files found here when not among these ones (the rest of a site already built); never changed. */
    private final Map<String, OutputFile> around;

    OutputFiles(Collection<OutputFile> initial) {
        this(initial, Map.of());
    }

    OutputFiles(Collection<OutputFile> initial, Map<String, OutputFile> around) {
        for (OutputFile f : initial) files.put(f.path(), f);
        this.around = around;
    }

    Optional<OutputFile> find(String path) {
        return Optional.ofNullable(get(path));
    }

    private OutputFile get(String path) {
        OutputFile f = files.get(path);
        return f != null ? f : around.get(path);
    }

    @Override
    public boolean contains(String path) {
        return files.containsKey(path) || around.containsKey(path);
    }

    void put(OutputFile f) {
        files.put(f.path(), f);
        gzipped.remove(f.path());
        gzipSizes.remove(f.path());
    }

    List<String> paths() {
        return files.keySet().stream().sorted().toList();
    }

    List<OutputFile> all() {
        return files.values().stream().sorted(java.util.Comparator.comparing(OutputFile::path)).toList();
    }

    byte[] bytes(String path) {
        return bytes(get(path));
    }

    static byte[] bytes(OutputFile f) {
        if (f.bytes() != null) return f.bytes();
        try {
            return Files.readAllBytes(f.copyFrom());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long size(String path) {
        OutputFile f = get(path);
        if (f.bytes() != null) return f.bytes().length;
        // a file copied as it is (the theme's favicon, which every page links to) is looked at once, not once per page
        return copiedSizes.computeIfAbsent(f.copyFrom(), from -> {
            try {
                return Files.size(from);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private final Map<java.nio.file.Path, Long> copiedSizes = new ConcurrentHashMap<>();

    private final Map<String, Long> gzipSizes = new ConcurrentHashMap<>(); // of files whose .gz the last build made

    /** The size of a file's .gz, known without compressing it (the last build's .gz of the same bytes stays). */
    void knownGzipSize(String path, long size) {
        gzipSizes.put(path, size);
    }

    /** Bytes on the wire: gzip for text, as they are for images and other binary files. */
    @Override
    public long gzipSize(String path) {
        if (!Gzip.isText(path)) return size(path);
        Long known = gzipSizes.get(path);
        return known != null ? known : gzip(path).length;
    }

    /** The file gzipped, compressed once however often it is asked for (until the file is replaced). */
    byte[] gzip(String path) {
        return gzipped.computeIfAbsent(path, p -> Gzip.compress(bytes(p)));
    }

    String text(String path) {
        return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }
}
