package org.acervo.config;

import java.util.List;

/** One language of the site, in the order site.yaml gives them. */
public record LanguageConfig(String code, String name, String title, String description, List<MenuEntry> menu) {
    public LanguageConfig {
        menu = List.copyOf(menu);
    }
}
