package org.acervo.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches content/, themes/, static/ and site.yaml, folders added later included, and hands the
 * changed paths to a listener in batches: after the first event it keeps collecting until the
 * files have been quiet for {@code quietMillis}, so an editor's save (often several events:
 * truncate, write, rename) causes one rebuild.
 */
final class SiteWatcher implements AutoCloseable {
    static final List<String> WATCHED = List.of("content", "themes", "static");
    private final Path siteDir;
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Thread thread;
    private final long quietMillis;
    private volatile boolean running = true;

    SiteWatcher(Path siteDir, long quietMillis, Consumer<Set<Path>> listener) {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.quietMillis = quietMillis;
        try {
            this.service = FileSystems.getDefault().newWatchService();
            register(this.siteDir, false);
            for (String w : WATCHED) {
                Path d = this.siteDir.resolve(w);
                if (Files.isDirectory(d)) registerTree(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(() -> loop(listener), "acervo-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Consumer<Set<Path>> listener) {
        while (running) {
            try {
                Set<Path> changed = new LinkedHashSet<>();
                WatchKey key = service.take();
                collect(key, changed);
                // coalesce: keep taking events until none arrives for quietMillis
                while ((key = service.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) collect(key, changed);
                if (!changed.isEmpty()) listener.accept(changed);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                // a failed rebuild must not stop the watching; the listener reports its own problems
            }
        }
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = dirs.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null) continue;
            if (event.kind() == OVERFLOW) {
                changed.add(dir);
                continue;
            }
            Path p = dir.resolve((Path) event.context());
            if (dir.equals(siteDir)) {
                String name = p.getFileName().toString();
                if (WATCHED.contains(name) && event.kind() == ENTRY_CREATE && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    registerTree(p);
                    changed.add(p);
                } else if (name.equals("site.yaml") || WATCHED.contains(name)) {
                    changed.add(p);
                }
                continue;
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) registerTree(p);
            changed.add(p);
        }
        if (!key.reset()) dirs.remove(key);
    }

    private void registerTree(Path top) {
        try (Stream<Path> s = Files.walk(top)) {
            s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(d -> register(d, true));
        } catch (IOException | UncheckedIOException e) {
            // a folder removed while being registered: nothing to watch there
        }
    }

    private void register(Path dir, boolean quietly) {
        try {
            dirs.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
        } catch (IOException e) {
            if (!quietly) throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            service.close();
        } catch (IOException ignored) {
            // closing a watch service that is already closed
        }
        thread.interrupt();
    }
}
