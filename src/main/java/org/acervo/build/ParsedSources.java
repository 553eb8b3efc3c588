package org.acervo.build;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.acervo.content.FrontMatter;
import org.acervo.problem.SourceLocation;
import org.acervo.util.CacheFiles;

/**
 * The part of the build cache that keeps each source's typed front matter, so that a source whose bytes did not change
 * is not parsed again (YAML, typing, checks): {@code sources} in the cache folder, by a key made of the signature of
 * the cache (site.yaml among it), the file's path and a fingerprint of its bytes. The body is not kept: it is the end
 * of the file's text from a known place, cut again from the bytes read. A parse with problems or warnings is never
 * kept, so they are reported by every build until fixed. Front matter values are the YAML reader's plain values
 * (strings, longs, doubles, booleans, null, lists and maps); a value of any other kind is not kept.
 */
final class ParsedSources {
    private static final String FORMAT = "acervo parsed sources 1";

    /** What is kept of a parse: the front matter, where the body starts in the file's text, and on which line. */
    record Kept(FrontMatter meta, int bodyStart, int bodyLine) {}

    /** An entry of the last file: what it holds, and where its bytes are, to copy them rather than encode it again. */
    private record Placed(Kept kept, CacheFiles.Range at) {}

    private final Path file;
    private final CompletableFuture<Map<String, Placed>> last;
    private final Map<String, Kept> now = new ConcurrentHashMap<>();

    ParsedSources(Path file, boolean fresh, java.util.concurrent.Executor reader) {
        this.file = file;
        this.last = fresh ? CompletableFuture.completedFuture(Map.of()) : CompletableFuture.supplyAsync(() -> {
            Map<String, Placed> m = CacheFiles.readPlaced(file, FORMAT, ParsedSources::read);
            return m == null ? Map.of() : m;
        }, reader);
    }

    Optional<Kept> get(String key) {
        Placed p = last.join().get(key);
        if (p != null) now.put(key, p.kept());
        return Optional.ofNullable(p).map(Placed::kept);
    }

    void keep(String key, Kept k) {
        if (storable(k.meta().params())) now.put(key, k);
    }

    void save() throws IOException {
        List<Map.Entry<String, Kept>> entries = new ArrayList<>(now.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        Map<String, Placed> before = last.join();
        CacheFiles.write(file, FORMAT, out -> {
            out.writeInt(entries.size());
            // an entry taken from the last file is copied from there, once its bytes are checked to have the CRC they had
            // when read (the file replaced meanwhile: written anew), not encoded again
            try (CacheFiles.Copier from = CacheFiles.copier(file)) {
                for (Map.Entry<String, Kept> e : entries) {
                    Placed p = before.get(e.getKey());
                    byte[] raw = p != null && p.kept() == e.getValue() ? from.copy(p.at()) : null;
                    CacheFiles.writeString(out, e.getKey());
                    if (raw == null) write(out, e.getValue());
                    else out.write(raw);
                }
            }
        });
    }

    private static boolean storable(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return true;
        if (v instanceof List<?> l) return l.stream().allMatch(ParsedSources::storable);
        if (v instanceof Map<?, ?> m) return m.keySet().stream().allMatch(k -> k instanceof String) && m.values().stream().allMatch(ParsedSources::storable);
        return false;
    }

    private static void write(DataOutputStream out, Kept k) throws IOException {
        FrontMatter m = k.meta();
        out.writeInt(k.bodyStart());
        out.writeInt(k.bodyLine());
        CacheFiles.writeString(out, m.title());
        CacheFiles.writeString(out, m.description());
        optional(out, m.date().map(ZonedDateTime::toString));
        optional(out, m.lastmod().map(ZonedDateTime::toString));
        out.writeBoolean(m.draft());
        optional(out, m.slug());
        optional(out, m.url());
        strings(out, m.aliases());
        out.writeInt(m.weight());
        optional(out, m.translationKey());
        optional(out, m.type());
        optional(out, m.layout());
        out.writeInt(m.taxonomies().size());
        for (Map.Entry<String, List<String>> t : m.taxonomies().entrySet()) {
            CacheFiles.writeString(out, t.getKey());
            strings(out, t.getValue());
        }
        value(out, m.params());
        out.writeInt(m.locations().size());
        for (Map.Entry<String, SourceLocation> l : new java.util.TreeMap<>(m.locations()).entrySet()) {
            CacheFiles.writeString(out, l.getKey());
            CacheFiles.writeString(out, l.getValue().file().toString());
            out.writeInt(l.getValue().line());
            out.writeInt(l.getValue().column());
        }
    }

    private static Map<String, Placed> read(CacheFiles.Bytes file, DataInputStream in) throws IOException {
        Map<String, Placed> out = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String key = CacheFiles.readString(in);
            int from = file.position(in);
            int bodyStart = in.readInt();
            int bodyLine = in.readInt();
            String title = CacheFiles.readString(in);
            String description = CacheFiles.readString(in);
            Optional<ZonedDateTime> date = optional(in).map(ZonedDateTime::parse);
            Optional<ZonedDateTime> lastmod = optional(in).map(ZonedDateTime::parse);
            boolean draft = in.readBoolean();
            Optional<String> slug = optional(in);
            Optional<String> url = optional(in);
            List<String> aliases = strings(in);
            int weight = in.readInt();
            Optional<String> translationKey = optional(in);
            Optional<String> type = optional(in);
            Optional<String> layout = optional(in);
            Map<String, List<String>> taxonomies = new LinkedHashMap<>();
            for (int j = in.readInt(); j > 0; j--) taxonomies.put(CacheFiles.readString(in), strings(in));
            Object params = value(in);
            if (!(params instanceof Map<?, ?>)) throw new IOException("front matter parameters that are not a map");
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) params;
            Map<String, SourceLocation> locations = new HashMap<>();
            for (int j = in.readInt(); j > 0; j--) {
                String k = CacheFiles.readString(in);
                locations.put(k, new SourceLocation(Path.of(CacheFiles.readString(in)), in.readInt(), in.readInt()));
            }
            Kept kept = new Kept(new FrontMatter(title, description, date, lastmod, draft, slug, url, aliases, weight, translationKey,
                    type, layout, taxonomies, p, locations), bodyStart, bodyLine);
            out.put(key, new Placed(kept, file.raw(from, file.position(in))));
        }
        return out;
    }

    private static void optional(DataOutputStream out, Optional<String> s) throws IOException {
        out.writeBoolean(s.isPresent());
        if (s.isPresent()) CacheFiles.writeString(out, s.get());
    }

    private static Optional<String> optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(CacheFiles.readString(in)) : Optional.empty();
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) CacheFiles.writeString(out, s);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) out.add(CacheFiles.readString(in));
        return List.copyOf(out);
    }

    private static void value(DataOutputStream out, Object v) throws IOException {
        if (v == null) {
            out.writeByte('n');
        } else if (v instanceof String s) {
            out.writeByte('s');
            CacheFiles.writeString(out, s);
        } else if (v instanceof Long l) {
            out.writeByte('l');
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte('d');
            out.writeDouble(d);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? 't' : 'f');
        } else if (v instanceof List<?> list) {
            out.writeByte('[');
            out.writeInt(list.size());
            for (Object o : list) value(out, o);
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte('{');
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                CacheFiles.writeString(out, (String) e.getKey());
                value(out, e.getValue());
            }
        } else {
            throw new IOException("a front matter value of another kind: " + v.getClass()); // storable() keeps these out
        }
    }

    private static Object value(DataInputStream in) throws IOException {
        int kind = in.readByte();
        switch (kind) {
            case 'n': return null;
            case 's': return CacheFiles.readString(in);
            case 'l': return in.readLong();
            case 'd': return in.readDouble();
            case 't': return Boolean.TRUE;
            case 'f': return Boolean.FALSE;
            case '[': {
                int n = in.readInt();
                if (n < 0 || n > in.available()) throw new IOException("a list past the end of the file");
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) list.add(value(in));
                return list;
            }
            case '{': {
                int n = in.readInt();
                if (n < 0 || n > in.available()) throw new IOException("a map past the end of the file");
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) map.put(CacheFiles.readString(in), value(in));
                return map;
            }
            default: throw new IOException("an unknown value kind " + kind);
        }
    }
}
