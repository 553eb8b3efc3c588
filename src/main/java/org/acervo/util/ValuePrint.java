package org.acervo.util;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fingerprint of a value made of records, lists, maps and plain values: what a page's template is given, so that
 * the build cache can tell that a page would render as it did last time without rendering it. Two values with the same
 * print are equal in everything a template can read (records by their components, in order; lists and ordered maps in
 * their order); values of any other kind have no print ({@link #of} is empty), and their page is rendered.
 *
 * <p>Maps and sets made by {@code Map.copyOf} and {@code Set.copyOf} have no order of their own (it changes from one
 * run of Java to the next), so they are printed in the order of their entries' prints; every other map or collection
 * in its own order, which a template iterating it sees. Large collections shared by many pages (a taxonomy's terms, the
 * glossary's letters) are printed once per build: prints are remembered by identity for collections of
 * {@value #SHARED} entries or more. Thread-safe.
 */
public final class ValuePrint {
    /** Collections of this many entries or more are remembered by identity. */
    static final int SHARED = 16;

    /** Deeper than this, a value is taken for one that holds itself. */
    private static final int DEPTH = 48;

    private static final ClassValue<MethodHandle[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            RecordComponent[] cs = type.getRecordComponents();
            MethodHandle[] out = new MethodHandle[cs.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (int i = 0; i < cs.length; i++) {
                try {
                    out[i] = lookup.unreflect(cs[i].getAccessor());
                } catch (IllegalAccessException e) {
                    return null; // a record that is not public: no print
                }
            }
            return out;
        }
    };

    /** Thrown inside when a value has no print. */
    private static final class NoPrint extends Exception {
        NoPrint() {
            super(null, null, false, false);
        }
    }

    private static final NoPrint NO_PRINT = new NoPrint();

    private final Map<Object, String> shared = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

    /** The print of {@code value}, 24 hexadecimal digits; empty when it holds a value of another kind. */
    public Optional<String> of(Object value) {
        try {
            Fingerprint f = new Fingerprint();
            add(f, value, 0);
            return Optional.of(f.value());
        } catch (NoPrint e) {
            return Optional.empty();
        }
    }

    private void add(Fingerprint f, Object v, int depth) throws NoPrint {
        if (depth > DEPTH) throw NO_PRINT;
        if (v == null) {
            f.add("n");
        } else if (v instanceof String s) {
            f.add("s").add(s);
        } else if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof TemporalAccessor
                || v instanceof Path || v instanceof java.util.Locale) {
            f.add(v.getClass().getName()).add(v.toString());
        } else if (v instanceof Enum<?> e) {
            f.add(e.getDeclaringClass().getName()).add(e.name());
        } else if (v instanceof Optional<?> o) {
            f.add(o.isPresent() ? "o" : "o-");
            if (o.isPresent()) add(f, o.get(), depth + 1);
        } else if (v instanceof byte[] b) {
            f.add("b").add(b);
        } else if (v instanceof Record) {
            MethodHandle[] cs = COMPONENTS.get(v.getClass());
            if (cs == null) throw NO_PRINT;
            f.add("r").add(v.getClass().getName());
            for (MethodHandle c : cs) {
                try {
                    add(f, c.invoke(v), depth + 1);
                } catch (NoPrint e) {
                    throw e;
                } catch (Throwable t) {
                    throw NO_PRINT; // an accessor that fails: rendering would meet it too
                }
            }
        } else if (v instanceof Map<?, ?> m) {
            if (m.size() >= SHARED) f.add(shared(m, depth));
            else addMap(f, m, depth);
        } else if (v instanceof Collection<?> c) {
            if (c.size() >= SHARED) f.add(shared(c, depth));
            else addCollection(f, c, depth);
        } else {
            throw NO_PRINT;
        }
    }

    private String shared(Object big, int depth) throws NoPrint {
        String known = shared.get(big);
        if (known != null) return known;
        Fingerprint f = new Fingerprint();
        if (big instanceof Map<?, ?> m) addMap(f, m, depth);
        else addCollection(f, (Collection<?>) big, depth);
        String print = f.value();
        shared.put(big, print);
        return print;
    }

    /** Whether a map or set is one of Java's immutable ones, whose order changes between runs. */
    private static boolean unordered(Object c) {
        return c.getClass().getName().startsWith("java.util.ImmutableCollections$") && !(c instanceof List);
    }

    private void addMap(Fingerprint f, Map<?, ?> m, int depth) throws NoPrint {
        f.add("m").add(m.size());
        if (!unordered(m)) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                add(f, e.getKey(), depth + 1);
                add(f, e.getValue(), depth + 1);
            }
            return;
        }
        List<String> entries = new ArrayList<>(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Fingerprint one = new Fingerprint();
            add(one, e.getKey(), depth + 1);
            add(one, e.getValue(), depth + 1);
            entries.add(one.value());
        }
        entries.sort(null);
        for (String e : entries) f.add(e);
    }

    private void addCollection(Fingerprint f, Collection<?> c, int depth) throws NoPrint {
        f.add(c instanceof Set ? "t" : "l").add(c.size());
        if (!unordered(c)) {
            for (Object o : c) add(f, o, depth + 1);
            return;
        }
        List<String> entries = new ArrayList<>(c.size());
        for (Object o : c) {
            Fingerprint one = new Fingerprint();
            add(one, o, depth + 1);
            entries.add(one.value());
        }
        entries.sort(null);
        for (String e : entries) f.add(e);
    }
}
