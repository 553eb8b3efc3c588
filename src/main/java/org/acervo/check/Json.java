package org.acervo.check;

import java.util.Collection;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as JSON (the check report needs no more). */
final class Json {
    private Json() {}

    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b, 0);
        return b.toString();
    }

    private static void write(Object v, StringBuilder b, int indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(b, indent + 1);
                string(String.valueOf(e.getKey()), b);
                b.append(": ");
                write(e.getValue(), b, indent + 1);
                b.append(++i < m.size() ? ",\n" : "\n");
            }
            pad(b, indent);
            b.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            int i = 0;
            for (Object o : c) {
                pad(b, indent + 1);
                write(o, b, indent + 1);
                b.append(++i < c.size() ? ",\n" : "\n");
            }
            pad(b, indent);
            b.append(']');
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else {
            string(v.toString(), b);
        }
    }

    private static void pad(StringBuilder b, int indent) {
        b.append("  ".repeat(indent));
    }

    private static void string(String s, StringBuilder b) {
        org.acervo.util.Json.string(b, s);
    }
}
