package org.acervo.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.acervo.build.BuildOptions;
import org.acervo.build.BuildSession;
import org.acervo.build.OutputFile;
import org.acervo.build.SiteBuilder;
import org.acervo.config.SiteConfigLoader;
import org.acervo.problem.BuildFailure;
import org.acervo.problem.BuildProblem;
import org.acervo.problem.SourceLocation;

/**
 * A running {@code acervo serve}: the site built in memory and served, rebuilt when a watched file
 * changes. A rebuild reuses what did not change ({@link BuildSession}); when it fails, the last
 * good site stays served with the problems shown on its pages, and open pages reload either way.
 */
public final class Preview implements AutoCloseable {
    /** What is served: the files of the last good build, and the problems of the last build (empty when it succeeded). */
    record Snapshot(Map<String, OutputFile> files, List<BuildProblem> problems, long version) {}

    /** Folders whose changes call for a rebuild; changes to theme folders or site.yaml re-render everything. */
    private final Path siteDir;
    private final boolean drafts;
    private final PrintWriter log;
    private final BuildSession session;
    private final SiteBuilder builder;
    private volatile Snapshot state = new Snapshot(Map.of(), List.of(), 0);
    private final PreviewServer server;
    private final SiteWatcher watcher;
    private final String host;

    private Preview(Path siteDir, InetAddress bind, int port, boolean drafts, PrintWriter log) throws IOException {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.drafts = drafts;
        this.log = log;
        // the first build takes the rendered Markdown of the last acervo build from its cache
        org.acervo.build.BuildCache cache = org.acervo.build.BuildCache.open(this.siteDir, false);
        this.session = BuildSession.live(cache);
        this.builder = new SiteBuilder(org.acervo.build.Progress.NONE, session);
        session.onSearchIndex(this::searchIndexReady);
        rebuild(Set.of());
        int[] taken = cache.markdownCounts();
        if (taken[0] > 0) log.printf("Took the Markdown of %d of %d pages from the build cache of the last acervo build%n", taken[0], taken[0] + taken[1]);
        List<Path> roots = new ArrayList<>();
        for (String d : SiteWatcher.WATCHED) {
            Path p = this.siteDir.resolve(d);
            if (Files.isDirectory(p)) roots.add(p.toRealPath());
        }
        this.server = new PreviewServer(new InetSocketAddress(bind, port), () -> state, roots);
        this.host = bind.getHostAddress().contains(":") ? "[" + bind.getHostAddress() + "]" : bind.getHostAddress();
        this.watcher = new SiteWatcher(this.siteDir, 20, this::changed);
    }

    /** Rebuilds one at a time, off the watcher's thread, so that an edit made meanwhile is shown at once all the same. */
    private final java.util.concurrent.ExecutorService rebuilder = java.util.concurrent.Executors.newSingleThreadExecutor(
            org.acervo.util.DaemonThreads.named("acervo-rebuild"));
    private final Object pendingLock = new Object();
    private Set<Path> pending = new java.util.LinkedHashSet<>(); // changes no rebuild has taken yet, under pendingLock
    private boolean rebuildQueued;                             // under pendingLock
    /** Pages shown early (see showEditedFirst), each with the count of such showings when it was made; under this. */
    private final Map<String, Long> shownEarly = new HashMap<>();
    private long showings;

    /** The watcher's batch of changed files: the edited pages at once, then a rebuild of the whole site. */
    private void changed(Set<Path> changed) {
        if (state.problems().isEmpty()) showEditedFirst(changed);
        synchronized (pendingLock) {
            pending.addAll(changed);
            if (rebuildQueued) return;
            rebuildQueued = true;
        }
        rebuilder.execute(() -> {
            Set<Path> taken;
            synchronized (pendingLock) {
                taken = pending;
                pending = new java.util.LinkedHashSet<>();
                rebuildQueued = false;
            }
            rebuild(taken);
        });
    }

    /** Builds the site, starts serving it on {@code bind:port} (0: any free port) and watching its files. */
    public static Preview start(Path siteDir, InetAddress bind, int port, boolean drafts, PrintWriter log) {
        try {
            return new Preview(siteDir, bind, port, drafts, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://" + host + ":" + server.port() + "/");
    }

    /** Counts builds, failed ones included. */
    public long version() {
        return state.version();
    }

    /** A search index made in the background replaces the one served; pages do not reload for it. */
    private synchronized void searchIndexReady(List<OutputFile> old, List<OutputFile> fresh) {
        Snapshot now = state;
        Map<String, OutputFile> files = new HashMap<>(now.files());
        if (old != null) old.forEach(f -> files.remove(f.path()));
        fresh.forEach(f -> files.put(f.path(), f));
        state = new Snapshot(Map.copyOf(files), now.problems(), now.version());
    }

    /** The problems of the last build; empty when it succeeded. */
    public List<BuildProblem> problems() {
        return state.problems();
    }

    /**
     * Rebuilds after {@code changed} (absolute paths; empty for the first build). Runs on one thread at a time (the
     * constructor's, then the rebuilder's), while edited pages may be shown meanwhile from the watcher's.
     */
    private void rebuild(Set<Path> changed) {
        long start = System.nanoTime();
        if (changed.stream().anyMatch(p -> p.getFileName() != null && p.getFileName().toString().equals(SiteConfigLoader.FILE))) {
            session.forgetAll();
        } else if (changed.stream().anyMatch(p -> p.startsWith(siteDir.resolve("themes")))) {
            session.forgetRenders();
        }
        long showingsBefore;
        synchronized (this) {
            showingsBefore = showings;
        }
        Snapshot previous;
        Snapshot next;
        try {
            SiteBuilder.Built built = builder.render(BuildOptions.of(siteDir, siteDir.resolve("public")).withDrafts(drafts));
            Map<String, OutputFile> files = new HashMap<>();
            for (OutputFile f : built.files()) files.put(f.path(), f);
            // the search index may have been made anew in the background meanwhile: serve the newest
            for (OutputFile f : session.currentSearchIndex()) files.put(f.path(), f);
            synchronized (this) {
                // a page shown early while this build ran is newer than this build's: it stays until the next one
                previous = state;
                Map<String, OutputFile> served = previous.files();
                shownEarly.forEach((path, when) -> {
                    if (when > showingsBefore && served.containsKey(path)) files.put(path, served.get(path));
                });
                shownEarly.values().removeIf(when -> when <= showingsBefore);
                next = new Snapshot(Map.copyOf(files), List.of(), previous.version() + 1);
                state = next;
            }
            int[] counts = session.takePageCounts();
            log.printf("%s %d pages in %d ms (%d rendered, %d unchanged; %s)%n", changed.isEmpty() ? "Built" : "Rebuilt",
                    counts[0] + counts[1], (System.nanoTime() - start) / 1_000_000, counts[0], counts[1], builder.times().summary());
        } catch (BuildFailure f) {
            session.takePageCounts();
            synchronized (this) {
                previous = state;
                next = new Snapshot(previous.files(), f.problems(), previous.version() + 1);
                state = next;
            }
            log.println(f.problems().size() + " problem(s); still serving the last site that built:");
            for (BuildProblem p : f.problems()) log.println("  " + p);
        } catch (RuntimeException e) {
            synchronized (this) {
                previous = state;
                next = new Snapshot(previous.files(), List.of(new BuildProblem(SourceLocation.of(Path.of("site.yaml")),
                        "internal error while rebuilding: " + e, "this is a bug in Acervo; please report it with the change you made")),
                        previous.version() + 1);
                state = next;
            }
            log.println("internal error while rebuilding: " + e);
        }
        log.flush();
        if (server != null) server.reload(next.version(), changedPages(previous, next));
    }

    /**
     * Serves the edited pages at once, rendered against the last good build, and tells the browsers showing them; the
     * rebuild that follows brings the lists, feeds and search up to date (see {@link SiteBuilder#edited}).
     */
    private void showEditedFirst(Set<Path> changed) {
        long start = System.nanoTime();
        Optional<List<OutputFile>> edited;
        try {
            edited = builder.edited(changed, state.files());
        } catch (RuntimeException e) {
            return; // the rebuild reports whatever is wrong
        }
        if (edited.isEmpty() || edited.get().isEmpty()) return;
        synchronized (this) {
            Snapshot now = state;
            if (!now.problems().isEmpty()) return;
            Map<String, OutputFile> files = new HashMap<>(now.files());
            showings++;
            for (OutputFile f : edited.get()) {
                files.put(f.path(), f);
                shownEarly.put(f.path(), showings);
            }
            state = new Snapshot(Map.copyOf(files), List.of(), now.version());
        }
        List<String> pages = edited.get().stream().map(OutputFile::path).filter(p -> p.endsWith(".html")).toList();
        log.printf("Showed %s in %d ms, rebuilding the rest%n", String.join(", ", pages), (System.nanoTime() - start) / 1_000_000);
        log.flush();
        if (server != null) server.edited(pages);
    }

    /** How many changed pages a reload event names before it says "all" (a browser checks the list for its own page). */
    private static final int NAMED_PAGES = 200;

    /**
     * The HTML files whose bytes differ between two snapshots (an empty optional: reload every page, for a change to
     * a style sheet or script, a list too long to send, or problems that every page shows or stopped showing).
     */
    static Optional<List<String>> changedPages(Snapshot before, Snapshot after) {
        if (!before.problems().equals(after.problems()) || !after.problems().isEmpty()) return Optional.empty();
        List<String> pages = new ArrayList<>();
        java.util.Set<String> paths = new java.util.HashSet<>(before.files().keySet());
        paths.addAll(after.files().keySet());
        for (String p : paths) {
            OutputFile a = before.files().get(p);
            OutputFile b = after.files().get(p);
            if (a == b || a != null && b != null && sameBytes(a, b)) continue;
            if (p.endsWith(".css") || p.endsWith(".js") && !p.contains("/search/")) return Optional.empty();
            if (p.endsWith(".html")) pages.add(p);
            if (pages.size() > NAMED_PAGES) return Optional.empty();
        }
        java.util.Collections.sort(pages);
        return Optional.of(pages);
    }

    private static boolean sameBytes(OutputFile a, OutputFile b) {
        if (a.bytes() != null && b.bytes() != null) return java.util.Arrays.equals(a.bytes(), b.bytes());
        return a.bytes() == null && b.bytes() == null && a.copyFrom().equals(b.copyFrom());
    }

    /** Browsers currently listening for reloads. */
    public int listeners() {
        return server.listeners();
    }

    @Override
    public void close() {
        watcher.close();
        rebuilder.shutdownNow();
        server.close();
    }
}
