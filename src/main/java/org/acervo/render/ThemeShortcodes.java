package org.acervo.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.acervo.markdown.Shortcode;
import org.acervo.markdown.ShortcodeRenderer;
import org.acervo.model.Page;

/**
 * Shortcodes rendered by the theme's {@code shortcodes/<name>.html} Pebble templates. A
 * template sees {@code args} (named arguments), {@code positional}, {@code inner} (the
 * rendered inner Markdown, trusted HTML), {@code lang} and {@code t()}, plus the values that
 * Java computes for some shortcodes ({@link ShortcodeValues}: {@code term} for the glossary,
 * {@code bytes} for downloads and videos).
 */
public final class ThemeShortcodes implements ShortcodeRenderer {
    private final Theme theme;
    private final TemplateRenderer templates;
    private final Map<String, ShortcodeValues> values;

    public ThemeShortcodes(Theme theme, TemplateRenderer templates) {
        this(theme, templates, Map.of());
    }

    /** @param values Java-computed values by shortcode name */
    public ThemeShortcodes(Theme theme, TemplateRenderer templates, Map<String, ShortcodeValues> values) {
        this.theme = theme;
        this.templates = templates;
        this.values = Map.copyOf(values);
    }

    @Override
    public Set<String> names() {
        return theme.shortcodes();
    }

    @Override
    public Optional<String> render(Shortcode shortcode, String innerHtml, Page page) {
        Map<String, Object> context = new HashMap<>();
        ShortcodeValues extra = values.get(shortcode.name());
        if (extra != null) {
            Optional<Map<String, Object>> v = extra.values(shortcode, page);
            if (v.isEmpty()) return Optional.empty();
            context.putAll(v.get());
        }
        context.put("args", shortcode.named());
        context.put("positional", shortcode.positional());
        context.put("inner", innerHtml);
        context.put("lang", page.lang());
        context.put("pagePath", "/" + page.path());
        return templates.evaluate("shortcodes/" + shortcode.name() + ".html", context, page.lang(), Optional.of(shortcode.where()));
    }
}
