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

    /**
     * The bytes kept as {@code name} by the last build whatever they were made from (by the same code, site.yaml and
     * theme): a result that an edit changes only in part is worked out from them, where the edit reaches (one
     * language's related pages after an edit of one page). Empty when there are none.
     */
    default Optional<byte[]> last(String name) {
        return Optional.empty();
    }

    /** Tells the editor how much of {@code name} was worked out again from {@link #last}, as "for 3 of 4,732 pages". */
    default void partly(String name, String how) {}

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
