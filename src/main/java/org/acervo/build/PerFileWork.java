package org.acervo.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one task per source file, a few at a time, each with a time limit (site.yaml
 * {@code limits: fileTimeout}). A file whose task runs over is reported through
 * {@code onTimeout} and its result dropped; its thread is abandoned (a daemon, told to stop
 * by an interrupt) and replaced, so that one pathological file cannot stall the build.
 */
final class PerFileWork {
    /** Generous stack for the parsers' recursion; nesting is bounded before rendering anyway. */
    private static final long STACK_BYTES = 16L * 1024 * 1024;

    private final int threads;
    private final long timeoutMillis;

    PerFileWork(int threads, long timeoutMillis) {
        this.threads = Math.max(1, threads);
        this.timeoutMillis = timeoutMillis;
    }

    /** The results in the order of {@code items}; empty for an item that ran out of time or returned null. */
    <S, R> List<Optional<R>> map(List<S> items, Function<S, R> work, Consumer<S> onTimeout) {
        Semaphore running = new Semaphore(threads);
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "acervo-file-timeout");
            t.setDaemon(true);
            return t;
        });
        List<CompletableFuture<Optional<R>>> results = new ArrayList<>(items.size());
        try {
            for (S item : items) {
                running.acquireUninterruptibly();
                CompletableFuture<Optional<R>> result = new CompletableFuture<>();
                AtomicBoolean released = new AtomicBoolean();
                AtomicBoolean settled = new AtomicBoolean(); // the work or the timeout, whichever comes first
                Runnable release = () -> {
                    if (released.compareAndSet(false, true)) running.release();
                };
                Thread worker = new Thread(null, () -> {
                    try {
                        R value = work.apply(item);
                        if (settled.compareAndSet(false, true)) result.complete(Optional.ofNullable(value));
                    } catch (Throwable e) {
                        if (settled.compareAndSet(false, true)) result.completeExceptionally(e);
                    } finally {
                        release.run();
                    }
                }, "acervo-file", STACK_BYTES);
                worker.setDaemon(true);
                ScheduledFuture<?> timer = watchdog.schedule(() -> {
                    if (settled.compareAndSet(false, true)) {
                        onTimeout.accept(item); // reported before the build moves on
                        result.complete(Optional.empty());
                        worker.interrupt();
                        release.run();
                    }
                }, timeoutMillis, TimeUnit.MILLISECONDS);
                result.whenComplete((r, e) -> timer.cancel(false));
                worker.start();
                results.add(result);
            }
            List<Optional<R>> out = new ArrayList<>(results.size());
            for (CompletableFuture<Optional<R>> r : results) out.add(join(r));
            return out;
        } finally {
            watchdog.shutdownNow();
        }
    }

    private static <R> Optional<R> join(CompletableFuture<Optional<R>> r) {
        try {
            return r.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
