package org.acervo.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.acervo.check.SourceDates;
import org.acervo.enrich.RelatedPages;
import org.acervo.model.Site;
import org.acervo.content.FrontMatterParser;
import org.acervo.content.ParsedSource;
import org.acervo.content.SourceFile;
import org.acervo.model.Content;
import org.acervo.model.Page;
import org.acervo.problem.BuildProblem;
import org.acervo.problem.Problems;
import org.acervo.render.OutputPage;
import org.acervo.render.Views;
import org.acervo.util.TextBags;

/**
 * What one run of {@code acervo serve} keeps between builds, so that a rebuild after an edit does
 * only the work the edit calls for:
 * <ul>
 * <li>parsed sources, by path and a fingerprint of the file's bytes (a file whose size and modification
 * time did not change is not even read again);</li>
 * <li>rendered Markdown, by parsed source, page and a signature of every link target (a page
 * moving re-renders the pages that might link to it);</li>
 * <li>finished HTML pages, by the exact data their template gets ({@link OutputPage} and
 * {@link Views.SiteView} are records, so equal data means equal HTML with an unchanged theme):
 * the edited page, its translation's switcher, and the lists, term pages, home pages that show
 * it are rendered again, the others are reused.</li>
 * </ul>
 * A file with problems is never cached, so its problems are reported on every build until it is
 * fixed. {@link #forgetRenders()} drops everything that depends on the theme or site.yaml.
 * {@link #none()} caches nothing: one-off builds. {@link #stored} keeps nothing in memory, and takes rendered
 * Markdown and finished pages from the {@link BuildCache} on disk: {@code acervo build}. The preview takes rendered
 * Markdown from the same cache when it has not rendered a page itself yet (its first build).
 */
public class BuildSession {
    private final boolean caching;
    private final boolean liveReload;
    /** The cache on disk; the preview lets it go after its first build (it keeps its own results in memory from then on). */
    private volatile Optional<BuildCache> stored;
    /** The fingerprint of each source file's bytes, by path, while a cache is in use (part of its Markdown's key). */
    private final Map<String, String> prints = new ConcurrentHashMap<>();
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();
    private final Map<String, Rendered> markdown = new ConcurrentHashMap<>();
    private final Map<String, Finished> pages = new ConcurrentHashMap<>();
    private final AtomicInteger pagesRendered = new AtomicInteger();
    private final AtomicInteger pagesReused = new AtomicInteger();
    private volatile SourceDates dates;
    private volatile Related related;
    private final org.acervo.light.ImageCache images = new org.acervo.light.ImageCache();
    private final Object indexLock = new Object();
    private List<OutputFile> index;           // the search index files served now
    private java.util.function.Supplier<List<OutputFile>> indexWanted; // the latest build's index to make, while the indexer is busy
    private boolean indexing;
    private volatile java.util.function.BiConsumer<List<OutputFile>, List<OutputFile>> onIndex = (old, fresh) -> {};

    private record Related(java.util.Set<String> pages, RelatedPages lists) {}

    private record Linked(Page page, String glossary, Page linked) {}

    private final Map<String, Linked> linked = new ConcurrentHashMap<>();

    private record Parsed(String hash, long size, long modified, ParsedSource source) {}

    private record Rendered(ParsedSource source, Page page, String links, Content content) {}

    private record Finished(OutputPage page, Views.SiteView site, Object extras, OutputFile file) {}

    protected BuildSession(boolean caching, boolean liveReload, Optional<BuildCache> stored) {
        this.caching = caching;
        this.liveReload = liveReload;
        this.stored = stored;
        this.bags = stored.map(BuildCache::bags).orElseGet(() -> caching ? TextBags.inMemory() : TextBags.none());
    }

    /** The pages' analysed texts: those of the cache on disk (the preview keeps them in memory after its first build). */
    private final TextBags bags;

    /** Analysed texts, for related pages and the search index. */
    TextBags bags() {
        return bags;
    }

    /** No caching and no live reload: what {@code acervo check} and one-off builds in tests use. */
    public static BuildSession none() {
        return new BuildSession(false, false, Optional.empty());
    }

    /** One build that takes what it can from the build cache on disk, and leaves it there for the next: {@code acervo build}. */
    public static BuildSession stored(BuildCache cache) {
        return new BuildSession(false, false, Optional.of(cache));
    }

    /** Caches between builds, and pages load the live reload script: {@code acervo serve}. */
    public static BuildSession live() {
        return new BuildSession(true, true, Optional.empty());
    }

    /** As {@link #live()}, starting from the rendered Markdown of the build cache on disk. */
    public static BuildSession live(BuildCache cache) {
        return new BuildSession(true, true, Optional.of(cache));
    }

    /** The cache on disk, if this session uses one. */
    Optional<BuildCache> stored() {
        return stored;
    }

    /** Whether results are looked up by what they depend on (signatures of links and glossary are worth making). */
    boolean keyed() {
        return caching || stored.isPresent();
    }

    public boolean liveReload() {
        return liveReload;
    }

    /** Forgets rendered Markdown and pages (the theme or site.yaml changed); parsed sources stay. */
    public void forgetRenders() {
        markdown.clear();
        pages.clear();
        linked.clear();
    }

    /** Forgets everything (site.yaml changed: the parse of every file may differ). */
    public void forgetAll() {
        parsed.clear();
        forgetRenders();
    }

    /** Pages rendered and reused since the last call; resets the counts. */
    public int[] takePageCounts() {
        return new int[] {pagesRendered.getAndSet(0), pagesReused.getAndSet(0)};
    }

    /**
     * A source through the build cache: its front matter as the last build parsed it when its bytes are the same (the
     * key holds site.yaml and the code too), else parsed and kept if it had no problem. The fingerprint is that of the
     * very bytes parsed: a file saved again meanwhile must not get the other version's key.
     */
    private Optional<ParsedSource> parseStored(SourceFile s, FrontMatterParser parser, long maxBytes, BuildCache cache) {
        prints.remove(s.relative());
        byte[] bytes;
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(s.absolute(), java.nio.file.attribute.BasicFileAttributes.class);
            if (attributes.size() > maxBytes) return parser.read(s); // which says it is too large
            // a file with the size and time the last build found: its bytes are those it read, read only if its body is wanted
            Optional<String> known = cache.knownPrint(s, attributes);
            Optional<ParsedSources.Kept> kept = known.flatMap(print -> cache.source(sourceKey(cache, s, print)));
            if (kept.isPresent()) {
                String print = known.get();
                prints.put(s.relative(), print);
                cache.sourceKnown(s, attributes, print);
                return Optional.of(ParsedSource.readLater(s, kept.get().meta(), () -> cache.sourceBytes(s, print), kept.get().bodyStart(),
                        kept.get().bodyLine()));
            }
            bytes = Files.readAllBytes(s.absolute());
        } catch (IOException e) {
            return parser.read(s); // which says why it cannot be read
        }
        String print = org.acervo.util.Fingerprint.of(bytes);
        prints.put(s.relative(), print);
        cache.sourceRead(s, attributes, print);
        String key = sourceKey(cache, s, print);
        Optional<ParsedSources.Kept> hit = cache.source(key);
        // the same bytes parsed without problems before: the body is cut from them only if its Markdown is rendered again
        if (hit.isPresent() && hit.get().bodyStart() <= bytes.length) {
            return Optional.of(ParsedSource.decodedLater(s, hit.get().meta(), bytes, hit.get().bodyStart(), hit.get().bodyLine()));
        }
        FrontMatterParser.Read read = parser.read(s, bytes);
        if (read.clean() && read.parsed().isPresent() && read.text() != null && read.text().endsWith(read.parsed().get().body())) {
            ParsedSource p = read.parsed().get();
            cache.keepSource(key, new ParsedSources.Kept(p.meta(), read.text().length() - p.body().length(), p.bodyLine()));
        }
        return read.parsed();
    }

    /** What the build cache knows a source's front matter by: the signature, the path and the fingerprint of its bytes. */
    private static String sourceKey(BuildCache cache, SourceFile s, String print) {
        return new org.acervo.util.Fingerprint().add(cache.signature()).add(s.relative()).add(print).value();
    }

    /** @param maxBytes the largest source file site.yaml allows (a larger one is reported, not read) */
    Optional<ParsedSource> parse(SourceFile s, FrontMatterParser parser, long maxBytes, Problems problems) {
        if (!caching && stored.isPresent()) return parseStored(s, parser, maxBytes, stored.get());
        if (!caching) return parser.read(s);
        Parsed hit = parsed.get(s.relative());
        long size;
        long modified;
        String hash;
        try {
            var attrs = Files.readAttributes(s.absolute(), java.nio.file.attribute.BasicFileAttributes.class);
            size = attrs.size();
            modified = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            // same size and modification time (nanoseconds): the file was not written since, no need to read it again
            if (hit != null && hit.size() == size && hit.modified() == modified && hit.source().source().equals(s)) {
                prints.put(s.relative(), hit.hash());
                return Optional.of(hit.source());
            }
            hash = org.acervo.util.Fingerprint.of(Files.readAllBytes(s.absolute()));
        } catch (IOException e) {
            return parser.read(s); // the parser reports why the file cannot be read
        }
        prints.put(s.relative(), hash);
        if (hit != null && hit.hash().equals(hash) && hit.source().source().equals(s)) {
            parsed.put(s.relative(), new Parsed(hash, size, modified, hit.source()));
            return Optional.of(hit.source());
        }
        Optional<ParsedSource> p = parser.read(s);
        p.ifPresentOrElse(ps -> parsed.put(s.relative(), new Parsed(hash, size, modified, ps)), () -> parsed.remove(s.relative()));
        return p;
    }

    /**
     * @param linkSignature     every link target of the site and the glossary (the preview's key)
     * @param glossarySignature the glossary alone: the build cache asks the page's own link questions again instead
     * @param targets           the link targets of this build, reporting to the problems given
     */
    Content markdown(Page page, ParsedSource source, String linkSignature, String glossarySignature,
                     Function<Problems, org.acervo.markdown.LinkTargets> targets,
                     java.util.function.BiFunction<Problems, org.acervo.markdown.LinkTargets, Content> render, Problems problems) {
        if (!caching && stored.isEmpty()) return render.apply(problems, targets.apply(problems));
        String memory = page.lang() + "|" + source.source().relative();
        if (caching) {
            Rendered hit = markdown.get(memory);
            if (hit != null && hit.source() == source && hit.page().equals(page) && hit.links().equals(linkSignature)) return hit.content();
        }
        Optional<String> key = stored.flatMap(c -> storedKey(c, page, source, glossarySignature));
        // taken when each of the page's link questions has the answer it had (a page added elsewhere changes none)
        Optional<Content> kept = key.flatMap(k -> stored.get().markdown(k, asked -> targets.apply(new Problems()).answersAlike(asked, page)));
        Problems own = new Problems();
        int misses = org.acervo.render.Theme.misses();
        org.acervo.markdown.LinkTargets links = targets.apply(own).recording();
        Content c = kept.orElseGet(() -> render.apply(own, links));
        copy(own, problems);
        boolean clean = !own.hasErrors() && own.warnings().isEmpty() && org.acervo.render.Theme.misses() == misses;
        if (kept.isEmpty() && clean) key.ifPresent(k -> stored.get().keepMarkdown(k, c, links.asked()));
        if (!caching) return c;
        if (clean) markdown.put(memory, new Rendered(source, page, linkSignature, c));
        else markdown.remove(memory);
        return c;
    }

    /**
     * What a page's rendered Markdown depends on, besides the answers to its link questions (kept with it): the
     * signature of the cache (code, site.yaml, theme, files), the glossary, the source's bytes, and where the page is.
     * Empty when the source's bytes were not read (it is then rendered, not cached).
     */
    private Optional<String> storedKey(BuildCache cache, Page page, ParsedSource source, String glossarySignature) {
        String print = prints.get(source.source().relative());
        if (print == null) return Optional.empty();
        return Optional.of(new org.acervo.util.Fingerprint().add(cache.signature()).add(glossarySignature).add(print)
                .add(source.source().relative()).add(page.kind().name()).add(page.lang()).add(page.path()).add(page.section())
                .add(page.type()).add(page.translationKey()).add(page.bundleDir().orElse("\0")).value());
    }

    /**
     * The finished page as a file; kept encoded, so an unchanged page costs neither rendering nor encoding.
     *
     * @param extras what else the page shows (related pages, structured data): part of what must be equal to reuse it
     */
    Optional<OutputFile> page(OutputPage page, Views.SiteView site, Object extras, Supplier<Optional<String>> render) {
        if (!caching) return render.get().map(html -> OutputFile.text(page.file(), html));
        Finished hit = pages.get(page.file());
        if (hit != null && sameSite(hit.site(), site) && samePage(hit.page(), page) && hit.extras().equals(extras)) {
            pagesReused.incrementAndGet();
            pages.put(page.file(), new Finished(page, site, extras, hit.file())); // this build's site view: see sameSite
            return Optional.of(hit.file());
        }
        pagesRendered.incrementAndGet();
        Optional<OutputFile> file = render.get().map(html -> OutputFile.text(page.file(), html));
        file.ifPresentOrElse(f -> pages.put(page.file(), new Finished(page, site, extras, f)), () -> pages.remove(page.file()));
        return file;
    }

    /**
     * Whether a page's data is unchanged. A taxonomy's list of terms is one object shared by its term pages (hundreds of
     * pages of tags, each with every tag), so it is compared once per build and taxonomy, not once per page.
     */
    private boolean samePage(OutputPage before, OutputPage now) {
        if (before.taxonomy() == null || now.taxonomy() == null) return before.equals(now);
        return sameTaxonomy(before.taxonomy(), now.taxonomy()) && before.withoutTaxonomy().equals(now.withoutTaxonomy());
    }

    /** Two objects, compared by identity: the key of an equality already worked out in this build. */
    private record Pair(Object before, Object now) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.before == before && p.now == now;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(before) + System.identityHashCode(now);
        }
    }

    private final Map<Pair, Boolean> taxonomyComparisons = new ConcurrentHashMap<>();

    private boolean sameTaxonomy(Views.TaxonomyView before, Views.TaxonomyView now) {
        if (before == now) return true;
        return taxonomyComparisons.computeIfAbsent(new Pair(before, now), k -> before.equals(now));
    }

    /** The last comparison of a language's site view (menus, sections, every taxonomy term with its count) per language. */
    private record SiteComparison(Views.SiteView before, Views.SiteView now, boolean same) {}

    private final Map<String, SiteComparison> siteComparisons = new ConcurrentHashMap<>();

    /**
     * Whether a page's site view (the same object for every page of a language in one build, and kept as such in the
     * cache) is unchanged: compared once per language and build, not once per page (on 13,000 pages, comparing every
     * taxonomy term for every page took longer than rendering the edited one).
     */
    private boolean sameSite(Views.SiteView before, Views.SiteView now) {
        if (before == now) return true;
        SiteComparison last = siteComparisons.get(now.lang());
        if (last != null && last.before() == before && last.now() == now) return last.same();
        boolean same = before.equals(now);
        siteComparisons.put(now.lang(), new SiteComparison(before, now, same));
        return same;
    }

    /**
     * Related pages. While previewing, the lists of the first build are kept as long as the same pages exist (an edit
     * to a page's text does not reorder them until the next {@code build}); adding or removing a page computes them
     * again. Computing them takes seconds on a large site, longer than an editor should wait to see an edit.
     */
    RelatedPages related(Site site) {
        if (!caching) return RelatedPages.compute(site, bags, results());
        java.util.Set<String> pages = RelatedPages.subjects(site);
        Related kept = related;
        if (kept != null && kept.pages().equals(pages)) return kept.lists().against(site);
        RelatedPages lists = RelatedPages.compute(site, bags);
        related = new Related(pages, lists);
        return lists;
    }

    /** Results a build takes whole from the last one when their inputs are the same (none while previewing). */
    org.acervo.util.KeptResults results() {
        return caching ? org.acervo.util.KeptResults.NONE : stored.map(BuildCache::results).orElse(org.acervo.util.KeptResults.NONE);
    }

    /**
     * The search index files. While previewing, a rebuild serves the index it has and indexes the new site on a
     * background thread once the editor has paused ({@link #INDEX_QUIET_NANOS}); when that is done,
     * {@link #onSearchIndex} hears of the old and new files (the index is the slowest part of a rebuild of a large site,
     * and the edited page is what the editor waits for).
     */
    List<OutputFile> searchIndex(Supplier<List<OutputFile>> make) {
        if (!caching) return make.get();
        synchronized (indexLock) {
            if (index != null) {
                indexWanted = make;
                if (!indexing) {
                    indexing = true;
                    Thread t = new Thread(this::indexInBackground, "acervo-search-index");
                    t.setDaemon(true);
                    t.start();
                }
                return index;
            }
        }
        List<OutputFile> first = make.get();
        synchronized (indexLock) {
            index = first;
        }
        return first;
    }

    /**
     * How long the preview waits after a rebuild before indexing for search: an editor saving again and again wants
     * each page at once, and the index (seconds of CPU on a large site) would take a core from every rebuild.
     */
    static final long INDEX_QUIET_NANOS = 2_000_000_000L;
    private boolean building;          // under indexLock
    private long lastBuilt = System.nanoTime(); // under indexLock
    private java.util.concurrent.ForkJoinPool indexPool; // under indexLock: the indexing now under way, cancelled by a build

    /** A build begins: an index under way is stopped (the build wants a newer one), and none starts until it ends. */
    void buildStarts() {
        taxonomyComparisons.clear(); // the views of earlier builds: compared again against this build's
        synchronized (indexLock) {
            building = true;
            if (indexPool != null) indexPool.shutdownNow(); // interrupts it: see SearchIndexer's check
        }
    }

    /** A build ended: indexing may start after {@link #INDEX_QUIET_NANOS} without another one. */
    void buildEnds() {
        if (caching) {
            stored = Optional.empty(); // what the first build took from the disk is in memory now
            bags.nextBuild();
        }
        synchronized (indexLock) {
            building = false;
            lastBuilt = System.nanoTime();
            indexLock.notifyAll();
        }
    }

    private void indexInBackground() {
        while (true) {
            Supplier<List<OutputFile>> next;
            java.util.concurrent.ForkJoinPool one;
            synchronized (indexLock) {
                try {
                    for (long wait = quietLeft(); wait > 0; wait = quietLeft()) {
                        indexLock.wait(Math.max(1, wait / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    indexing = false;
                    return;
                }
                next = indexWanted;
                indexWanted = null;
                if (next == null) {
                    indexing = false;
                    return;
                }
                // one thread: the other cores stay free for the rebuild of the editor's next change
                one = new java.util.concurrent.ForkJoinPool(1);
                indexPool = one;
            }
            List<OutputFile> fresh;
            try {
                fresh = one.submit(next::get).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
                // cancelled by a newer build, which wanted its own index; or the site has errors, which that build reports
                synchronized (indexLock) {
                    boolean cancelled = e instanceof java.util.concurrent.CancellationException
                            || e.getCause() instanceof java.util.concurrent.CancellationException;
                    if (indexWanted == null && cancelled) indexWanted = next;
                }
                continue;
            } finally {
                one.shutdown();
                synchronized (indexLock) {
                    if (indexPool == one) indexPool = null;
                }
            }
            List<OutputFile> old;
            synchronized (indexLock) {
                old = index;
                index = fresh;
            }
            onIndex.accept(old, fresh);
        }
    }

    /** Nanoseconds until indexing may start: a build is running, or one ended less than the quiet time ago. Under indexLock. */
    private long quietLeft() {
        if (building) return INDEX_QUIET_NANOS;
        return INDEX_QUIET_NANOS - (System.nanoTime() - lastBuilt);
    }

    /** Tells {@code listener} (old files, new files) when a background search index is ready. */
    public void onSearchIndex(java.util.function.BiConsumer<List<OutputFile>, List<OutputFile>> listener) {
        onIndex = listener;
    }

    /** The search index files served now (after a background index, newer than the last build's). */
    public List<OutputFile> currentSearchIndex() {
        synchronized (indexLock) {
            return index == null ? List.of() : index;
        }
    }

    /**
     * A page with its glossary terms linked. While previewing, a page whose rendered Markdown is the same (the very
     * objects the Markdown cache returned) under the same glossary is not linked again.
     */
    Page linked(Page page, String glossarySignature, java.util.function.UnaryOperator<Page> link) {
        if (!caching) return link.apply(page);
        String key = page.lang() + "|" + page.path();
        Linked hit = linked.get(key);
        if (hit != null && hit.page().equals(page) && hit.glossary().equals(glossarySignature)) return hit.linked();
        Page out = link.apply(page);
        linked.put(key, new Linked(page, glossarySignature, out));
        return out;
    }

    /** Resized images: kept between builds while previewing, new for each one-off build. */
    org.acervo.light.ImageCache images() {
        return caching ? images : new org.acervo.light.ImageCache();
    }

    /** Last commit dates of the content files; read once per session (git history does not change while editing). */
    public SourceDates dates(Path contentDir) {
        if (!caching) return SourceDates.fromGit(contentDir);
        SourceDates d = dates;
        if (d == null) {
            d = SourceDates.fromGit(contentDir);
            dates = d;
        }
        return d;
    }

    /** Whether results are kept between builds. */
    public boolean caching() {
        return caching;
    }

    private static void copy(Problems from, Problems to) {
        for (BuildProblem p : from.errors()) to.add(p);
        for (BuildProblem p : from.warnings()) to.warn(p.where(), p.what(), p.hint());
    }
}
