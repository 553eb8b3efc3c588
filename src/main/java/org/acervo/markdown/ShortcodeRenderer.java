package org.acervo.markdown;

import java.util.Optional;
import java.util.Set;
import org.acervo.model.Page;

/** Renders shortcodes; the theme provides one template per shortcode name. */
public interface ShortcodeRenderer {
    /** Names the theme knows. */
    Set<String> names();

    /** HTML for the shortcode, or empty after reporting a problem. */
    Optional<String> render(Shortcode shortcode, String innerHtml, Page page);

    ShortcodeRenderer NONE = new ShortcodeRenderer() {
        @Override
        public Set<String> names() {
            return Set.of();
        }

        @Override
        public Optional<String> render(Shortcode shortcode, String innerHtml, Page page) {
            return Optional.empty();
        }
    };
}
