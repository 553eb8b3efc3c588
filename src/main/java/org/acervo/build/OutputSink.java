package org.acervo.build;

/**
 * Where a build puts its files as they are made: the staging folder of a build (written as they
 * come, so that no phase holds every page at once), or memory (the preview, {@code check},
 * {@code bundle}). Called from many threads at once.
 */
public interface OutputSink {
    void put(OutputFile file);

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
