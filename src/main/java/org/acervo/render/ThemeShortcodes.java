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
 * rendered inner Markdown, trusted HTML), {@code lang} and {@code t()}.
 */
public final class ThemeShortcodes implements ShortcodeRenderer {
    private final Theme theme;
    private final TemplateRenderer templates;

    public ThemeShortcodes(Theme theme, TemplateRenderer templates) {
        this.theme = theme;
        this.templates = templates;
    }

    @Override
    public Set<String> names() {
        return theme.shortcodes();
    }

    @Override
    public Optional<String> render(Shortcode shortcode, String innerHtml, Page page) {
        Map<String, Object> context = new HashMap<>();
        context.put("args", shortcode.named());
        context.put("positional", shortcode.positional());
        context.put("inner", innerHtml);
        context.put("lang", page.lang());
        context.put("pagePath", "/" + page.path());
        return templates.evaluate("shortcodes/" + shortcode.name() + ".html", context, page.lang(), Optional.of(shortcode.where()));
    }
}
