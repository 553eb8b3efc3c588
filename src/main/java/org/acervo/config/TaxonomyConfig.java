package org.acervo.config;

import java.util.Map;
import java.util.Optional;

/**
 * A taxonomy such as topics or cities. When {@code terms} is not empty, pages may only use
 * those term ids (or their labels), and each term has a label per language.
 */
public record TaxonomyConfig(String key, Map<String, String> titles, Map<String, String> slugs,
                             Map<String, Map<String, String>> terms) {
    public TaxonomyConfig {
        titles = Map.copyOf(titles);
        slugs = Map.copyOf(slugs);
        terms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(terms));
    }

    public boolean closed() {
        return !terms.isEmpty();
    }

    public String title(String lang) {
        return titles.getOrDefault(lang, Character.toUpperCase(key.charAt(0)) + key.substring(1));
    }

    public String slug(String lang) {
        return slugs.getOrDefault(lang, key);
    }

    public Optional<String> termLabel(String termId, String lang) {
        Map<String, String> labels = terms.get(termId);
        if (labels == null) return Optional.empty();
        return Optional.ofNullable(labels.getOrDefault(lang, labels.values().stream().findFirst().orElse(null)));
    }
}
