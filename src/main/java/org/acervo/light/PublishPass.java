package org.acervo.light;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.acervo.build.OutputFile;
import org.acervo.build.OutputSink;
import org.acervo.config.Budgets;
import org.acervo.config.SiteConfig;
import org.acervo.html.HtmlFinisher;
import org.acervo.light.LightPass.Lightened;
import org.acervo.model.Site;
import org.acervo.render.Theme;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Publishing, page by page: each HTML page is parsed once, and on that one document its links
 * are made relative and safe, its images light, the offline reading script added; it is minified
 * and written with its {@code .gz} at once, what it loads is noted for the budgets, and its
 * offline-bundle copy (explicit {@code index.html} links) goes to its language's bundle. Then
 * the other files (minified style sheets and scripts, search index, feeds, images and their
 * smaller copies) are written and bundled, the home pages get their bundle's size, and every
 * page is weighed against the budgets. No step holds every page at once: a page is gone from
 * memory once written, except for its compressed copy in the bundle.
 */
public final class PublishPass {
    /**
     * An HTML file to publish: its path, how to make it (empty when it cannot be made: its problem is reported), and the
     * print of everything making it depends on, when there is one (see {@link FinishedPages#reuseRendered}): a page whose
     * print is the last build's is taken from there without being made. {@code done} is told when the job is over, taken
     * or made (what it holds for both, a page's extras, can go).
     */
    public record Job(String file, Supplier<Optional<String>> inputs, Supplier<Optional<String>> html, Runnable done) {
        public Job(String file, Supplier<Optional<String>> html) {
            this(file, Optional::empty, html, () -> {});
        }
    }

    /** Pages finished at once before their bundle entries are handed over in order (the same bundle whatever the threads). */
    private static final int BATCH = 256;

    private final Site site;
    private final SiteConfig config;
    private final Theme theme;
    private final ImageCache imageCache;
    private final OutputSink sink;
    private final Minifier minifier = new Minifier();
    private final HtmlFinisher finisher = new HtmlFinisher(false);
    private final Optional<FinishedPages> cache;
    /**
     * Pages finished on their text where {@link TextFinisher} can vouch for them, else parsed; {@code -Dacervo.finish=parse}
     * parses every page (the same bytes: a way to rule the text pass out when looking for a fault).
     */
    private final boolean textFinish = !"parse".equals(System.getProperty("acervo.finish"));

    /** @param sink where every file goes as soon as it is finished */
    public PublishPass(Site site, Theme theme, ImageCache images, OutputSink sink) {
        this(site, theme, images, sink, Optional.empty());
    }

    /** @param cache the pages of the last build, to take those whose HTML has not changed (see {@link FinishedPages}) */
    public PublishPass(Site site, Theme theme, ImageCache images, OutputSink sink, Optional<FinishedPages> cache) {
        this.site = site;
        this.config = site.config();
        this.theme = theme;
        this.imageCache = images;
        this.sink = sink;
        this.cache = cache;
    }

    /** What publishing keeps of a page once it is written: its sizes and what it loads. */
    private record Kept(long size, long gzipSize, PageWeigher.Loads loads) {}

    /**
     * A page finished but not written yet: a language's home waits for the size of its bundle.
     *
     * @param key    what the build cache knows the page by (null: the page is not kept there)
     * @param reused the page as the last build left it, when it is taken from there (null: {@code html} is new)
     * @param inputs the print of what made the page (null: none)
     */
    private record Finished(String file, byte[] html, PageWeigher.Loads loads, Map<String, OfflineBundle.Entry> bundled, String key,
                            FinishedPages.Reuse reused, List<String> asked, String inputs) {}

    /**
     * The files of a bundle, noting each question its bundle copy of a page asks ("is this file in the bundle?") and the
     * answer, for the build cache: the copy is taken again only while each answer is the same (see FinishedPages).
     */
    private static final class Asking extends AskedOnly {
        private final Set<String> in;
        private final String lang;
        private final List<String> asked;

        Asking(Set<String> in, String lang, List<String> asked) {
            this.in = in;
            this.lang = lang;
            this.asked = asked;
        }

        @Override
        public boolean contains(Object o) {
            boolean answer = in.contains(o);
            asked.add(lang + '\0' + o + '\0' + (answer ? '1' : '0'));
            return answer;
        }
    }

    /** A bundle's files as the pages see them: only asked about, one by one. */
    private abstract static class AskedOnly extends java.util.AbstractSet<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            throw new UnsupportedOperationException("a bundle's files are only asked about, one by one");
        }

        @Override
        public int size() {
            throw new UnsupportedOperationException("a bundle's files are only asked about, one by one");
        }
    }

    /**
     * Files still being made while the pages are published (the search index, worked out beside them), each in one of
     * {@code folders}: a page that asks whether a bundle holds a file in one of them waits for the files; every other
     * question is answered at once. They join the other files once the pages are done, as if they had been among them.
     * {@code files} may be called more than once, from several threads, and gives the same files every time.
     */
    public record Later(List<String> folders, java.util.function.Supplier<List<OutputFile>> files) {
        public static final Later NONE = new Later(List.of(), List::of);
    }

    /**
     * Publishes {@code pages} (in this order in the bundles) and {@code others} (every file that is not an HTML page).
     * The returned files are empty: they went to the sink.
     *
     * @param later     files made while the pages are published, which join {@code others}
     * @param pagesDone told when the pages are written, before the bundles are completed and pages weighed
     */
    public Lightened publish(List<Job> pages, List<OutputFile> others, Later later, Runnable pagesDone) {
        OutputFiles rest = new OutputFiles(others);
        for (String p : rest.paths()) minify(rest, p);
        Coming coming = new Coming(later);
        Optional<OfflineReading> offline = config.offline() ? Optional.of(new OfflineReading()) : Optional.empty();
        offline.ifPresent(o -> rest.put(o.registerFile()));
        PageImages images = new PageImages(new ImageVariants(rest, imageCache), config.budgets().withImages(), strings());
        OfflineBundle bundler = new OfflineBundle(site, strings());

        // what each language's bundle holds, so that a page's links are checked against it as the page is finished
        Set<String> all = new java.util.TreeSet<>(rest.paths());
        pages.forEach(j -> all.add(j.file()));
        Map<String, OfflineBundle.Writer> writers = new java.util.LinkedHashMap<>();
        Map<String, Set<String>> present = new HashMap<>();
        for (String lang : config.languageCodes()) {
            OfflineBundle.Scope scope = new OfflineBundle.Scope(Optional.of(lang), Optional.empty());
            Set<String> in = new java.util.HashSet<>();
            for (String p : all) if (bundler.kept(p, scope)) in.add(p);
            in.add("index.html");
            present.put(lang, coming.folders().isEmpty() ? in : new Pending(in, coming, p -> bundler.kept(p, scope)));
            writers.put(lang, bundler.new Writer(scope, sink.open(LightPass.bundlePath(lang))));
        }

        Map<String, Kept> kept = new ConcurrentHashMap<>();
        List<Finished> homes = new ArrayList<>();
        try {
            for (int from = 0; from < pages.size(); from += BATCH) {
                List<Job> batch = pages.subList(from, Math.min(pages.size(), from + BATCH));
                List<Optional<Finished>> done = batch.parallelStream()
                        .map(job -> publishOne(job, images, offline, bundler, writers, present))
                        .toList();
                Map<String, List<OfflineBundle.Entry>> entries = new HashMap<>();
                for (Optional<Finished> f : done) {
                    if (f.isEmpty()) continue;
                    Finished page = f.get();
                    if (page.reused() != null) {
                        FinishedPages.Reuse r = page.reused();
                        sink.put(OutputFile.link(page.file(), r.html()));
                        sink.put(OutputFile.link(page.file() + ".gz", r.gzip()));
                        kept.put(page.file(), new Kept(r.size(), r.gzipSize(), r.loads()));
                    } else if (isHome(page.file())) {
                        homes.add(page);
                    } else {
                        kept.put(page.file(), write(page.file(), page.html(), page.loads()));
                    }
                    if (page.key() != null) {
                        cache.get().keep(page.file(), page.key(), page.inputs(), page.loads(), List.copyOf(page.bundled().keySet()), page.asked());
                    }
                    page.bundled().forEach((lang, entry) -> entries.computeIfAbsent(lang, l -> new ArrayList<>()).add(entry));
                }
                writers.forEach((lang, w) -> w.add(entries.getOrDefault(lang, List.of())));
            }

            // the files made meanwhile join the others; one of the site's own (static/) at the same path stays, as it would have
            for (OutputFile f : coming.files()) {
                if (rest.contains(f.path())) continue;
                rest.put(f);
                minify(rest, f.path());
            }
            pagesDone.run();
            // the other files, after the pages in every bundle, in the order of their paths
            for (OfflineBundle.Writer w : writers.values()) {
                List<OutputFile> files = rest.all().stream().filter(f -> !f.path().equals("index.html") && bundler.kept(f.path(), w.scope())).toList();
                String lang = w.scope().lang().orElseThrow();
                List<OfflineBundle.Entry> entries = new ArrayList<>(files.parallelStream()
                        .map(f -> reusedFile(f, bundler, writers).map(r -> r.bundled().get(lang))
                                .orElseGet(() -> OfflineBundle.Entry.of(f.path(), OutputFiles.bytes(f))))
                        .toList());
                entries.add(OfflineBundle.Entry.of("index.html", bundler.redirect(lang).getBytes(StandardCharsets.UTF_8)));
                w.add(entries);
            }
            Map<String, Long> bundleSizes = new HashMap<>();
            writers.forEach((lang, w) -> bundleSizes.put(lang, w.finish()));
            for (Finished home : homes) {
                String lang = home.file().substring(0, home.file().indexOf('/'));
                Document doc = Jsoup.parse(new String(home.html(), StandardCharsets.UTF_8));
                for (Element size : doc.select("[data-bundle-size]")) {
                    size.text("(" + ByteSize.format(bundleSizes.getOrDefault(lang, 0L), lang) + ")");
                }
                kept.put(home.file(), write(home.file(), minifier.html(doc).getBytes(StandardCharsets.UTF_8), home.loads()));
            }
        } finally {
            writers.values().forEach(OfflineBundle.Writer::close);
        }

        offline.ifPresent(o -> rest.put(o.worker(precache(rest), version(rest, kept))));
        for (OutputFile f : rest.all()) {
            Optional<FinishedPages.Reuse> reused = reusedFile(f, bundler, Map.of());
            if (reused.isPresent()) { // the same bytes as the last build's file: it stays, with its .gz
                sink.put(OutputFile.link(f.path(), reused.get().html()));
                sink.put(OutputFile.link(f.path() + ".gz", reused.get().gzip()));
                rest.knownGzipSize(f.path(), reused.get().gzipSize());
                continue;
            }
            sink.put(f);
            if (Gzip.isText(f.path())) sink.put(new OutputFile(f.path() + ".gz", rest.gzip(f.path()), null));
        }

        PageWeigher.Sizes sizes = new PageWeigher.Sizes() {
            @Override
            public boolean contains(String path) {
                return kept.containsKey(path) || rest.contains(path);
            }

            @Override
            public long size(String path) {
                Kept k = kept.get(path);
                return k != null ? k.size() : rest.size(path);
            }

            @Override
            public long gzipSize(String path) {
                Kept k = kept.get(path);
                return k != null ? k.gzipSize() : rest.gzipSize(path);
            }
        };
        List<String> readerPages = kept.keySet().stream().filter(p -> !p.contains("_editors/")).sorted().toList();
        List<PageWeight> weights = readerPages.parallelStream()
                .map(new PageWeigher(sizes, p -> kept.get(p).loads())::weigh).toList();
        Budgets budgets = config.budgets();
        WeightReport report = new WeightReport(weights, budgets, config.defaultLanguage());
        write(report.path(), report.html(theme.asset("style.css").orElse(null)).getBytes(StandardCharsets.UTF_8), null);
        return new Lightened(List.of(), weights, LightPass.overBudget(site, weights, report), report.summary(), bundler);
    }

    private void minify(OutputFiles rest, String p) {
        String ext = Gzip.extension(p);
        if (ext.equals("css")) rest.put(OutputFile.text(p, minifier.css(rest.text(p))));
        else if (ext.equals("js") || ext.equals("mjs")) rest.put(OutputFile.text(p, minifier.js(rest.text(p))));
    }

    /** The files of a {@link Later}, made once, by whichever thread first wants them. */
    private static final class Coming {
        private final Later later;
        private volatile List<OutputFile> files;

        Coming(Later later) {
            this.later = later;
        }

        List<String> folders() {
            return later.folders();
        }

        /**
         * No lock is held while the files are waited for: a thread of the pool that waits may run another page's work
         * meanwhile, which may ask again (the supplier gives the same files to every call).
         */
        List<OutputFile> files() {
            List<OutputFile> known = files;
            if (known != null) return known;
            List<OutputFile> made = List.copyOf(later.files().get());
            for (OutputFile f : made) {
                if (!inFolders(f.path())) {
                    throw new IllegalStateException(f.path() + " is in none of the folders its pages were told of: " + later.folders());
                }
            }
            files = made;
            return made;
        }

        boolean inFolders(String path) {
            return later.folders().stream().anyMatch(path::startsWith);
        }
    }

    /** What a bundle holds: the files known when the pages start, and those of a {@link Later} when asked about them. */
    private static final class Pending extends AskedOnly {
        private final Set<String> known;
        private final Coming coming;
        private final java.util.function.Predicate<String> kept;
        private volatile Set<String> made; // the later files this bundle keeps, once asked about one

        Pending(Set<String> known, Coming coming, java.util.function.Predicate<String> kept) {
            this.known = known;
            this.coming = coming;
            this.kept = kept;
        }

        @Override
        public boolean contains(Object o) {
            if (known.contains(o)) return true;
            return o instanceof String p && coming.inFolders(p) && made().contains(p);
        }

        private Set<String> made() {
            Set<String> known = made;
            if (known != null) return known;
            Set<String> in = new java.util.HashSet<>();
            for (OutputFile f : coming.files()) if (kept.test(f.path())) in.add(f.path());
            made = in;
            return in;
        }
    }

    /** The entry a file has in each bundle of {@code writers} it goes into, by language. */
    private static Map<String, String> bundleEntries(String file, OfflineBundle bundler, Map<String, OfflineBundle.Writer> writers) {
        Map<String, String> entries = new java.util.TreeMap<>();
        for (OfflineBundle.Writer w : writers.values()) {
            if (bundler.kept(file, w.scope())) entries.put(w.scope().lang().orElseThrow(), w.scope().name() + "/" + file);
        }
        return entries;
    }

    /** What {@link #reusedFile} found, by path: each file is looked up once, for its bundle copies and its own place. */
    private final Map<String, Optional<FinishedPages.Reuse>> reusedFiles = new ConcurrentHashMap<>();

    /**
     * A file other than a page (a search index shard, a feed, a style sheet) as the last build left it in the output and
     * its bundles, when it has the same bytes: thousands of search index files stay the same after an edit, and are
     * then neither compressed nor written again. Only text files made in memory (which have a {@code .gz}); the
     * first call for a file decides, with the bundles of {@code writers} it goes into (none once the bundles are done),
     * and records the file for the next build.
     */
    private Optional<FinishedPages.Reuse> reusedFile(OutputFile f, OfflineBundle bundler, Map<String, OfflineBundle.Writer> writers) {
        if (cache.isEmpty() || f.bytes() == null || !Gzip.isText(f.path()) || f.path().equals("index.html")) return Optional.empty();
        return reusedFiles.computeIfAbsent(f.path(), path -> {
            String key = new org.acervo.util.Fingerprint().add(path).add(f.bytes()).value();
            Map<String, String> entries = bundleEntries(path, bundler, writers);
            cache.get().keepFile(path, key, List.copyOf(entries.keySet()));
            return cache.get().reuseFile(path, key, entries);
        });
    }

    /** A page taken from the last build without being made, when what makes it is the same; else made, then {@link #reuseOrFinish}. */
    private Optional<Finished> publishOne(Job job, PageImages images, Optional<OfflineReading> offline, OfflineBundle bundler,
                                          Map<String, OfflineBundle.Writer> writers, Map<String, Set<String>> present) {
        try {
            return takenOrMade(job, images, offline, bundler, writers, present);
        } finally {
            job.done().run();
        }
    }

    private Optional<Finished> takenOrMade(Job job, PageImages images, Optional<OfflineReading> offline, OfflineBundle bundler,
                                           Map<String, OfflineBundle.Writer> writers, Map<String, Set<String>> present) {
        String file = job.file();
        Optional<String> inputs = cache.isEmpty() || isHome(file) ? Optional.empty() : job.inputs().get();
        if (inputs.isPresent()) {
            Map<String, String> entries = file.equals("index.html") ? Map.of() : bundleEntries(file, bundler, writers);
            Optional<FinishedPages.Reuse> hit = cache.get().reuseRendered(file, inputs.get(), entries, present);
            if (hit.isPresent()) {
                FinishedPages.Reuse r = hit.get();
                return Optional.of(new Finished(file, null, r.loads(), r.bundled(), r.key(), r, r.asked(), inputs.get()));
            }
        }
        // a page whose template or finishing asks for a UI string the theme lacks is kept by no key: it is made again by
        // every build, which warns of it every time (Theme.misses() counts per thread, rendering included)
        int misses = Theme.misses();
        Optional<Finished> f = job.html().get().map(html -> reuseOrFinish(file, html, inputs.orElse(null), images, offline, bundler, writers, present));
        if (f.isEmpty() || Theme.misses() == misses || f.get().key() == null) return f;
        Finished asked = f.get();
        return Optional.of(new Finished(asked.file(), asked.html(), asked.loads(), asked.bundled(), null, asked.reused(), List.of(), null));
    }

    /**
     * The page as the last build finished it, when the build cache has it with the same HTML; else finished now. Home
     * pages (they show their bundle's size, known only at the end) and pages with images (finishing them makes their
     * images' copies) are always finished.
     */
    private Finished reuseOrFinish(String file, String html, String inputs, PageImages images, Optional<OfflineReading> offline, OfflineBundle bundler,
                                   Map<String, OfflineBundle.Writer> writers, Map<String, Set<String>> present) {
        if (cache.isEmpty() || isHome(file) || html.contains("<img") || html.contains("<IMG")) {
            cache.ifPresent(FinishedPages::made);
            return finish(file, html, images, offline, bundler, writers, present, null);
        }
        String key = new org.acervo.util.Fingerprint().add(file).add(html).value();
        Map<String, String> entries = file.equals("index.html") ? Map.of() : bundleEntries(file, bundler, writers);
        Optional<FinishedPages.Reuse> hit = cache.get().reuse(file, key, entries, present);
        if (hit.isPresent()) return new Finished(file, null, hit.get().loads(), hit.get().bundled(), key, hit.get(), hit.get().asked(), inputs);
        cache.get().made();
        Finished f = finish(file, html, images, offline, bundler, writers, present, key);
        return new Finished(f.file(), f.html(), f.loads(), f.bundled(), f.key(), null, f.asked(), inputs);
    }

    /** One page on one parse: links, images, offline reading script, minified; and its copy for the bundles it is in. */
    private Finished finish(String file, String html, PageImages images, Optional<OfflineReading> offline, OfflineBundle bundler,
                            Map<String, OfflineBundle.Writer> writers, Map<String, Set<String>> present, String key) {
        Optional<TextFinisher.Page> quick = textFinish && !html.contains("<img") && !html.contains("<IMG")
                ? new TextFinisher(offline).finish(html, file) : Optional.empty();
        Document doc = quick.isPresent() ? null : Jsoup.parse(html);
        PageWeigher.Loads loads;
        String online;
        if (quick.isPresent()) {
            loads = quick.get().loads();
            online = quick.get().html();
        } else {
            finisher.finish(doc, file);
            if (doc.selectFirst("img[src]") != null) images.rewrite(doc, file);
            offline.ifPresent(o -> o.inject(doc, file));
            loads = PageWeigher.Loads.of(doc);
            online = minifier.html(doc);
        }
        Map<String, OfflineBundle.Entry> bundled = new java.util.TreeMap<>();
        List<String> asked = new ArrayList<>();
        if (!file.equals("index.html")) {
            boolean first = true;
            for (OfflineBundle.Writer w : writers.values()) {
                if (!bundler.kept(file, w.scope())) continue;
                String lang = w.scope().lang().orElseThrow();
                // from the page's text when it can (no second writing of the document), else on the document: it changes it,
                // so a page in two bundles (a 404 page at the top) is parsed again for the second
                boolean mine = first;
                Set<String> in = key == null ? present.get(lang) : new Asking(present.get(lang), lang, asked);
                String copy = bundler.offlineFromText(online, file, in)
                        .orElseGet(() -> bundler.offline(mine && doc != null ? doc : Jsoup.parse(online), file, in));
                bundled.put(lang, OfflineBundle.Entry.of(file, copy.getBytes(StandardCharsets.UTF_8)));
                first = false;
            }
        }
        return new Finished(file, online.getBytes(StandardCharsets.UTF_8), loads, bundled, key, null, List.copyOf(asked), null);
    }

    /** Writes a page and its {@code .gz}; returns what the budgets need of it. */
    private Kept write(String file, byte[] html, PageWeigher.Loads loads) {
        byte[] gz = Gzip.compress(html);
        sink.put(new OutputFile(file, html, null));
        sink.put(new OutputFile(file + ".gz", gz, null));
        return new Kept(html.length, gz.length, loads);
    }

    private boolean isHome(String file) {
        int slash = file.indexOf('/');
        return slash > 0 && file.substring(slash).equals("/index.html") && config.language(file.substring(0, slash)).isPresent();
    }

    private BiFunction<String, String, String> strings() {
        return LightPass.strings(site, theme);
    }

    /**
     * The entry file of each language's search index ({@code es/search/index.js}) is fetched when the worker is
     * installed; the shards it loads are kept as searches fetch them, so that a reader who never searches pays nothing.
     */
    private static List<String> precache(OutputFiles files) {
        return files.paths().stream().filter(p -> p.matches("[^/]+/search/index\\.(js|json)")).toList();
    }

    /** Changes whenever a page or asset changes, so that an updated worker replaces old copies. */
    private static String version(OutputFiles rest, Map<String, Kept> pages) {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Long> sizes = new java.util.TreeMap<>();
        for (String p : rest.paths()) sizes.put(p, rest.size(p));
        pages.forEach((p, k) -> sizes.put(p, k.size()));
        sizes.forEach((p, size) -> {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Long.toString(size).getBytes(StandardCharsets.UTF_8));
        });
        return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 12);
    }
}
