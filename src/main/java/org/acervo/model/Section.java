package org.acervo.model;

import java.util.List;
import java.util.Optional;

/**
 * A content folder in one language: its list page and the pages it lists. {@code entries}
 * includes pages that exist only in another language, marked as such.
 */
public record Section(String key, String lang, String title, String path, Optional<Page> index, List<Entry> entries) {
    public Section {
        entries = List.copyOf(entries);
    }

    /** An item of a list: a page, and whether it is in another language than the list. */
    public record Entry(Page page, boolean otherLanguage) {}

    public String description() {
        return index.map(Page::description).orElse("");
    }
}
