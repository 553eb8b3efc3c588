package org.acervo.render;

import java.util.Map;
import java.util.Optional;
import org.acervo.markdown.Shortcode;
import org.acervo.model.Page;

/**
 * Values computed in Java for one shortcode's template, beside its arguments: the glossary
 * entry a {@code term} names, the size of the file a {@code download} offers. Empty when the
 * shortcode cannot be shown; the problem has then been reported at the shortcode's line.
 */
public interface ShortcodeValues {
    Optional<Map<String, Object>> values(Shortcode shortcode, Page page);
}
