package org.acervo.build;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import org.acervo.problem.BuildFailure;
import org.acervo.problem.BuildProblem;
import org.acervo.problem.SourceLocation;

/**
 * Writes the whole site into a fresh staging folder beside the output, then swaps it in with
 * renames, so the output is always either the previous complete site or the new one. A lock
 * file keeps two builds from writing one output; a folder Acervo did not make is never replaced.
 *
 * <p>A build that keeps files of the last output as they are (the build cache found them
 * unchanged) stages only what changed, and patches the output once the build has succeeded: the
 * changed files are renamed into it one by one and the files the build no longer makes are
 * deleted, after a journal of both is written beside it. A full swap would link every kept file
 * into the staging folder and delete the old tree: on 30,000 files, seconds of file system work
 * for an edit of one page. A build that fails still leaves the output as it was; a build killed
 * while patching is completed from its journal by the next one.
 */
public final class OutputWriter {
    /** Marks a folder as Acervo's output, so that it may be replaced. */
    public static final String MARKER = ".acervo-output";

    private final Path output;

    public OutputWriter(Path output) {
        this.output = output.toAbsolutePath().normalize();
    }

    /** Refuses outputs that would destroy sources: the site folder itself, a parent of it, or a folder inside content/. */
    public void checkSafe(Path siteDir) {
        Path site = siteDir.toAbsolutePath().normalize();
        Path content = site.resolve("content");
        if (site.startsWith(output)) {
            fail("the output folder " + output + " contains the site itself", "choose an output folder such as public/");
        }
        if (output.startsWith(content) || output.startsWith(site.resolve("themes")) || output.startsWith(site.resolve("static"))) {
            fail("the output folder " + output + " is inside the site's sources", "choose an output folder outside content/, themes/ and static/, such as public/");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            fail("the output " + output + " is a file, not a folder", "remove it or choose another --output");
        }
        if (Files.isDirectory(output) && !Files.exists(output.resolve(MARKER)) && !isEmpty(output)) {
            fail("the output folder " + output + " is not empty and was not made by Acervo",
                    "choose another --output, or empty that folder; Acervo replaces its output folder as a whole");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private void fail(String what, String hint) {
        throw new BuildFailure(new BuildProblem(SourceLocation.of(output), what, hint));
    }

    /** Writes all files and swaps them in. Returns the number of files written. */
    public int write(Collection<OutputFile> files) {
        try (Staging staging = open()) {
            files.parallelStream().forEach(staging::put);
            return staging.commit();
        }
    }

    /**
     * Takes the output's lock and makes a fresh staging folder beside it, for a build to write its
     * files into as it makes them. {@link Staging#commit()} swaps it in; closing it without a commit
     * (the build failed, or stopped) deletes it, and the previous output stays as it was.
     */
    public Staging open() {
        Path parent = output.getParent();
        String name = output.getFileName().toString();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            fail("cannot create " + parent + ": " + e.getMessage(), "check that the folder can be written");
        }
        Path lockFile = parent.resolve("." + name + ".lock");
        FileChannel channel;
        try {
            channel = lock(lockFile);
        } catch (IOException e) {
            fail("cannot write to " + parent + ": " + e.getMessage(), "check that the folder exists and can be written");
            return null;
        }
        if (channel == null) fail("another build is writing " + output, "wait for it to finish, then build again");
        try {
            recover(parent, name);
            Path staging = parent.resolve("." + name + ".staging-" + ProcessHandle.current().pid());
            deleteTree(staging);
            Files.createDirectories(staging);
            return new Staging(staging, channel, lockFile);
        } catch (IOException e) {
            release(channel, lockFile);
            fail("cannot write to " + parent + ": " + e.getMessage(), "check that the folder exists and can be written");
            return null;
        }
    }

    private static void release(FileChannel channel, Path lockFile) {
        try {
            // deleted while still locked: a build waiting on this file finds it gone and starts over (see lock)
            Files.deleteIfExists(lockFile);
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process in any case
        }
    }

    /**
     * A staging folder being written, under the output's lock. Thread-safe: files are handed to a few writing threads
     * of its own, so that the threads making pages never wait for the disk (at most {@link #PENDING_BYTES} wait to be
     * written at any time).
     */
    public final class Staging implements OutputSink, AutoCloseable {
        private static final int WRITERS = 4;
        private static final int PENDING_BYTES = 64 << 20;
        private final Path dir;
        private final FileChannel lock;
        private final Path lockFile;
        private final java.util.Set<Path> madeDirs = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final AtomicInteger count = new AtomicInteger();
        private final java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(WRITERS,
                org.acervo.util.DaemonThreads.named("acervo-writer"));
        private final java.util.concurrent.Semaphore pending = new java.util.concurrent.Semaphore(PENDING_BYTES);
        private final java.util.concurrent.atomic.AtomicReference<IOException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        /** Files of the last output that this build makes again as they are: left in place when the output is patched. */
        private final java.util.Set<String> kept = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final boolean patchable = Files.isRegularFile(output.resolve(MARKER));
        private volatile boolean committed;
        private volatile boolean closed;

        private Staging(Path dir, FileChannel lock, Path lockFile) {
            this.dir = dir;
            this.lock = lock;
            this.lockFile = lockFile;
        }

        @Override
        public void put(OutputFile f) {
            if (closed) throw new IllegalStateException("the staging folder is closed");
            throwIfFailed();
            Path target = dir.resolve(f.path());
            if (!target.normalize().startsWith(dir)) throw new IllegalArgumentException("unsafe output path " + f.path());
            if (f.link() && patchable && f.copyFrom().toAbsolutePath().normalize().equals(output.resolve(f.path()))) {
                kept.add(f.path()); // already in the output, as it should be
                count.incrementAndGet();
                return;
            }
            int weight = f.bytes() == null ? 0 : Math.min(PENDING_BYTES, f.bytes().length);
            pending.acquireUninterruptibly(weight);
            writers.execute(() -> {
                try {
                    Path parent = target.getParent();
                    if (!madeDirs.contains(parent)) {
                        Files.createDirectories(parent);
                        madeDirs.add(parent);
                    }
                    if (f.bytes() != null) Files.write(target, f.bytes());
                    else if (f.link()) link(f.copyFrom(), target);
                    else Files.copy(f.copyFrom(), target, StandardCopyOption.REPLACE_EXISTING);
                    count.incrementAndGet();
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    pending.release(weight);
                }
            });
        }

        /**
         * A file of the last output, unchanged: a hard link costs no copy, and keeps the modification time the build cache
         * knows the file by. Where the disk has no links (a FAT-formatted USB stick), a copy with the same time.
         */
        private static void link(Path from, Path target) throws IOException {
            try {
                Files.deleteIfExists(target);
                Files.createLink(target, from);
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
                Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }

        @Override
        public java.io.OutputStream open(String path) {
            if (closed) throw new IllegalStateException("the staging folder is closed");
            Path target = dir.resolve(path);
            if (!target.normalize().startsWith(dir)) throw new IllegalArgumentException("unsafe output path " + path);
            try {
                Files.createDirectories(target.getParent());
                java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
                count.incrementAndGet();
                return out;
            } catch (IOException e) {
                fail("cannot write the site: " + e.getMessage(), "check free disk space and that the output folder can be written");
                return null;
            }
        }

        private void throwIfFailed() {
            IOException e = failure.get();
            if (e != null) fail("cannot write the site: " + e.getMessage(), "check free disk space and that the output folder can be written");
        }

        /** Waits for every file handed over so far to be written. */
        private void drain() {
            writers.shutdown();
            try {
                while (!writers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                    // a slow disk: keep waiting, the files must be complete before the swap
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the build was interrupted while writing", e);
            }
            throwIfFailed();
        }

        /** Swaps the staging folder in as the output (or patches the output with it); returns the number of files written. */
        public int commit() {
            drain();
            try {
                Files.write(dir.resolve(MARKER), new byte[0]);
                if (kept.isEmpty()) swap(dir, output.getParent(), output.getFileName().toString());
                else patch(dir, kept);
                committed = true;
            } catch (IOException e) {
                fail("cannot write to " + output.getParent() + ": " + e.getMessage(), "check that the folder exists and can be written");
            }
            return count.get();
        }

        /** Releases the lock; without a commit, the staging folder is deleted first. */
        @Override
        public void close() {
            if (closed) return;
            closed = true;
            writers.shutdownNow();
            try {
                writers.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
                if (!committed) deleteTree(dir);
            } catch (IOException e) {
                // left for the next build to remove (see recover)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                release(lock, lockFile);
            }
        }
    }

    /**
     * Takes the OS lock on the lock file, or returns null when another build holds it. The
     * holder deletes the file before releasing it, so a lock obtained on a file that is no
     * longer the one at {@code lockFile} is stale: let go and try the current file. Identity
     * is checked with stat (file keys), never by opening the file again: closing any other
     * descriptor of a locked file would release this process's lock.
     */
    private static FileChannel lock(Path lockFile) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Object before;
            try {
                before = fileKey(lockFile);
            } catch (java.nio.file.NoSuchFileException absent) {
                try {
                    Files.createFile(lockFile);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another build made it first: use theirs
                }
                continue;
            }
            FileChannel channel;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            } catch (java.nio.file.NoSuchFileException gone) {
                continue;
            }
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            try {
                if (before == null || before.equals(fileKey(lockFile))) return channel; // no file keys (Windows): plain lock
            } catch (java.nio.file.NoSuchFileException stale) {
                // deleted by the build that held it: start over with a new file
            }
            channel.close();
        }
        return null;
    }

    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /**
     * Puts back the previous site if a build was killed between its two renames. Run at the
     * start of every build, so that even a build that then fails on its content restores it.
     */
    public void recoverInterruptedSwap() {
        Path parent = output.getParent();
        if (parent == null || !Files.isDirectory(parent)) return;
        Path lockFile = parent.resolve("." + output.getFileName() + ".lock");
        if (!Files.isWritable(parent)) return;
        try (FileChannel channel = lock(lockFile)) {
            if (channel == null) return; // the build holding the lock recovers
            try {
                recover(parent, output.getFileName().toString());
            } finally {
                Files.deleteIfExists(lockFile);
            }
        } catch (IOException e) {
            // nothing to recover, or the folder cannot be written: the write reports it
        }
    }

    private static final String JOURNAL_END = "-- end --";

    /**
     * The output becomes the staging folder plus the {@code kept} files: a journal names the staged files and the files to
     * delete, then both are done (see {@link #applyPatch}).
     */
    private void patch(Path staging, java.util.Set<String> kept) throws IOException {
        java.util.List<String> staged = relativeFiles(staging);
        java.util.Set<String> made = new java.util.HashSet<>(staged);
        made.addAll(kept);
        java.util.List<String> stale = relativeFiles(output).stream().filter(p -> !made.contains(p)).toList();
        Path journal = output.getParent().resolve("." + output.getFileName() + ".patch-" + ProcessHandle.current().pid());
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(staging.getFileName().toString());
        lines.addAll(staged);
        lines.add("");
        lines.addAll(stale);
        lines.add(JOURNAL_END);
        Files.write(journal, lines, java.nio.charset.StandardCharsets.UTF_8);
        applyPatch(journal);
    }

    /**
     * Does what a journal says, as far as it is not done yet: deletes the stale files (and the folders they leave empty),
     * renames the staged files into the output, and removes the staging folder and the journal. A journal not written to
     * its end is dropped with its staging folder: nothing of it was done yet.
     */
    private void applyPatch(Path journal) throws IOException {
        java.util.List<String> lines = Files.readAllLines(journal, java.nio.charset.StandardCharsets.UTF_8);
        String stagingName = lines.isEmpty() ? "" : lines.get(0);
        boolean named = stagingName.startsWith("." + output.getFileName() + ".staging-") && !stagingName.contains("/")
                && !stagingName.contains("\\");
        if (!named || lines.size() < 3 || !lines.get(lines.size() - 1).equals(JOURNAL_END) || !lines.contains("")) {
            if (named) deleteTree(output.getParent().resolve(stagingName));
            Files.deleteIfExists(journal);
            return;
        }
        Path staging = output.getParent().resolve(stagingName);
        int blank = lines.indexOf("");
        java.util.Set<Path> emptied = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (String rel : lines.subList(blank + 1, lines.size() - 1)) {
            Path p = safely(output, rel);
            Files.deleteIfExists(p);
            for (Path d = p.getParent(); d != null && d.startsWith(output) && !d.equals(output); d = d.getParent()) emptied.add(d);
        }
        for (Path d : emptied) { // deepest first
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
                if (s.iterator().hasNext()) continue;
            } catch (java.nio.file.NoSuchFileException gone) {
                continue;
            }
            Files.delete(d);
        }
        java.util.Set<Path> made = new java.util.HashSet<>();
        for (String rel : lines.subList(1, blank)) {
            Path from = safely(staging, rel);
            if (!Files.exists(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue; // moved before the build was killed
            Path to = safely(output, rel);
            if (made.add(to.getParent())) Files.createDirectories(to.getParent());
            if (Files.isDirectory(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) deleteTree(to);
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        deleteTree(staging);
        Files.deleteIfExists(journal);
    }

    private static Path safely(Path root, String rel) throws IOException {
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root) || p.equals(root)) throw new IOException("a journal line outside the output: " + rel);
        return p;
    }

    /** Every file under {@code root}, relative, with forward slashes. */
    private static java.util.List<String> relativeFiles(Path root) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private void swap(Path staging, Path parent, String name) throws IOException {
        Path old = parent.resolve("." + name + ".old-" + ProcessHandle.current().pid());
        deleteTree(old);
        boolean hadOutput = Files.exists(output);
        if (hadOutput) move(output, old);
        move(staging, output);
        if (hadOutput) deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * After a build was killed between its two renames, the previous site is in a
     * {@code .name.old-*} folder and there is no output: put it back. Leftover staging
     * folders of killed builds are removed.
     */
    private void recover(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + ".patch-*")) {
            for (Path journal : s) applyPatch(journal); // before staging folders go: a journal's files are in one
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + ".*")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith("." + name + ".old-") && !Files.exists(output) && Files.exists(p.resolve(MARKER))) {
                    move(p, output);
                } else if (n.startsWith("." + name + ".staging-") || n.startsWith("." + name + ".old-")) {
                    deleteTree(p);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
