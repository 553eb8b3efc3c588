package org.acervo.config;

import java.util.List;
import java.util.Map;
import org.acervo.problem.SourceLocation;

/**
 * Front matter rules for the pages of one section, from {@code rules:} in site.yaml, checked by
 * {@code acervo check}:
 * <pre>
 * rules:
 *   knowledge:
 *     required: [description, topics]
 *     allowed: {audience: [policy, practice]}
 * </pre>
 *
 * @param section  the top-level content folder the rules apply to
 * @param required keys every page of the section must have
 * @param allowed  per key, the only values a page may give (each item of a list is checked)
 * @param where    where the rules are written in site.yaml
 */
public record SectionRules(String section, List<String> required, Map<String, List<String>> allowed, SourceLocation where) {
    public SectionRules {
        required = List.copyOf(required);
        allowed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(allowed));
    }
}
