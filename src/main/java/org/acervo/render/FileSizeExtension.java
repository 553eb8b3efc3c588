package org.acervo.render;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.acervo.util.FileSizes;

/**
 * Template filters for download links: {@code {{ bytes | filesize }}} (2.4 MB),
 * {@code {{ bytes | downloadtime }}} (about 1 min, at 256 kbit/s) and
 * {@code {{ "manual.pdf" | filetype }}} (PDF). Sizes and times follow the page's language.
 */
final class FileSizeExtension extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("filesize", filter((bytes, locale) -> FileSizes.size(bytes, locale)),
                "downloadtime", filter((bytes, locale) -> FileSizes.time(bytes, locale)),
                "filetype", new Filter() {
                    @Override
                    public List<String> getArgumentNames() {
                        return List.of();
                    }

                    @Override
                    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                        return input == null ? "" : FileSizes.type(input.toString());
                    }
                });
    }

    private static Filter filter(BiFunction<Long, Locale, String> f) {
        return new Filter() {
            @Override
            public List<String> getArgumentNames() {
                return List.of();
            }

            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                if (input == null || input.toString().isBlank()) return "";
                long bytes = input instanceof Number n ? n.longValue() : Long.parseLong(input.toString().trim());
                return f.apply(bytes, context.getLocale());
            }
        };
    }
}
