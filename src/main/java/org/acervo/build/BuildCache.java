package org.acervo.build;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.acervo.content.ContentTree;
import org.acervo.light.FinishedPages;
import org.acervo.model.Content;
import org.acervo.model.Heading;
import org.acervo.util.CacheFiles;
import org.acervo.util.Fingerprint;
import org.acervo.util.KeptResults;
import org.acervo.util.TextBags;

/**
 * What {@code acervo build} keeps in {@code .acervo/build-cache/} for the next build of the same site, so that after an
 * edit it redoes only the work the edit calls for:
 * <ul>
 * <li>{@code markdown}: every page's rendered Markdown with its glossary links, by a key made of everything the
 * rendering reads (the source file's bytes, where the page is, every link target, the glossary, and the signature:
 * the code, site.yaml, the theme, the files of static/ and of page bundles);</li>
 * <li>{@code pages}: the finished pages of the last output (see {@link FinishedPages});</li>
 * <li>{@code sources}: every source's front matter (see {@link ParsedSources});</li>
 * <li>{@code bags}: the analysed titles and texts of the pages, for related pages and the search index (see
 * {@link TextBags}).</li>
 * </ul>
 * Related pages, the search index, feeds and lists are made again by every build: each depends on every page, and
 * the output must be the same bytes as a build from nothing; only the analysis of unchanged texts is skipped. A render with problems is never kept, so its problems
 * are reported by every build until they are fixed. Each file keeps only what the last build used.
 */
public final class BuildCache {
    private static final String MARKDOWN = "acervo rendered markdown 3";
    private static final String BAGS = "acervo analysed texts 2";
    private static final String FILES = "acervo source files 2";

    /**
     * A page's rendered Markdown, and the link questions it asked with their answers (see LinkTargets#recording).
     *
     * @param at where its bytes are in the last file (after its key), to be copied from there when it is taken again
     *           rather than written anew; null when it was rendered by this build
     */
    record Rendered(Content content, List<String> asked, CacheFiles.Range at) {}

    private final Path dir;
    private final CompletableFuture<Map<String, Rendered>> lastMarkdown;
    private final Map<String, Rendered> markdown = new ConcurrentHashMap<>();
    private final AtomicInteger markdownReused = new AtomicInteger();
    private final AtomicInteger markdownRendered = new AtomicInteger();
    private final FinishedPages pages;
    private final ParsedSources sources;
    private final TextBags bags;
    private volatile String signature = "";
    /** Whether the sources of the last build are being read ahead (false: none are known, or the build takes nothing). */
    private final CompletableFuture<Boolean> readAhead;

    private static final String RESULT = "acervo kept result 1";
    private final boolean fresh;

    /** A result made by this build (see {@link #results}), to be written by {@link #save}: its key and bytes. */
    private record Result(String key, byte[] bytes) {}

    private final Map<String, Result> results = new ConcurrentHashMap<>();
    /** The names of the results taken from the last build, for the editor. */
    private final java.util.Set<String> taken = ConcurrentHashMap.newKeySet();
    /** Results worked out again only in part, by name: how much, for the editor. */
    private final Map<String, String> partly = new ConcurrentHashMap<>();

    /**
     * Results of the last build taken whole when what made them is the same (one file each, {@code result-NAME}, written
     * only when this build made it anew), the signature of the cache (code, site.yaml, themes) among what made them.
     */
    KeptResults results() {
        return new KeptResults() {
            @Override
            public Optional<byte[]> get(String name, String inputs) {
                String key = signature + " " + inputs;
                Optional<byte[]> kept = read(name, key::equals);
                if (kept.isPresent()) taken.add(name);
                return kept;
            }

            @Override
            public Optional<byte[]> last(String name) {
                String made = signature + " ";
                return read(name, key -> key.startsWith(made));
            }

            @Override
            public void put(String name, String inputs, byte[] bytes) {
                resultFile(name);
                results.put(name, new Result(signature + " " + inputs, bytes));
            }

            @Override
            public void partly(String name, String how) {
                resultFile(name);
                partly.put(name, how);
            }
        };
    }

    /** The bytes of the last build's result {@code name}, if its key passes {@code fits}. */
    private Optional<byte[]> read(String name, java.util.function.Predicate<String> fits) {
        Path file = resultFile(name);
        if (fresh) return Optional.empty();
        return Optional.ofNullable(CacheFiles.read(file, RESULT, in -> {
            if (!fits.test(CacheFiles.readString(in))) return null;
            int n = in.readInt();
            if (n < 0 || n > in.available()) throw new IOException("a result past the end of the file");
            byte[] b = new byte[n];
            in.readFully(b);
            return b;
        }));
    }

    private Path resultFile(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) throw new IllegalArgumentException("not a result's name: " + name);
        return dir.resolve("result-" + name);
    }

    private void saveResults() throws IOException {
        for (Map.Entry<String, Result> e : results.entrySet()) {
            Result r = e.getValue();
            CacheFiles.write(resultFile(e.getKey()), RESULT, out -> {
                CacheFiles.writeString(out, r.key());
                out.writeInt(r.bytes().length);
                out.write(r.bytes());
            });
        }
    }

    private BuildCache(Path dir, boolean fresh) {
        this.dir = dir;
        this.fresh = fresh;
        // read while the build reads the sources: it is needed only when Markdown is rendered
        java.util.concurrent.Executor reader = ownThread("acervo-cache-read");
        if (fresh) lastSources.complete(new LastSources(0, Map.of()));
        this.readAhead = fresh ? CompletableFuture.completedFuture(false) : CompletableFuture.supplyAsync(this::readSourcesAhead, reader);
        this.sources = new ParsedSources(dir.resolve("sources"), fresh, reader);
        this.lastMarkdown = fresh ? CompletableFuture.completedFuture(Map.of())
                : CompletableFuture.supplyAsync(() -> {
                    Map<String, Rendered> m = CacheFiles.readPlaced(dir.resolve("markdown"), MARKDOWN, BuildCache::readMarkdown);
                    return m == null ? Map.of() : m;
                }, reader);
        this.pages = new FinishedPages(dir.resolve("pages"), fresh, reader);
        this.bags = TextBags.kept(() -> signature, reader, () -> fresh ? null : CacheFiles.read(dir.resolve("bags"), BAGS, TextBags::read));
    }

    /**
     * The sources the last build read, read ahead (see {@link org.acervo.util.LookAhead}) while the build loads its
     * settings and scans the content folder: a cold disk answers several reads at once.
     */
    private boolean readSourcesAhead() {
        try {
            return readSourcesAheadOf(dir.getParent().getParent());
        } finally {
            lastSources.complete(new LastSources(0, Map.of())); // when not read (a damaged list): nothing is known
        }
    }

    private boolean readSourcesAheadOf(Path siteDir) {
        LastSources files = CacheFiles.read(dir.resolve("files"), FILES, in -> {
            long readFrom = in.readLong();
            Map<String, SourceStat> stats = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String path = CacheFiles.readString(in);
                stats.put(path, new SourceStat(in.readLong(), in.readLong(), CacheFiles.readString(in), CacheFiles.readString(in)));
            }
            return new LastSources(readFrom, stats);
        });
        lastSources.complete(files == null ? new LastSources(0, Map.of()) : files);
        if (files == null) return false;
        Path content = siteDir.resolve("content").normalize();
        // only files under content/ (a damaged list must not send the threads reading elsewhere), and only those the
        // build will read: not the ones it knows by their size and time
        Map<Path, String> shown = new HashMap<>();
        for (String f : files.stats().keySet()) {
            Path p = siteDir.resolve(f).normalize();
            if (p.startsWith(content)) shown.put(p, f);
        }
        org.acervo.util.LookAhead.contents(List.copyOf(shown.keySet()), p -> {
            try {
                return knownPrint(shown.get(p), Files.readAttributes(p, BasicFileAttributes.class)).isEmpty();
            } catch (IOException e) {
                return false; // gone: the build finds out
            }
        });
        return true;
    }

    /**
     * A source as the last build found it: size, modification time (nanoseconds) and file key (the inode, where the
     * system has one) before it read it, and the fingerprint of the bytes it read.
     */
    private record SourceStat(long size, long modified, String fileKey, String print) {
        /** A source this build did not read: never known by the next. */
        static final SourceStat NONE = new SourceStat(-1, -1, "", "");

        static SourceStat of(BasicFileAttributes a, String print) {
            return new SourceStat(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                    a.fileKey() == null ? "" : a.fileKey().toString(), print);
        }
    }

    /** The last build's sources, by their path from the site folder, and when it began to read them (nanoseconds). */
    private record LastSources(long readFrom, Map<String, SourceStat> stats) {}

    /**
     * A file modified this close to when the last build began to read (or after) may have been written again in the
     * same tick of the file system's clock, with the same size: it is read again, as git does with such "racily clean"
     * files. Two seconds also covers FAT's timestamps and a file server's clock a little off from this one.
     */
    static final long RACY_NANOS = 2_000_000_000L;

    private final CompletableFuture<LastSources> lastSources = new CompletableFuture<>();
    private final Map<String, SourceStat> readNow = new ConcurrentHashMap<>();
    private long readFrom;
    private final java.util.Set<String> changedWhileRead = ConcurrentHashMap.newKeySet();

    /**
     * The fingerprint of a source's bytes as the last build read them, when the file has the same size, time and key and
     * was last written well before that build began to read (see {@link #RACY_NANOS}): it is then not read again, as git
     * trusts a file whose size and time its index holds. Empty otherwise.
     */
    Optional<String> knownPrint(org.acervo.content.SourceFile s, BasicFileAttributes a) {
        return knownPrint(s.shown().toString(), a);
    }

    private Optional<String> knownPrint(String shown, BasicFileAttributes a) {
        LastSources last = lastSources.join();
        SourceStat stat = last.stats().get(shown);
        if (stat == null) return Optional.empty();
        SourceStat now = SourceStat.of(a, stat.print());
        return now.equals(stat) && now.modified() < last.readFrom() - RACY_NANOS ? Optional.of(stat.print()) : Optional.empty();
    }

    /** A source this build did not read, since {@link #knownPrint} knew it: recorded for the next build as it was. */
    void sourceKnown(org.acervo.content.SourceFile s, BasicFileAttributes a, String print) {
        sourcesKnown.incrementAndGet();
        sourceRead(s, a, print);
    }

    private final AtomicInteger sourcesKnown = new AtomicInteger();

    /** A source as this build found it before reading it, for the next build. */
    void sourceRead(org.acervo.content.SourceFile s, BasicFileAttributes a, String print) {
        readNow.put(s.shown().toString(), SourceStat.of(a, print));
    }

    /**
     * A source's bytes, read when its body is wanted after {@link #knownPrint} vouched for it. When they are not the
     * bytes it vouched for (the file saved or removed while the build ran), its front matter and body would be of two
     * versions: {@link org.acervo.content.ParsedSource.ChangedWhileRead} is thrown (the build reports it), nothing of
     * this build is kept (see {@link #save}), and the list of sources goes, so that the next build reads them all (a
     * file changed with its time set back by hand would otherwise fail every build).
     */
    byte[] sourceBytes(org.acervo.content.SourceFile s, String print) {
        try {
            byte[] bytes = Files.readAllBytes(s.absolute());
            if (Fingerprint.of(bytes).equals(print)) return bytes;
        } catch (IOException e) {
            // gone or unreadable since it was looked up: changed too
        }
        changedWhileRead.add(s.shown().toString());
        try {
            Files.deleteIfExists(dir.resolve("files")); // the next build reads every source, whatever its size and time say
        } catch (IOException e) {
            // then it reads this one anyway if its time moved, as a save does
        }
        throw new org.acervo.content.ParsedSource.ChangedWhileRead(s);
    }

    /** The sources of this build, for {@link #readSourcesAhead} and {@link #knownPrint} in the next. */
    private void saveSourceList() throws IOException {
        List<String> files = new ArrayList<>();
        for (org.acervo.content.SourceFile s : tree.sources()) files.add(s.shown().toString()); // relative to the site folder
        CacheFiles.write(dir.resolve("files"), FILES, out -> {
            out.writeLong(readFrom);
            out.writeInt(files.size());
            for (String f : files) {
                SourceStat stat = readNow.getOrDefault(f, SourceStat.NONE);
                CacheFiles.writeString(out, f);
                out.writeLong(stat.size());
                out.writeLong(stat.modified());
                CacheFiles.writeString(out, stat.fileKey());
                CacheFiles.writeString(out, stat.print());
            }
        });
    }

    /** The cache of the site in {@code siteDir}. */
    public static Path folder(Path siteDir) {
        return siteDir.resolve(".acervo").resolve("build-cache");
    }

    /** @param fresh use nothing the cache holds, and replace it with what this build makes */
    public static BuildCache open(Path siteDir, boolean fresh) {
        return new BuildCache(folder(siteDir), fresh);
    }

    private Path siteDir;
    private ContentTree tree;
    private String settings = "";

    /**
     * What every cached result depends on besides its own inputs, part one, taken before the build reads any of it: this
     * version of Acervo, the machine's time zone (dates without one are read in it), site.yaml, every file of the themes,
     * and the size and time of every file of static/.
     */
    void begin(Path siteDir) {
        this.readFrom = java.nio.file.attribute.FileTime.from(java.time.Instant.now()).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        this.siteDir = siteDir;
        this.settings = settings(siteDir);
        signature = settings;
    }

    /** Part two, once the content folder is scanned: the size and time of every file of the page bundles (shortcodes show a file's size). */
    void addResources(ContentTree tree) {
        this.tree = tree;
        signature = signature(settings, tree);
        // a build from nothing (or the first) reads what the scan found ahead, as a rebuild reads the last build's list
        readAhead.thenAccept(ahead -> {
            if (!ahead) org.acervo.util.LookAhead.contents(tree.sources().stream().map(org.acervo.content.SourceFile::absolute).toList());
        });
    }

    private static String settings(Path siteDir) {
        // the Java runtime too: its locale data (month names in dates) and its libraries are part of what pages show
        Fingerprint f = new Fingerprint().add(codeVersion()).add(java.util.TimeZone.getDefault().getID())
                .add(System.getProperty("java.runtime.version", "")).add(java.util.Locale.getDefault().toLanguageTag());
        try {
            Path config = siteDir.resolve(org.acervo.config.SiteConfigLoader.FILE);
            if (Files.isRegularFile(config)) f.add(Files.readAllBytes(config));
            Path themes = siteDir.resolve("themes");
            for (Path p : files(themes)) f.add(themes.relativize(p).toString()).add(Files.readAllBytes(p));
            for (Path p : files(siteDir.resolve("static"))) stamp(f, siteDir.relativize(p).toString(), p);
        } catch (IOException e) {
            f.add("unreadable " + e.getMessage() + " " + System.nanoTime()); // the build reports the file; nothing stored matches
        }
        return f.value();
    }

    private static String resources(ContentTree tree) {
        Fingerprint f = new Fingerprint();
        try {
            for (String r : tree.resources()) stamp(f, r, tree.contentDir().resolve(r));
        } catch (IOException e) {
            f.add("unreadable " + e.getMessage() + " " + System.nanoTime());
        }
        return f.value();
    }

    /**
     * Whether site.yaml, the themes, static/ and the bundle files are still as {@link #begin} found them: one saved while
     * the build ran may have been read in either version, and what the build made is then not kept.
     */
    private boolean unchangedSinceBegin() {
        if (siteDir == null || tree == null || !changedWhileRead.isEmpty()) return false;
        return settings(siteDir).equals(settings) && signature(settings, tree).equals(signature);
    }

    private static String signature(String settings, ContentTree tree) {
        return new Fingerprint().add(settings).add(resources(tree)).value();
    }

    /** The signature of {@link #begin}. */
    String signature() {
        return signature;
    }

    /** A source's front matter as the last build parsed it, by its key. */
    Optional<ParsedSources.Kept> source(String key) {
        Optional<ParsedSources.Kept> k = sources.get(key);
        if (k.isPresent()) sourcesReused.incrementAndGet();
        return k;
    }

    /** A parse without problems, for the next build. */
    void keepSource(String key, ParsedSources.Kept kept) {
        sources.keep(key, kept);
    }

    private final AtomicInteger sourcesReused = new AtomicInteger();

    /** Rendered Markdown from the last build, by its key, when its link questions still have their answers ({@code stillTrue}). */
    Optional<Content> markdown(String key, java.util.function.Predicate<List<String>> stillTrue) {
        Rendered r = lastMarkdown.join().get(key);
        if (r == null || !stillTrue.test(r.asked())) return Optional.empty();
        markdown.put(key, r);
        markdownReused.incrementAndGet();
        return Optional.of(r.content());
    }

    /** Rendered Markdown (without problems) for the next build, with the link questions it asked. */
    void keepMarkdown(String key, Content c, List<String> asked) {
        markdownRendered.incrementAndGet();
        markdown.put(key, new Rendered(c, asked, null));
    }

    /** The analysed texts of the last build, for related pages and the search index. */
    TextBags bags() {
        return bags;
    }

    /** The finished pages of the last build, for the publishing pass. */
    FinishedPages pages() {
        return pages;
    }

    /** Pages whose rendered Markdown was taken from the cache, and pages rendered, so far. */
    public int[] markdownCounts() {
        return new int[] {markdownReused.get(), markdownRendered.get()};
    }

    /** What the build took from the cache, for the editor. */
    List<String> notes() {
        int[] p = pages.counts();
        int[] b = bags.counts();
        return List.of(String.format(java.util.Locale.ROOT,
                "build cache: front matter of %d sources, Markdown of %d of %d pages and %d of %d finished pages taken from the last build"
                        + " (%d of them not rendered again), and %d of %d texts not analysed again (acervo build --fresh builds everything)",
                sourcesReused.get(), markdownReused.get(), markdownReused.get() + markdownRendered.get(), p[0], p[0] + p[1], p[2],
                b[0], b[0] + b[1]) + takenWhole() + (sourcesKnown.get() == 0 ? ""
                : "; " + sourcesKnown.get() + " sources not read again, known by their size and time"));
    }

    /**
     * The results taken whole, said the way an editor reads them ("related pages and search index in es"), then those
     * worked out again only in part ("related pages in en for 3 of 4,732 pages").
     */
    private String takenWhole() {
        List<String> whole = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(taken)) whole.add(said(name));
        List<String> part = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(partly).entrySet()) part.add(said(e.getKey()) + " " + e.getValue());
        return (whole.isEmpty() ? "" : "; taken whole, as nothing they are made from changed: " + String.join(", ", whole))
                + (part.isEmpty() ? "" : "; worked out again only where the edits reach: " + String.join(", ", part));
    }

    /** A result's name as the editor reads it: "related-es" is "related pages in es". */
    private static String said(String name) {
        Map<String, String> kinds = Map.of("related", "related pages", "search", "search index");
        String kind = name.substring(0, name.indexOf('-'));
        return kinds.getOrDefault(kind, kind) + " in " + name.substring(kind.length() + 1);
    }

    /** Files written beside their place while the build goes on, by name, moved in by {@link #save} if the build succeeds. */
    private final Map<String, CompletableFuture<Path>> written = new ConcurrentHashMap<>();

    /**
     * All the build's Markdown is rendered: it is written beside its place while the build publishes its pages (tens of
     * megabytes on a large site), and moved in by {@link #save} if the build succeeds.
     */
    void markdownDone() {
        List<Map.Entry<String, Rendered>> entries = new ArrayList<>(markdown.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        Path last = dir.resolve("markdown");
        writeBeside("markdown", MARKDOWN, out -> {
            out.writeInt(entries.size());
            // an entry taken from the last file is copied from there, not encoded again (tens of megabytes of HTML); the
            // copy must have the CRC the bytes had when read, else (the file replaced meanwhile) it is written anew
            try (CacheFiles.Copier from = CacheFiles.copier(last)) {
                for (Map.Entry<String, Rendered> e : entries) {
                    Rendered r = e.getValue();
                    byte[] raw = r.at() == null ? null : from.copy(r.at());
                    if (raw == null) {
                        writeContent(out, e.getKey(), r);
                    } else {
                        CacheFiles.writeString(out, e.getKey());
                        out.write(raw);
                    }
                }
            }
        });
    }

    /** The related pages and the search index are made: the texts they analysed are written for the next build. */
    void analysisDone() {
        bags.lookupsDone();
        writeBeside("bags", BAGS, out -> {
            bags.write(out);
            bags.forget(); // written: their memory goes to the pages being published
        });
    }

    private void writeBeside(String name, String format, CacheFiles.Body body) {
        written.put(name, writing(() -> CacheFiles.writeBeside(dir.resolve(name), format, body)));
    }

    /** Writing a cache file, and what it gives. */
    private interface IoTask<T> {
        T run() throws IOException;
    }

    /** A cache file written on a thread of its own; its IOException comes back through {@link #joined}. */
    private static <T> CompletableFuture<T> writing(IoTask<T> task) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, ownThread("acervo-cache-write"));
    }

    /** Waits for a file being written; its IOException, if any, is thrown as it was. */
    private static <T> T joined(CompletableFuture<T> writing) throws IOException {
        try {
            return writing.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) throw u.getCause();
            throw e;
        }
    }

    /** Runs each task on a daemon thread of its own, named {@code name}. */
    private static java.util.concurrent.Executor ownThread(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /**
     * Writes what this build made, once its output is in place; false when nothing was written, because the site's
     * settings changed while it ran (the last build's cache stays: what it holds is checked against the output anyway).
     */
    boolean save() throws IOException {
        if (!unchangedSinceBegin()) {
            abandon();
            return false;
        }
        // three files at once: each is a few megabytes to write, and the pages' file first looks up every page's files
        List<CompletableFuture<Boolean>> files = List.of(writing(() -> {
            pages.save();
            return true;
        }), writing(() -> {
            sources.save();
            return true;
        }), writing(() -> {
            saveSourceList();
            saveResults();
            return true;
        }));
        for (CompletableFuture<Boolean> f : files) joined(f);
        if (!written.containsKey("markdown")) markdownDone();
        if (!written.containsKey("bags")) analysisDone();
        try {
            for (String name : List.of("markdown", "bags")) CacheFiles.moveIn(joined(written.remove(name)), dir.resolve(name));
        } catch (IOException | RuntimeException e) {
            abandon();
            throw e;
        }
        return true;
    }

    /** The build failed or stopped: what was written for the next build goes (the last build's cache stays). */
    void abandon() {
        for (String name : List.copyOf(written.keySet())) {
            CompletableFuture<Path> w = written.remove(name);
            if (w == null) continue;
            try {
                Files.deleteIfExists(w.join());
            } catch (IOException | RuntimeException e) {
                // a leftover ".new-PID" file beside the cache: replaced by the next write of the same process id, never read
            }
        }
    }

    /** Closes what the cache has open in the last output, before the output is replaced. */
    void closeLast() {
        pages.closeLast();
    }

    private static void stamp(Fingerprint f, String name, Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        f.add(name).add(a.size()).add(a.lastModifiedTime().toMillis());
    }

    /**
     * Every file under {@code dir}, through links too: a theme or a folder of static/ that is a link to a folder elsewhere
     * is read by the build, so it is part of what the cache depends on (a link in a loop: unreadable, nothing matches).
     */
    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static volatile String codeVersion;

    /** This build of Acervo: the jar's size and time (or the class files', running from a build folder). */
    static String codeVersion() {
        String v = codeVersion;
        if (v != null) return v;
        Fingerprint f = new Fingerprint();
        try {
            Path code = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                for (Path p : files(code)) stamp(f, code.relativize(p).toString(), p);
            } else {
                stamp(f, code.getFileName().toString(), code);
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            f.add("unknown " + System.nanoTime()); // nothing of another run can match
        }
        v = f.value();
        codeVersion = v;
        return v;
    }

    private static void writeContent(DataOutputStream out, String key, Rendered r) throws IOException {
        Content c = r.content();
        CacheFiles.writeString(out, key);
        out.writeInt(r.asked().size());
        for (String q : r.asked()) CacheFiles.writeString(out, q);
        CacheFiles.writeString(out, c.html());
        CacheFiles.writeString(out, c.text());
        out.writeInt(c.headings().size());
        for (Heading h : c.headings()) {
            out.writeInt(h.level());
            CacheFiles.writeString(out, h.id());
            CacheFiles.writeString(out, h.text());
        }
        CacheFiles.writeString(out, c.summary());
        out.writeInt(c.words());
        CacheFiles.writeString(out, c.textKey());
        CacheFiles.writeString(out, c.htmlKey());
    }

    private static Map<String, Rendered> readMarkdown(CacheFiles.Bytes file, DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Rendered> out = new HashMap<>(Math.max(16, Math.min(n, 1 << 20) * 2));
        for (int i = 0; i < n; i++) {
            String key = CacheFiles.readString(in);
            int from = file.position(in);
            List<String> asked = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) asked.add(CacheFiles.readString(in));
            String html = CacheFiles.readString(in);
            String text = CacheFiles.readString(in);
            List<Heading> headings = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) headings.add(new Heading(in.readInt(), CacheFiles.readString(in), CacheFiles.readString(in)));
            String summary = CacheFiles.readString(in);
            int words = in.readInt();
            Content content = new Content(html, text, headings, summary, words, CacheFiles.readString(in), CacheFiles.readString(in));
            out.put(key, new Rendered(content, List.copyOf(asked), file.raw(from, file.position(in))));
        }
        return out;
    }
}
