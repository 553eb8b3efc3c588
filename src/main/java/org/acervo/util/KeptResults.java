package org.acervo.util;

import java.util.Optional;

/**
 * What a build worked out for one part of the site (one language's related pages or search index), kept for the next
 * build with the print of everything that made it: when the print is the same, so is the result, and it is taken
 * instead of worked out again. An edit of one English page leaves the Spanish lists and index as they were. The
 * keeper adds what every result depends on besides its own inputs (the code, site.yaml, the theme). Thread-safe.
 */
public interface KeptResults {
    /** The bytes kept as {@code name} when they were made from {@code inputs}; empty otherwise. */
    Optional<byte[]> get(String name, String inputs);

    /** Keeps {@code bytes}, made from {@code inputs}, as {@code name} for the next build. */
    void put(String name, String inputs, byte[] bytes);

    /** Keeps nothing (one-off builds, the preview). */
    KeptResults NONE = new KeptResults() {
        @Override
        public Optional<byte[]> get(String name, String inputs) {
            return Optional.empty();
        }

        @Override
        public void put(String name, String inputs, byte[] bytes) {}
    };
}
