package org.acervo.build;

/**
 * Where a build puts its files as they are made: the staging folder of a build (written as they
 * come, so that no phase holds every page at once), or memory (the preview, {@code check},
 * {@code bundle}). Called from many threads at once.
 */
public interface OutputSink {
    void put(OutputFile file);

    /**
     * A file too large to hold in memory (an offline bundle of the whole site), written as a stream; it is in the output
     * once the stream is closed.
     */
    default java.io.OutputStream open(String path) {
        return new java.io.ByteArrayOutputStream() {
            @Override
            public void close() {
                put(new OutputFile(path, toByteArray(), null));
            }
        };
    }

    /** Files kept in memory, sorted by path. */
    final class InMemory implements OutputSink {
        private final java.util.Map<String, OutputFile> files = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void put(OutputFile file) {
            files.put(file.path(), file);
        }

        public java.util.List<OutputFile> files() {
            return files.values().stream().sorted(java.util.Comparator.comparing(OutputFile::path)).toList();
        }
    }
}
