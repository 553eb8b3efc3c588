package org.acervo.markdown;

import java.util.List;
import java.util.Map;
import org.acervo.problem.SourceLocation;

/**
 * One Hugo-style shortcode in a page: {@code {{< name key="value" >}}}, or a pair around
 * inner text. {@code inner} is Markdown, already rendered to HTML when a shortcode is shown.
 */
public record Shortcode(String name, Map<String, String> named, List<String> positional, String inner, SourceLocation where) {
    public Shortcode {
        named = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(named));
        positional = List.copyOf(positional);
    }

    /** A named argument, or the positional one at {@code index}, or "". */
    public String arg(String key, int index) {
        if (named.containsKey(key)) return named.get(key);
        return index < positional.size() ? positional.get(index) : "";
    }
}
