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
 * in its own order, which a template iterating it sees. What many pages share is printed once per build: prints are
 * remembered by identity for collections of {@value #SHARED} entries or more (a taxonomy's terms, the glossary's
 * letters) and for records of the classes named (a list's items, shared by the lists a page is in); long texts whose
 * fingerprint is known already (a page's HTML) are printed as it. Thread-safe.
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
                    // typed (Object)Object once, so that each call is an exact one, without adapting its type
                    out[i] = lookup.unreflect(cs[i].getAccessor()).asType(java.lang.invoke.MethodType.methodType(Object.class, Object.class));
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
    private final Set<Class<?>> sharedRecords;
    private final Map<String, String> knownTexts;

    /** @param sharedRecords classes of records that are shared by many values, whose prints are remembered by identity */
    public ValuePrint(Set<Class<?>> sharedRecords) {
        this(sharedRecords, Map.of());
    }

    /**
     * @param knownTexts long texts whose fingerprint is known already, by identity (each page's HTML, fingerprinted once
     *                   with it): such a text is printed as that fingerprint instead of being read again. Read only, and
     *                   not changed while prints are made.
     */
    public ValuePrint(Set<Class<?>> sharedRecords, IdentityHashMap<String, String> knownTexts) {
        this(sharedRecords, (Map<String, String>) knownTexts);
    }

    private ValuePrint(Set<Class<?>> sharedRecords, Map<String, String> knownTexts) {
        this.sharedRecords = Set.copyOf(sharedRecords);
        this.knownTexts = knownTexts;
    }

    public ValuePrint() {
        this(Set.of());
    }

    /**
     * A class by the hash of its name (String's hash is the same in every run of Java), and a record's by its number of
     * parts too: short, where the name would be most of a print.
     */
    private static final ClassValue<String> TAGS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String name = Integer.toHexString(type.getName().hashCode());
            return type.isRecord() ? name + "." + type.getRecordComponents().length : name;
        }
    };

    /** The print of {@code value}, 24 hexadecimal digits; empty when it holds a value of another kind. */
    public Optional<String> of(Object value) {
        try {
            Out b = new Out();
            add(b, value, 0);
            return Optional.of(b.value());
        } catch (NoPrint e) {
            return Optional.empty();
        }
    }

    /** Texts this long or longer go to the fingerprint as they are, not through the buffer of small parts. */
    private static final int LONG = 256;

    /**
     * What a print is made of: a value written as text that tells it apart from every other (a tag for its kind, and
     * every text with its length before it, so "ab" + "c" and "a" + "bc" differ). Small parts are gathered and
     * fingerprinted together (adding each to a fingerprint costs far more); long texts (a page's HTML) are added as they
     * are, without a copy.
     */
    private static final class Out {
        private final StringBuilder small = new StringBuilder(1024);
        private final Fingerprint print = new Fingerprint();

        Out append(char c) {
            small.append(c);
            return this;
        }

        Out append(long n) {
            small.append(n);
            return this;
        }

        Out text(String s) {
            if (s.length() < LONG) {
                small.append(s.length()).append(':').append(s);
                return this;
            }
            flush();
            print.add(s);
            return this;
        }

        private void flush() {
            if (small.length() == 0) return;
            print.add(small);
            small.setLength(0);
        }

        String value() {
            flush();
            return print.value();
        }
    }

    private void add(Out b, Object v, int depth) throws NoPrint {
        if (depth > DEPTH) throw NO_PRINT;
        if (v == null) {
            b.append('n');
        } else if (v instanceof String s) {
            String known = s.length() < LONG ? null : knownTexts.get(s);
            if (known == null) b.append('s').text(s);
            else b.append('k').text(known); // the same text in another instance prints as itself: another print, at worst a page rendered again
        } else if (v instanceof Boolean t) {
            b.append(t ? 'T' : 'F');
        } else if (v instanceof Integer n) {
            b.append('i').append(n).append(';');
        } else if (v instanceof Long n) {
            b.append('j').append(n).append(';');
        } else if (v instanceof Number || v instanceof Boolean || v instanceof Character || v instanceof TemporalAccessor
                || v instanceof Path || v instanceof java.util.Locale) {
            b.append('v').text(TAGS.get(v.getClass())).text(v.toString());
        } else if (v instanceof Enum<?> e) {
            b.append('e').text(e.getDeclaringClass().getName()).text(e.name());
        } else if (v instanceof Optional<?> o) {
            b.append(o.isPresent() ? 'o' : 'O');
            if (o.isPresent()) add(b, o.get(), depth + 1);
        } else if (v instanceof byte[] bytes) {
            b.append('b').text(Fingerprint.of(bytes));
        } else if (v instanceof Record) {
            if (sharedRecords.contains(v.getClass())) {
                b.append('h').text(shared(v, depth));
                return;
            }
            addRecord(b, v, depth);
        } else if (v instanceof Map<?, ?> m) {
            if (m.size() >= SHARED) b.append('h').text(shared(m, depth));
            else addMap(b, m, depth);
        } else if (v instanceof Collection<?> c) {
            if (c.size() >= SHARED) b.append('h').text(shared(c, depth));
            else addCollection(b, c, depth);
        } else {
            throw NO_PRINT;
        }
    }

    /**
     * A record that says what tells it apart from any other of its class, in less than its parts: printed as that (a
     * page's body as the fingerprints of its HTML and text, made once with them, instead of the texts themselves).
     */
    public interface PrintedAs {
        Object printedAs();
    }

    private void addRecord(Out b, Object v, int depth) throws NoPrint {
        if (v instanceof PrintedAs p) {
            b.append('p').text(TAGS.get(v.getClass()));
            add(b, p.printedAs(), depth + 1);
            return;
        }
        MethodHandle[] cs = COMPONENTS.get(v.getClass());
        if (cs == null) throw NO_PRINT;
        b.append('r').text(TAGS.get(v.getClass()));
        for (MethodHandle c : cs) {
            Object part;
            try {
                part = (Object) c.invokeExact(v);
            } catch (Throwable t) {
                throw NO_PRINT; // an accessor that fails: rendering would meet it too
            }
            add(b, part, depth + 1);
        }
    }

    private String shared(Object big, int depth) throws NoPrint {
        String known = shared.get(big);
        if (known != null) return known;
        Out b = new Out();
        if (big instanceof Map<?, ?> m) addMap(b, m, depth);
        else if (big instanceof Collection<?> c) addCollection(b, c, depth);
        else addRecord(b, big, depth);
        String print = b.value();
        shared.put(big, print);
        return print;
    }

    /** Whether a map or set is one of Java's immutable ones, whose order changes between runs. */
    private static boolean unordered(Object c) {
        return !(c instanceof List) && c.getClass().getName().startsWith("java.util.ImmutableCollections$");
    }

    private void addMap(Out b, Map<?, ?> m, int depth) throws NoPrint {
        b.append('m').append(m.size()).append(':');
        if (!unordered(m)) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                add(b, e.getKey(), depth + 1);
                add(b, e.getValue(), depth + 1);
            }
            return;
        }
        List<String> entries = new ArrayList<>(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Out one = new Out();
            add(one, e.getKey(), depth + 1);
            add(one, e.getValue(), depth + 1);
            entries.add(one.value());
        }
        entries.sort(null);
        for (String e : entries) b.text(e);
    }

    private void addCollection(Out b, Collection<?> c, int depth) throws NoPrint {
        b.append(c instanceof Set ? 't' : 'l').append(c.size()).append(':');
        if (!unordered(c)) {
            for (Object o : c) add(b, o, depth + 1);
            return;
        }
        List<String> entries = new ArrayList<>(c.size());
        for (Object o : c) {
            Out one = new Out();
            add(one, o, depth + 1);
            entries.add(one.value());
        }
        entries.sort(null);
        for (String e : entries) b.text(e);
    }
}
