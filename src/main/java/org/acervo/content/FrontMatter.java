package org.acervo.content;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.acervo.problem.SourceLocation;

/**
 * The typed front matter of a page. Known keys are typed; every key, known or not, is also
 * in {@link #params()} so that themes can read what real content carries (authors, doi...).
 *
 * @param taxonomies terms per taxonomy key, as written (tags included)
 * @param locations  where each key was written, for messages about its value
 */
public record FrontMatter(
        String title,
        String description,
        Optional<ZonedDateTime> date,
        Optional<ZonedDateTime> lastmod,
        boolean draft,
        Optional<String> slug,
        Optional<String> url,
        List<String> aliases,
        int weight,
        Optional<String> translationKey,
        Optional<String> type,
        Optional<String> layout,
        Map<String, List<String>> taxonomies,
        Map<String, Object> params,
        Map<String, SourceLocation> locations) {

    public FrontMatter {
        aliases = List.copyOf(aliases);
        taxonomies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(taxonomies));
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        locations = Map.copyOf(locations);
    }

    public List<String> terms(String taxonomy) {
        return taxonomies.getOrDefault(taxonomy, List.of());
    }

    /** Where a key was written, or the start of the file. */
    public SourceLocation where(String key, SourceLocation fallback) {
        return locations.getOrDefault(key, fallback);
    }
}
