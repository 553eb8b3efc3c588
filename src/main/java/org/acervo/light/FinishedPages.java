package org.acervo.light;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.acervo.util.CacheFiles;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The part of the build cache that lets a build take a finished page from the last build's output instead of finishing
 * it again (parsing, making links relative, minifying, compressing, and the copy in the offline bundle).
 *
 * <p>A page is taken when its template gave the same HTML at the same address (the key is a {@link
 * org.acervo.util.Fingerprint} of both), everything else that finishing depends on is the same (the signature: the
 * code, site.yaml, the theme, the files of static/ and of page bundles, and the list of files the bundles hold), and
 * its file and {@code .gz} in the output are as the last build left them (same size and modification time, so a file
 * changed or removed by hand is made again). It is then hard-linked into the new output (copied where the disk has no
 * links), and its bundle copy read from the last bundle. Pages that show images are always finished: finishing them
 * makes their images' smaller copies.
 *
 * <p>Thread-safe; one per build.
 */
public final class FinishedPages {
    private static final String FORMAT = "acervo finished pages 4";

    /**
     * A page as the last build left it in the output.
     *
     * @param key    the fingerprint of its HTML as rendered (before finishing)
     * @param inputs the print of what its template was given, "" when it has none (see {@link #reuseRendered})
     */
    private record Stored(String key, String inputs, long size, long modified, long gzipSize, long gzipModified, PageWeigher.Loads loads,
                          List<String> bundles, List<String> asked) {}

    /** A bundle of the last build, by size and modification time. */
    private record Bundle(long size, long modified) {}

    private record Last(String signature, String output, Map<String, Bundle> bundles, Map<String, Stored> pages) {
        static final Last NONE = new Last("", "", Map.of(), Map.of());
    }

    /** A page taken from the last build: its files there, its sizes, what it loads, and its bundle copies by language. */
    record Reuse(String key, Path html, Path gzip, long size, long gzipSize, PageWeigher.Loads loads, Map<String, OfflineBundle.Entry> bundled,
                 List<String> asked) {}

    private record Kept(String key, String inputs, PageWeigher.Loads loads, List<String> bundles, List<String> asked) {}

    private final Path file;
    private final java.util.concurrent.CompletableFuture<Last> reading;
    private Last last = Last.NONE;
    private Path output;
    private String signature = "";
    private final Map<String, Kept> now = new ConcurrentHashMap<>();
    /** A bundle of the last build, open: its entries (Commons Compress) and a channel that reads their bytes where they are. */
    private record Open(ZipFile zip, java.nio.channels.FileChannel bytes) {}

    private final Map<String, Optional<Open>> lastBundles = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicInteger unrendered = new AtomicInteger();

    /**
     * @param fresh  take nothing from the last build (it is still recorded for the next)
     * @param reader where the last build's file is read (and its output's files looked up), while the build goes on
     *               until {@link #begin}
     */
    public FinishedPages(Path file, boolean fresh, java.util.concurrent.Executor reader) {
        this.file = file;
        this.reading = fresh ? java.util.concurrent.CompletableFuture.completedFuture(Last.NONE)
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    Last read = CacheFiles.read(file, FORMAT, FinishedPages::read);
                    if (read == null) return Last.NONE;
                    lookUpAhead(read);
                    return read;
                }, reader);
    }

    /** The files of the last output that {@link #reuse} will check, looked up while the build reads and renders. */
    private static void lookUpAhead(Last last) {
        Path output = Path.of(last.output());
        List<Path> files = new ArrayList<>(last.pages().size() * 2);
        for (String page : last.pages().keySet()) {
            files.add(output.resolve(page));
            files.add(output.resolve(page + ".gz"));
        }
        org.acervo.util.LookAhead.attributes(files);
    }

    /**
     * The build's output folder and what finishing depends on besides each page's HTML. Nothing is taken from a last
     * build written elsewhere or with another signature.
     */
    public void begin(Path output, String signature) {
        this.output = org.acervo.build.OutputWriter.real(output);
        this.signature = signature;
        last = reading.join();
        if (!last.output().equals(this.output.toString()) || !last.signature().equals(signature)) last = Last.NONE;
    }

    /**
     * The page as the last build finished it, when its key is the same, each question its bundle copies asked ("is this
     * file in the bundle?") has the same answer, and its files are still there as they were.
     *
     * @param bundleEntries the page's entry in each bundle it goes into, by language
     * @param present       the files of each language's bundle in this build
     */
    Optional<Reuse> reuse(String page, String key, Map<String, String> bundleEntries, Map<String, java.util.Set<String>> present) {
        Optional<Reuse> r = taken(page, key, bundleEntries, present);
        r.ifPresent(x -> reused.incrementAndGet());
        return r;
    }

    /**
     * The page as the last build finished it, without rendering it: when its template is given what it was given then
     * ({@code inputs}, a {@link org.acervo.util.ValuePrint} of it and of the signature, code and theme included), it would
     * render the same HTML; the rest is {@link #reuse} with that HTML's key.
     */
    Optional<Reuse> reuseRendered(String page, String inputs, Map<String, String> bundleEntries, Map<String, java.util.Set<String>> present) {
        Stored s = last.pages().get(page);
        if (s == null || s.inputs().isEmpty() || !s.inputs().equals(inputs)) return Optional.empty();
        Optional<Reuse> r = taken(page, s.key(), bundleEntries, present);
        r.ifPresent(x -> {
            reused.incrementAndGet();
            unrendered.incrementAndGet();
        });
        return r;
    }

    /** No file asks questions of the bundle, nor loads anything: recorded as a page that asks nothing and loads nothing. */
    private static final PageWeigher.Loads NOTHING = new PageWeigher.Loads("file", List.of());

    /**
     * A file other than a page, as the last build left it (and its .gz, and its copy in each bundle), when its key is
     * the same and its files are still as they were.
     */
    Optional<Reuse> reuseFile(String path, String key, Map<String, String> bundleEntries) {
        return taken(path, key, bundleEntries, Map.of());
    }

    /** A file other than a page made by this build, to be recorded with its files' times, as pages are. */
    void keepFile(String path, String key, List<String> bundles) {
        now.put(path, new Kept(key, "", NOTHING, List.copyOf(bundles), List.of()));
    }

    /**
     * Whether each question of the last build has the same answer now, worked out once per question and build: pages
     * ask mostly the same ones (the links of menus and lists), and the questions of one file are the same strings.
     */
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    /** A question as recorded: language, path and answer ("1" when the file is in the bundle), between NUL characters. */
    private static boolean sameAnswer(String q, Map<String, java.util.Set<String>> present) {
        int a = q.indexOf('\0');
        int b = q.lastIndexOf('\0');
        java.util.Set<String> in = a > 0 && b > a ? present.get(q.substring(0, a)) : null;
        return in != null && in.contains(q.substring(a + 1, b)) == q.endsWith("1");
    }

    private Optional<Reuse> taken(String page, String key, Map<String, String> bundleEntries, Map<String, java.util.Set<String>> present) {
        Stored s = last.pages().get(page);
        if (s == null || !s.key().equals(key) || !s.bundles().equals(List.copyOf(bundleEntries.keySet()))) return Optional.empty();
        for (String q : s.asked()) {
            Boolean same = answers.get(q); // looked up first: computeIfAbsent locks its bin even when the answer is there
            if (same == null) same = answers.computeIfAbsent(q, k -> sameAnswer(k, present));
            if (!same) return Optional.empty();
        }
        Path html = output.resolve(page);
        Path gzip = output.resolve(page + ".gz");
        if (!unchanged(html, s.size(), s.modified()) || !unchanged(gzip, s.gzipSize(), s.gzipModified())) return Optional.empty();
        Map<String, OfflineBundle.Entry> bundled = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : bundleEntries.entrySet()) {
            Optional<OfflineBundle.Entry> entry = lastBundle(e.getKey()).flatMap(zip -> entry(zip, e.getValue(), page));
            if (entry.isEmpty()) return Optional.empty();
            bundled.put(e.getKey(), entry.get());
        }
        return Optional.of(new Reuse(s.key(), html, gzip, s.size(), s.gzipSize(), s.loads(), bundled, s.asked()));
    }

    /**
     * A page finished by this build, to be recorded (with its files' times) once the output is in place.
     *
     * @param inputs the print of what its template was given (null: none)
     */
    void keep(String page, String key, String inputs, PageWeigher.Loads loads, List<String> bundles, List<String> asked) {
        now.put(page, new Kept(key, inputs == null ? "" : inputs, loads, List.copyOf(bundles), List.copyOf(asked)));
    }

    /** Counts a page finished by this build rather than taken from the last. */
    void made() {
        made.incrementAndGet();
    }

    /** Pages taken from the last build, pages finished, and pages taken without being rendered, so far. */
    public int[] counts() {
        return new int[] {reused.get(), made.get(), unrendered.get()};
    }

    /** Closes the last build's bundles (before the output they are in is replaced). */
    public void closeLast() {
        lastBundles.values().forEach(z -> z.ifPresent(open -> {
            try (ZipFile zip = open.zip(); java.nio.channels.FileChannel bytes = open.bytes()) {
                // closed: read only, nothing is lost
            } catch (IOException e) {
                // read only: nothing is lost
            }
        }));
        lastBundles.clear();
    }

    /** Records the pages of the build now in {@code output}, for the next build. */
    public void save() throws IOException {
        closeLast();
        Map<String, Stored> pages = new java.util.concurrent.ConcurrentSkipListMap<>(); // the files looked up on all cores
        now.entrySet().parallelStream().forEach(e -> {
            String page = e.getKey();
            Kept k = e.getValue();
            Optional<BasicFileAttributes> html = attributes(output.resolve(page));
            Optional<BasicFileAttributes> gzip = attributes(output.resolve(page + ".gz"));
            if (html.isEmpty() || gzip.isEmpty()) return;
            pages.put(page, new Stored(k.key(), k.inputs(), html.get().size(), nanos(html.get()), gzip.get().size(), nanos(gzip.get()), k.loads(), k.bundles(),
                    k.asked()));
        });
        Map<String, Bundle> bundles = new java.util.TreeMap<>();
        now.values().stream().flatMap(k -> k.bundles().stream()).distinct().forEach(lang ->
                attributes(output.resolve(LightPass.bundlePath(lang))).ifPresent(a -> bundles.put(lang, new Bundle(a.size(), nanos(a)))));
        Last next = new Last(signature, output.toString(), bundles, pages);
        CacheFiles.write(file, FORMAT, out -> write(out, next));
    }

    private Optional<Open> lastBundle(String lang) {
        Optional<Open> open = lastBundles.get(lang); // as for the answers: no lock once the bundle is open
        return open != null ? open : lastBundles.computeIfAbsent(lang, l -> {
            Bundle b = last.bundles().get(l);
            Path zip = output.resolve(LightPass.bundlePath(l));
            if (b == null || !unchanged(zip, b.size(), b.modified())) return Optional.empty();
            ZipFile entries = null;
            try {
                entries = ZipFile.builder().setPath(zip).get();
                return Optional.of(new Open(entries, java.nio.channels.FileChannel.open(zip, java.nio.file.StandardOpenOption.READ)));
            } catch (IOException e) {
                if (entries != null) {
                    try {
                        entries.close();
                    } catch (IOException ignored) {
                        // read only
                    }
                }
                return Optional.empty();
            }
        });
    }

    /**
     * The entry {@code name} of the last bundle as it is in the zip (deflated), for {@code page}: read in one go where
     * Commons Compress found its data (thousands of entries; a stream per entry cost several times more), else through
     * its raw stream.
     */
    private static Optional<OfflineBundle.Entry> entry(Open open, String name, String page) {
        ZipArchiveEntry e = open.zip().getEntry(name);
        if (e == null || e.getCompressedSize() < 0 || e.getCrc() < 0 || e.getSize() < 0) return Optional.empty();
        long at = e.getDataOffset();
        if (at >= 0 && e.getCompressedSize() <= Integer.MAX_VALUE) {
            byte[] data = CacheFiles.readAt(open.bytes(), at, (int) e.getCompressedSize());
            return data == null ? Optional.empty() : Optional.of(new OfflineBundle.Entry(page, e.getMethod(), e.getCrc(), e.getSize(), data));
        }
        try (java.io.InputStream in = open.zip().getRawInputStream(e)) {
            if (in == null) return Optional.empty();
            return Optional.of(new OfflineBundle.Entry(page, e.getMethod(), e.getCrc(), e.getSize(), in.readAllBytes()));
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    private static boolean unchanged(Path p, long size, long modified) {
        return attributes(p).map(a -> a.size() == size && nanos(a) == modified).orElse(false);
    }

    private static Optional<BasicFileAttributes> attributes(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(BasicFileAttributes::isRegularFile);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long nanos(BasicFileAttributes a) {
        return a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    private static void write(DataOutputStream out, Last l) throws IOException {
        CacheFiles.writeString(out, l.signature());
        CacheFiles.writeString(out, l.output());
        out.writeInt(l.bundles().size());
        for (Map.Entry<String, Bundle> b : l.bundles().entrySet()) {
            CacheFiles.writeString(out, b.getKey());
            out.writeLong(b.getValue().size());
            out.writeLong(b.getValue().modified());
        }
        // the questions pages ask are mostly the same ones (menus, lists): written once, then by number
        Map<String, Integer> table = new java.util.LinkedHashMap<>();
        for (Stored st : l.pages().values()) for (String q : st.asked()) table.putIfAbsent(q, table.size());
        out.writeInt(table.size());
        for (String q : table.keySet()) CacheFiles.writeString(out, q);
        out.writeInt(l.pages().size());
        for (Map.Entry<String, Stored> e : l.pages().entrySet()) {
            Stored s = e.getValue();
            CacheFiles.writeString(out, e.getKey());
            CacheFiles.writeString(out, s.key());
            CacheFiles.writeString(out, s.inputs());
            out.writeLong(s.size());
            out.writeLong(s.modified());
            out.writeLong(s.gzipSize());
            out.writeLong(s.gzipModified());
            CacheFiles.writeString(out, s.loads().kind());
            out.writeInt(s.loads().loads().size());
            for (PageWeigher.Load load : s.loads().loads()) {
                CacheFiles.writeString(out, load.url());
                CacheFiles.writeString(out, load.type().name());
            }
            out.writeInt(s.bundles().size());
            for (String b : s.bundles()) CacheFiles.writeString(out, b);
            out.writeInt(s.asked().size());
            for (String q : s.asked()) out.writeInt(table.get(q));
        }
    }

    private static Last read(DataInputStream in) throws IOException {
        String signature = CacheFiles.readString(in);
        String output = CacheFiles.readString(in);
        Map<String, Bundle> bundles = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) bundles.put(CacheFiles.readString(in), new Bundle(in.readLong(), in.readLong()));
        List<String> table = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) table.add(CacheFiles.readString(in));
        Map<String, Stored> pages = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String page = CacheFiles.readString(in);
            String key = CacheFiles.readString(in);
            String inputs = CacheFiles.readString(in);
            long size = in.readLong();
            long modified = in.readLong();
            long gzipSize = in.readLong();
            long gzipModified = in.readLong();
            String kind = CacheFiles.readString(in);
            List<PageWeigher.Load> loads = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                loads.add(new PageWeigher.Load(CacheFiles.readString(in), PageWeight.Type.valueOf(CacheFiles.readString(in))));
            }
            List<String> langs = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) langs.add(CacheFiles.readString(in));
            List<String> asked = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                int q = in.readInt();
                if (q < 0 || q >= table.size()) throw new IOException("a question past the table");
                asked.add(table.get(q));
            }
            pages.put(page, new Stored(key, inputs, size, modified, gzipSize, gzipModified, new PageWeigher.Loads(kind, List.copyOf(loads)),
                    List.copyOf(langs), List.copyOf(asked)));
        }
        return new Last(signature, output, bundles, pages);
    }
}
