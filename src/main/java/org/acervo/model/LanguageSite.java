package org.acervo.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything published in one language. */
public record LanguageSite(String lang, Optional<Page> home, List<Page> pages, Map<String, Section> sections,
                           Map<String, List<TaxonomyTerm>> taxonomies) {
    public LanguageSite {
        pages = List.copyOf(pages);
        sections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sections));
        taxonomies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(taxonomies));
    }

    public Optional<Section> findSection(String key) {
        return Optional.ofNullable(sections.get(key));
    }
}
