package org.acervo.enrich;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema.org node for JSON-LD, built in Java and written as JSON that is safe inside
 * {@code <script type="application/ld+json">}: {@code <}, {@code >} and {@code &} are written
 * as {@code \\u003c}, {@code \\u003e}, {@code \\u0026}, so no text (a hostile title included)
 * can close the script element. Empty values are left out.
 */
public final class JsonLd {
    /** The schema.org types Acervo writes. */
    public enum Type { WebSite, WebPage, Article, DefinedTerm, DefinedTermSet, Event, DigitalDocument, Organization, Place, CollectionPage, Person }

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private JsonLd(Type type) {
        fields.put("@type", type.name());
    }

    public static JsonLd of(Type type) {
        return new JsonLd(type);
    }

    public JsonLd text(String key, String value) {
        if (value != null && !value.isBlank()) fields.put(key, value);
        return this;
    }

    public JsonLd date(String key, ZonedDateTime value) {
        if (value != null) fields.put(key, value.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return this;
    }

    public JsonLd texts(String key, List<String> values) {
        List<String> v = values.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (!v.isEmpty()) fields.put(key, v);
        return this;
    }

    public JsonLd node(String key, JsonLd value) {
        if (value != null) fields.put(key, value);
        return this;
    }

    public JsonLd nodes(String key, List<JsonLd> values) {
        if (!values.isEmpty()) fields.put(key, List.copyOf(values));
        return this;
    }

    /** The JSON text of this node as the top of a document, with {@code @context}. */
    public String toJson() {
        StringBuilder b = new StringBuilder();
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("@context", "https://schema.org");
        top.putAll(fields);
        write(b, top);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        if (v instanceof JsonLd n) {
            write(b, n.fields);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) b.append(',');
                first = false;
                string(b, e.getKey().toString());
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) b.append(',');
                write(b, l.get(i));
            }
            b.append(']');
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else {
            string(b, String.valueOf(v));
        }
    }

    private static void string(StringBuilder b, String s) {
        org.acervo.util.Json.string(b, s);
    }
}
