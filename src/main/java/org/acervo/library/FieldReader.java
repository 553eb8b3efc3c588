package org.acervo.library;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.acervo.content.FrontMatterParser;
import org.acervo.model.Page;
import org.acervo.problem.Problems;
import org.acervo.problem.SourceLocation;

/**
 * Reads one page's front matter parameters as typed values. A value of the wrong type is
 * reported at the key's line with an example of what to write, and read as absent, so one
 * build lists every such mistake.
 */
final class FieldReader {
    private final Page page;
    private final Problems problems;

    FieldReader(Page page, Problems problems) {
        this.page = page;
        this.problems = problems;
    }

    Page page() {
        return page;
    }

    SourceLocation where(String key) {
        return page.meta().where(key, SourceLocation.at(page.source().shown(), 1));
    }

    boolean has(String key) {
        return page.params().get(key) != null;
    }

    void error(String key, String what, String hint) {
        problems.error(where(key), what, hint);
    }

    Optional<String> string(String key) {
        return text(key, page.params().get(key), "text", key + ": \"...\"");
    }

    private Optional<String> text(String key, Object v, String kind, String example) {
        if (v == null) return Optional.empty();
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            String s = v.toString().strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }
        error(key, "'" + key + "' must be " + kind + ", not a " + (v instanceof List ? "list" : "group of keys"), "write " + example);
        return Optional.empty();
    }

    /** A date or date-time; {@code allDay} tells whether it was written without a time. */
    record When(ZonedDateTime at, boolean allDay) {}

    Optional<When> date(String key) {
        Object v = page.params().get(key);
        if (v == null) return Optional.empty();
        String s = v.toString().strip();
        Optional<ZonedDateTime> d = v instanceof String ? keepingOffset(s).or(() -> FrontMatterParser.parseDate(s)) : Optional.empty();
        if (d.isEmpty()) {
            error(key, "'" + key + "' must be a date, not '" + s + "'",
                    "write it as " + key + ": 2027-05-12, or with a time: " + key + ": 2027-05-12T09:00:00-06:00");
            return Optional.empty();
        }
        return Optional.of(new When(d.get(), s.matches("\\d{4}-\\d{2}-\\d{2}")));
    }

    /** A time with its offset stays in that offset, so a 09:00 workshop in Tegucigalpa shows 09:00. */
    private static Optional<ZonedDateTime> keepingOffset(String s) {
        try {
            return Optional.of(java.time.OffsetDateTime.parse(s.replace(' ', 'T')).toZonedDateTime());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    OptionalLong integer(String key) {
        Object v = page.params().get(key);
        if (v == null) return OptionalLong.empty();
        return wholeNumber(key, key, v);
    }

    OptionalLong wholeNumber(String key, String shown, Object v) {
        if (v instanceof Long l && l >= 0) return OptionalLong.of(l);
        if (v instanceof Integer i && i >= 0) return OptionalLong.of(i);
        error(key, "'" + shown + "' must be a whole number, not '" + v + "'", "write digits only, e.g. " + shown + ": 25");
        return OptionalLong.empty();
    }

    /** A list of texts; a single text counts as a list of one. */
    List<String> strings(String key) {
        Object v = page.params().get(key);
        if (v == null) return List.of();
        if (!(v instanceof List<?> list)) return text(key, v, "a list", key + ": [\"Ana Ruiz\", \"Luis Mora\"]").map(List::of).orElse(List.of());
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map) {
                error(key, "each item of '" + key + "' must be text, not a group of keys", "write " + key + ": [\"Ana Ruiz\", \"Luis Mora\"]");
            } else if (o != null) {
                out.add(o.toString());
            }
        }
        return out;
    }

    /** A list of groups of keys, e.g. {@code agenda: [{time: "09:00", title: "..."}]}. */
    List<Map<String, Object>> maps(String key, String example) {
        Object v = page.params().get(key);
        if (v == null) return List.of();
        List<Map<String, Object>> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> m = asMap(key, o, example);
                if (m != null) out.add(m);
            }
        } else {
            error(key, "'" + key + "' must be a list", "write " + key + ":\n  - " + example);
        }
        return out;
    }

    Optional<Map<String, Object>> map(String key, String example) {
        Object v = page.params().get(key);
        return v == null ? Optional.empty() : Optional.ofNullable(asMap(key, v, example));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(String key, Object o, String example) {
        if (o instanceof Map<?, ?> m) return (Map<String, Object>) m;
        error(key, "each item of '" + key + "' must be a group of keys, not '" + o + "'", "write " + key + ": " + example);
        return null;
    }

    /** A text value inside a group ({@code presentations[].title}). */
    Optional<String> text(String key, Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (v == null) return Optional.empty();
        if (v instanceof List || v instanceof Map) {
            error(key, "'" + key + "." + field + "' must be text", "write " + field + ": \"...\"");
            return Optional.empty();
        }
        String s = v.toString().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    Optional<String> required(String key, Map<String, Object> m, String field) {
        Optional<String> s = text(key, m, field);
        if (s.isEmpty() && m.get(field) == null) error(key, "an item of '" + key + "' has no '" + field + "'", "add " + field + ": ... to it");
        return s;
    }
}
