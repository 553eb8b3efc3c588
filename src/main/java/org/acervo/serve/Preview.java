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
    private final BuildSession session = BuildSession.live();
    private final SiteBuilder builder;
    private volatile Snapshot state = new Snapshot(Map.of(), List.of(), 0);
    private final PreviewServer server;
    private final SiteWatcher watcher;
    private final String host;

    private Preview(Path siteDir, InetAddress bind, int port, boolean drafts, PrintWriter log) throws IOException {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.drafts = drafts;
        this.log = log;
        this.builder = new SiteBuilder(org.acervo.build.Progress.NONE, session);
        session.onSearchIndex(this::searchIndexReady);
        rebuild(Set.of());
        List<Path> roots = new ArrayList<>();
        for (String d : SiteWatcher.WATCHED) {
            Path p = this.siteDir.resolve(d);
            if (Files.isDirectory(p)) roots.add(p.toRealPath());
        }
        this.server = new PreviewServer(new InetSocketAddress(bind, port), () -> state, roots);
        this.host = bind.getHostAddress().contains(":") ? "[" + bind.getHostAddress() + "]" : bind.getHostAddress();
        this.watcher = new SiteWatcher(this.siteDir, 20, this::rebuild);
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

    /** Rebuilds after {@code changed} (absolute paths; empty for the first build). */
    synchronized void rebuild(Set<Path> changed) {
        long start = System.nanoTime();
        if (changed.stream().anyMatch(p -> p.getFileName() != null && p.getFileName().toString().equals(SiteConfigLoader.FILE))) {
            session.forgetAll();
        } else if (changed.stream().anyMatch(p -> p.startsWith(siteDir.resolve("themes")))) {
            session.forgetRenders();
        }
        Snapshot previous = state;
        try {
            SiteBuilder.Built built = builder.render(BuildOptions.of(siteDir, siteDir.resolve("public")).withDrafts(drafts));
            Map<String, OutputFile> files = new HashMap<>();
            for (OutputFile f : built.files()) files.put(f.path(), f);
            // the search index may have been made anew in the background meanwhile: serve the newest
            for (OutputFile f : session.currentSearchIndex()) files.put(f.path(), f);
            state = new Snapshot(Map.copyOf(files), List.of(), previous.version() + 1);
            int[] counts = session.takePageCounts();
            log.printf("%s %d pages in %d ms (%d rendered, %d unchanged; %s)%n", changed.isEmpty() ? "Built" : "Rebuilt",
                    counts[0] + counts[1], (System.nanoTime() - start) / 1_000_000, counts[0], counts[1], builder.times().summary());
        } catch (BuildFailure f) {
            session.takePageCounts();
            state = new Snapshot(previous.files(), f.problems(), previous.version() + 1);
            log.println(f.problems().size() + " problem(s); still serving the last site that built:");
            for (BuildProblem p : f.problems()) log.println("  " + p);
        } catch (RuntimeException e) {
            state = new Snapshot(previous.files(), List.of(new BuildProblem(SourceLocation.of(Path.of("site.yaml")),
                    "internal error while rebuilding: " + e, "this is a bug in Acervo; please report it with the change you made")),
                    previous.version() + 1);
            log.println("internal error while rebuilding: " + e);
        }
        log.flush();
        if (server != null) server.reloadAll(state.version());
    }

    /** Browsers currently listening for reloads. */
    public int listeners() {
        return server.listeners();
    }

    @Override
    public void close() {
        watcher.close();
        server.close();
    }
}
