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
import java.util.List;
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
        this.output = real(output);
    }

    /**
     * Where an output really is: a link to a folder (a web root pointing at the build) is followed, so that the folder is
     * replaced or patched and the link stays as it is.
     */
    public static Path real(Path output) {
        Path p = output.toAbsolutePath().normalize();
        try {
            return Files.isSymbolicLink(p) && Files.isDirectory(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            return p;
        }
    }

    /** A path relative to a folder, with forward slashes wherever the system writes another separator. */
    private static String relative(Path root, Path p) {
        String rel = root.relativize(p).toString();
        return java.io.File.separatorChar == '/' ? rel : rel.replace(java.io.File.separatorChar, '/');
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
        /**
         * What the output holds, listed while the build goes on once it keeps a file (it will patch the output): tens of
         * thousands of entries, which the patch would otherwise list when the build is done. Nothing writes to the output
         * before the patch; the patch lists it again if this failed.
         */
        private final java.util.concurrent.CompletableFuture<Listing> listing = new java.util.concurrent.CompletableFuture<>();
        private final java.util.concurrent.atomic.AtomicBoolean listingStarted = new java.util.concurrent.atomic.AtomicBoolean();

        private void listOutput() {
            Thread t = new Thread(() -> {
                try {
                    listing.complete(Listing.of(output.toRealPath()));
                } catch (IOException | RuntimeException e) {
                    listing.completeExceptionally(e);
                }
            }, "acervo-output-list");
            t.setDaemon(true);
            t.start();
        }

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
                if (!listingStarted.get() && listingStarted.compareAndSet(false, true)) listOutput();
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
                    else if (f.link()) linkOrCopy(f.copyFrom(), target);
                    else Files.copy(f.copyFrom(), target, StandardCopyOption.REPLACE_EXISTING);
                    count.incrementAndGet();
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    pending.release(weight);
                }
            });
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
                else patch(dir, kept, listingStarted.get() ? listing : null);
                committed = true;
            } catch (PatchFailed e) {
                if (!e.undone) committed = true; // the journal and the staging folder stay, for the next build to complete
                throw new BuildFailure(List.of(new BuildProblem(SourceLocation.of(output), "cannot write to " + output + ": " + e.getMessage(),
                        "check that every file and folder in it can be written and replaced")), !e.undone);
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

    /** A patch that could not be done: undone (the output is as it was), or not (the next build completes it). */
    private static final class PatchFailed extends IOException {
        final boolean undone;

        PatchFailed(IOException cause, boolean undone) {
            super(cause.getMessage(), cause);
            this.undone = undone;
        }
    }

    /**
     * The output becomes the staging folder plus the {@code kept} files: a journal names the staged files, the files to
     * take away (any file, link or other entry the build does not make) and the folders that may be left empty, then all
     * of it is done (see {@link #applyPatch}).
     */
    private void patch(Path staging, java.util.Set<String> kept, java.util.concurrent.Future<Listing> listed) throws IOException {
        Path root = output.toRealPath(); // an output that is a link to a folder: its files are in the folder
        java.util.List<String> staged = new java.util.ArrayList<>();
        walk(staging, staged, new java.util.ArrayList<>());
        Listing listing = null;
        try {
            if (listed != null) listing = listed.get();
        } catch (java.util.concurrent.ExecutionException e) {
            listing = null; // listed again below, which reports what went wrong
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing the output", e);
        }
        if (listing == null || !listing.root().equals(root)) listing = Listing.of(root);
        java.util.List<String> present = listing.files();
        java.util.List<String> folders = listing.folders();
        if (!new java.util.HashSet<>(present).containsAll(kept)) {
            // a kept file is reached through a link the output holds (a folder replaced by a link to elsewhere): the
            // link goes, as a build from nothing would not make it, so the kept files are copied in and swapped
            for (String rel : kept) {
                Path to = staging.resolve(rel);
                Files.createDirectories(to.getParent());
                Files.copy(root.resolve(rel), to, StandardCopyOption.COPY_ATTRIBUTES);
            }
            swap(staging, output.getParent(), output.getFileName().toString());
            return;
        }
        java.util.Set<String> made = new java.util.HashSet<>(staged);
        made.addAll(kept);
        java.util.Set<String> holding = new java.util.HashSet<>(); // folders that will hold a file
        for (String f : made) for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) holding.add(f.substring(0, i));
        Path journal = output.getParent().resolve("." + output.getFileName() + ".patch-" + ProcessHandle.current().pid());
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(staging.getFileName().toString());
        staged.forEach(f -> lines.add(escape(f)));
        lines.add("");
        present.stream().filter(f -> !made.contains(f)).forEach(f -> lines.add(escape(f)));
        lines.add("");
        folders.stream().filter(d -> !holding.contains(d)).forEach(d -> lines.add(escape(d)));
        lines.add(JOURNAL_END);
        Files.write(journal, lines, java.nio.charset.StandardCharsets.UTF_8);
        applyPatch(journal, true);
    }

    /** A journal line for a path: one line whatever the name holds (a file name may hold a line break). */
    private static String escape(String path) {
        return path.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                b.append(c);
                continue;
            }
            char n = line.charAt(++i);
            b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
        }
        return b.toString();
    }

    /**
     * Does what a journal says, as far as it is not done yet: the files to take away go to an undo folder, each staged
     * file replaces its old version in one rename (the old one linked into the undo folder first), the folders left
     * empty go, and then the undo folder, the staging folder and the journal. When a step fails while the build that
     * wrote the journal is still running ({@code undoable}), what was done is undone, so that a failed build leaves the
     * output as it was. A journal not written to its end is dropped with its staging folder: nothing of it was done yet.
     */
    private void applyPatch(Path journal, boolean undoable) throws IOException {
        java.util.List<String> lines = Files.readAllLines(journal, java.nio.charset.StandardCharsets.UTF_8);
        String stagingName = lines.isEmpty() ? "" : lines.get(0);
        String prefix = "." + output.getFileName() + ".staging-";
        boolean named = stagingName.startsWith(prefix) && stagingName.substring(prefix.length()).matches("[0-9]+");
        int first = lines.indexOf("");
        int second = first < 0 ? -1 : lines.subList(first + 1, lines.size()).indexOf("") + first + 1;
        if (!named || first < 0 || second <= first || !lines.get(lines.size() - 1).equals(JOURNAL_END)) {
            if (named) deleteTree(output.getParent().resolve(stagingName));
            Files.deleteIfExists(journal);
            return;
        }
        Path root = output.toRealPath();
        Path staging = output.getParent().resolve(stagingName);
        Path undo = output.getParent().resolve("." + output.getFileName() + ".undo-" + stagingName.substring(prefix.length()));
        java.util.Deque<Path[]> done = new java.util.ArrayDeque<>(); // (where it was, where it went) per step, for undoing
        try {
            for (String line : lines.subList(first + 1, second)) {
                Path p = safely(root, unescape(line));
                if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue; // gone before the build was killed
                Path aside = safely(undo, unescape(line));
                Files.createDirectories(aside.getParent());
                move(p, aside);
                done.push(new Path[] {p, aside});
            }
            java.util.Set<Path> made = new java.util.HashSet<>();
            for (String line : lines.subList(1, first)) {
                String rel = unescape(line);
                Path from = safely(staging, rel);
                if (!Files.exists(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue; // moved before the build was killed
                Path to = safely(root, rel);
                if (made.add(to.getParent())) makeFolders(root, to.getParent(), done);
                if (Files.isDirectory(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    // a folder where the build makes a file: what it held was taken away above, so it is empty
                    Files.delete(to);
                    done.push(new Path[] {to});
                }
                Path aside = safely(undo, rel);
                if (Files.isRegularFile(to, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.exists(aside)) {
                    Files.createDirectories(aside.getParent());
                    linkOrCopy(to, aside);
                }
                try {
                    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
                done.push(new Path[] {from, to, Files.exists(aside) ? aside : null});
            }
        } catch (IOException e) {
            if (!undoable) throw e;
            try {
                while (!done.isEmpty()) {
                    Path[] step = done.pop();
                    if (step.length == 1) {
                        Files.createDirectory(step[0]); // a folder that was in the way of a file
                    } else if (step[0] == null) {
                        Files.deleteIfExists(step[1]); // a folder made for a new file
                    } else if (step.length == 2) {
                        move(step[1], step[0]); // a file taken away comes back
                    } else {
                        move(step[1], step[0]); // the new version back into the staging folder
                        if (step[2] != null) move(step[2], step[1]); // and the old one back in place
                    }
                }
                deleteTree(undo);
                Files.deleteIfExists(journal);
            } catch (IOException again) {
                throw new PatchFailed(e, false);
            }
            throw new PatchFailed(e, true);
        }
        java.util.List<Path> emptied = new java.util.ArrayList<>();
        for (String line : lines.subList(second + 1, lines.size() - 1)) emptied.add(safely(root, unescape(line)));
        emptied.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed()); // deepest first
        for (Path d : emptied) {
            try {
                Files.deleteIfExists(d);
            } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NotDirectoryException kept) {
                // it holds something after all: it stays
            }
        }
        deleteTree(undo);
        deleteTree(staging);
        Files.deleteIfExists(journal);
    }

    /**
     * {@code target} as the same file as {@code from}: a hard link costs no copy, and keeps the modification time the
     * build cache knows the file by. Where the disk has no links (a FAT-formatted USB stick), a copy with the same time.
     */
    private static void linkOrCopy(Path from, Path target) throws IOException {
        try {
            Files.deleteIfExists(target);
            Files.createLink(target, from);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Makes a file's folder and the missing ones above it, each as a step to undo. */
    private static void makeFolders(Path root, Path folder, java.util.Deque<Path[]> done) throws IOException {
        java.util.Deque<Path> missing = new java.util.ArrayDeque<>();
        for (Path d = folder; d != null && d.startsWith(root) && !d.equals(root) && !Files.exists(d, java.nio.file.LinkOption.NOFOLLOW_LINKS); d = d.getParent()) {
            missing.push(d);
        }
        for (Path d : missing) { // the highest first
            Files.createDirectory(d);
            done.push(new Path[] {null, d});
        }
    }

    private static Path safely(Path root, String rel) throws IOException {
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root) || p.equals(root)) throw new IOException("a journal line outside the output: " + rel);
        return p;
    }

    /** The files (sorted) and folders under a folder, by their paths relative to it. */
    private record Listing(Path root, java.util.List<String> files, java.util.List<String> folders) {
        static Listing of(Path root) throws IOException {
            java.util.List<String> files = new java.util.ArrayList<>();
            java.util.List<String> folders = new java.util.ArrayList<>();
            walk(root, files, folders);
            return new Listing(root, files, folders);
        }
    }

    /** Every entry under {@code root} that is not a folder (files, links), and every folder, relative, with forward slashes. */
    private static void walk(Path root, java.util.List<String> files, java.util.List<String> folders) throws IOException {
        // the attributes the walk reads anyway tell folders from files: no second look at each of tens of thousands
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes a) {
                if (!d.equals(root)) folders.add(relative(root, d));
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                files.add(relative(root, f));
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                throw e;
            }
        });
        java.util.Collections.sort(files);
    }

    private void swap(Path staging, Path parent, String name) throws IOException {
        Path old = parent.resolve("." + name + ".old-" + ProcessHandle.current().pid());
        deleteTree(old);
        boolean hadOutput = Files.exists(output);
        if (hadOutput) move(output, old);
        move(staging, output);
        if (!hadOutput) return;
        try {
            deleteTree(old);
        } catch (IOException e) {
            // the new site is in place: the old one is left for the next build to remove (see recover)
        }
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
            for (Path journal : s) applyPatch(journal, false); // before staging folders go: a journal's files are in one
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
