package org.acervo.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.config.SiteConfig;

/** The whole site: configuration, one {@link LanguageSite} per language, and the translation groups. */
public record Site(SiteConfig config, Map<String, LanguageSite> languages, Map<String, Map<String, Page>> translations) {
    public Site {
        languages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(languages));
    }

    public LanguageSite expectLanguage(String lang) {
        LanguageSite l = languages.get(lang);
        if (l == null) throw new IllegalArgumentException("no language " + lang);
        return l;
    }

    /** The page in {@code lang} that translates {@code page}, if any. */
    public Optional<Page> translation(Page page, String lang) {
        if (page.lang().equals(lang)) return Optional.of(page);
        return Optional.ofNullable(translations.getOrDefault(page.translationKey(), Map.of()).get(lang));
    }

    /** True when the page exists in every language of the site. */
    public boolean fullyTranslated(Page page) {
        return translations.getOrDefault(page.translationKey(), Map.of()).size() >= languages.size();
    }

    /** Every page of every language, in language order. */
    public List<Page> allPages() {
        return languages.values().stream().map(LanguageSite::pages).flatMap(Collection::stream).toList();
    }
}
