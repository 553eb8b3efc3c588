package org.acervo.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one task per source file on a few worker threads (one per core), each task with a time
 * limit (site.yaml {@code limits: fileTimeout}). A file whose task runs over is reported through
 * {@code onTimeout} and its result dropped; its worker is abandoned (a daemon, told to stop by an
 * interrupt) and replaced, so that one pathological file cannot stall the build. Workers are
 * started once per phase, not once per file: ten thousand files would otherwise spend seconds
 * starting threads.
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
        Run<S, R> run = new Run<>(items, work);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(threads, items.size()); i++) workers.add(run.start());
        long checkMillis = Math.max(1, Math.min(100, timeoutMillis / 4));
        long limitNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!run.await(checkMillis)) {
            long now = System.nanoTime();
            for (int w = 0; w < workers.size(); w++) {
                Worker worker = workers.get(w);
                int item = worker.current;
                if (item < 0 || now - worker.started < limitNanos) continue;
                if (run.settle(item, Optional.empty())) {
                    onTimeout.accept(items.get(item)); // reported before the build moves on
                    worker.abandoned = true;
                    worker.thread.interrupt();
                    workers.set(w, run.start());
                }
            }
        }
        List<Optional<R>> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) out.add(run.result(i));
        return out;
    }

    /** A worker thread and what it is doing: the index of its item (or -1) and since when. */
    private static final class Worker {
        volatile int current = -1;
        volatile long started;
        volatile boolean abandoned;
        Thread thread;
    }

    /** The shared state of one {@link #map}: the next item to take, and each item's result once settled. */
    private final class Run<S, R> {
        private final List<S> items;
        private final Function<S, R> work;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReferenceArray<Object> results; // Optional<R>, or the Throwable the task threw
        private final CountDownLatch remaining;

        Run(List<S> items, Function<S, R> work) {
            this.items = items;
            this.work = work;
            this.results = new AtomicReferenceArray<>(items.size());
            this.remaining = new CountDownLatch(items.size());
        }

        Worker start() {
            Worker w = new Worker();
            w.thread = new Thread(null, () -> loop(w), "acervo-file", STACK_BYTES);
            w.thread.setDaemon(true);
            w.thread.start();
            return w;
        }

        private void loop(Worker w) {
            while (!w.abandoned) {
                int i = next.getAndIncrement();
                if (i >= items.size()) return;
                w.started = System.nanoTime();
                w.current = i;
                Object r;
                try {
                    r = Optional.ofNullable(work.apply(items.get(i)));
                } catch (Throwable e) {
                    r = e;
                }
                w.current = -1;
                settle(i, r);
            }
        }

        /** Records an item's result unless it has one already (the work or the timeout, whichever comes first). */
        boolean settle(int i, Object result) {
            if (!results.compareAndSet(i, null, result)) return false;
            remaining.countDown();
            return true;
        }

        boolean await(long millis) {
            try {
                return remaining.await(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the build was interrupted", e);
            }
        }

        @SuppressWarnings("unchecked")
        Optional<R> result(int i) {
            Object r = results.get(i);
            if (r instanceof RuntimeException re) throw re;
            if (r instanceof Error err) throw err;
            if (r instanceof Throwable t) throw new IllegalStateException(t);
            return (Optional<R>) r;
        }
    }
}
