package org.acervo.model;

import java.util.List;

/** One term of a taxonomy in one language, with the pages that carry it. */
public record TaxonomyTerm(String taxonomy, String id, String label, String path, List<Section.Entry> entries) {
    public TaxonomyTerm {
        entries = List.copyOf(entries);
    }

    public int count() {
        return entries.size();
    }
}
