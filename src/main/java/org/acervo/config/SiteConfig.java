package org.acervo.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The typed contents of site.yaml. */
public record SiteConfig(
        List<LanguageConfig> languages,
        String defaultContentLanguage,
        String theme,
        Optional<Organisation> organisation,
        Optional<String> baseURL,
        Map<String, TaxonomyConfig> taxonomies,
        int paginate,
        HtmlPolicy html,
        Limits limits,
        Budgets budgets,
        boolean offline,
        Map<String, SectionRules> rules) {

    public SiteConfig {
        languages = List.copyOf(languages);
        taxonomies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(taxonomies));
        rules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
        if (languages.isEmpty()) throw new IllegalArgumentException("at least one language");
    }

    public String defaultLanguage() {
        return languages.get(0).code();
    }

    public List<String> languageCodes() {
        return languages.stream().map(LanguageConfig::code).toList();
    }

    public Optional<LanguageConfig> language(String code) {
        for (LanguageConfig l : languages) if (l.code().equals(code)) return Optional.of(l); // asked for on every page
        return Optional.empty();
    }

    public LanguageConfig expectLanguage(String code) {
        return language(code).orElseThrow(() -> new IllegalArgumentException("no language " + code));
    }

    /** baseURL with a trailing slash, when set. */
    public Optional<String> base() {
        return baseURL.map(b -> b.endsWith("/") ? b : b + "/");
    }
}
