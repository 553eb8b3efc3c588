package org.acervo.build;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.acervo.content.ContentTree;
import org.acervo.content.ParsedSource;
import org.acervo.model.Page;

/**
 * Every published page with its site path, before its body is rendered: what links
 * between pages resolve against.
 *
 * @param byTranslationPath content path without language suffix, then language, to page
 * @param unpublished       translation paths of drafts and future pages left out of this build
 */
public record PageIndex(List<Page> pages, Map<Page, ParsedSource> sources, Map<String, Map<String, Page>> byTranslationPath,
                        Set<String> unpublished, ContentTree tree, List<String> languages) {

    /** The same index without the parsed sources (their Markdown), once it is rendered. */
    public PageIndex withoutSources() {
        return new PageIndex(pages, Map.of(), byTranslationPath, unpublished, tree, languages);
    }

    /**
     * The page for a content path (without the .md ending or language suffix) in the wanted
     * language, else in the first other language that has it.
     */
    public Optional<Page> find(String translationPath, String lang) {
        Map<String, Page> byLang = byTranslationPath.get(translationPath);
        if (byLang == null || byLang.isEmpty()) return Optional.empty();
        if (byLang.containsKey(lang)) return Optional.of(byLang.get(lang));
        for (String l : languages) if (byLang.containsKey(l)) return Optional.of(byLang.get(l));
        return Optional.of(byLang.values().iterator().next());
    }
}
