package org.acervo.markdown;

import java.util.List;
import java.util.Map;
import org.acervo.problem.SourceLocation;

/**
 * One Hugo-style shortcode in a page: {@code {{< name key="value" >}}}, or a pair around
 * inner text. {@code inner} is Markdown, already rendered to HTML when a shortcode is shown.
 * {@code bytes} holds the size of each local file an argument names ({@code file},
 * {@code src}, {@code poster}...), keyed by the argument's name.
 */
public record Shortcode(String name, Map<String, String> named, List<String> positional, String inner, SourceLocation where,
                        Map<String, Long> bytes) {
    public Shortcode {
        named = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(named));
        positional = List.copyOf(positional);
        bytes = Map.copyOf(bytes);
    }

    public Shortcode(String name, Map<String, String> named, List<String> positional, String inner, SourceLocation where) {
        this(name, named, positional, inner, where, Map.of());
    }

    /** A named argument, or the positional one at {@code index}, or "". */
    public String arg(String key, int index) {
        if (named.containsKey(key)) return named.get(key);
        return index < positional.size() ? positional.get(index) : "";
    }
}
