package org.acervo.util;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Analysed texts as bags of words, kept from one build to the next: the related pages and the search index analyse
 * every page's title and text on every build (their scores depend on every page, so they are worked out again), and
 * the analysis was most of their cost. A bag is what both need of a text: each analysed term with the number of times
 * it occurs, in the order of first occurrence, and the number of words. It is looked up by the analyzer's name and a
 * {@link Fingerprint} of the very text, so an edited text is analysed again and an unchanged one is not. Both use the
 * search index's chain, and a field made of several texts is looked up text by text ({@link #of(String, WordMemo,
 * List)}), so each text of a page is analysed once per build, whichever of the two asks first.
 *
 * <p>Bags are kept packed: each term as its number in a table of terms, and each number and count in as few bytes as
 * it takes (a page's text in about a kilobyte, a fifth of it as arrays of strings and counts, which a site of 50,000
 * pages could not hold in its memory); the file holds the same bytes.
 *
 * <p>{@link #none()} keeps nothing (one-off builds). {@link #kept} starts from the bags of the last build (read from
 * the build cache) and collects those this build uses, for the next. {@link #inMemory()} keeps them in memory, for the
 * preview: a bag unused for a whole build is let go ({@link #nextBuild}). Thread-safe.
 */
public class TextBags {
    /** A text's analysed terms, each once, with how often it occurs; {@code length} words in all. */
    public record Bag(String[] terms, int[] counts, int length) {
        /** The words of a text, counted. */
        public static Bag of(WordMemo.Words words) {
            Map<String, int[]> c = new LinkedHashMap<>(Math.max(16, words.size()));
            for (int i = 0; i < words.size(); i++) c.computeIfAbsent(words.terms()[i], k -> new int[1])[0]++;
            return of(c, words.size());
        }

        /**
         * The bag of texts joined by white space, from their bags: the same terms in the same order (of first
         * occurrence), counts and length as analysing the joined text, since the chains' words never span white space
         * (see {@link WordMemo}). So a text that goes into several fields (a page's description is in the related
         * pages' title field and in the search index's body) is analysed once.
         */
        public static Bag joined(List<Bag> parts) {
            if (parts.size() == 1) return parts.get(0);
            Map<String, int[]> c = new LinkedHashMap<>();
            int length = 0;
            for (Bag b : parts) {
                for (int i = 0; i < b.terms().length; i++) c.computeIfAbsent(b.terms()[i], k -> new int[1])[0] += b.counts()[i];
                length += b.length();
            }
            return of(c, length);
        }

        /** Terms counted, in the order the map has them. */
        private static Bag of(Map<String, int[]> counted, int length) {
            String[] terms = new String[counted.size()];
            int[] counts = new int[counted.size()];
            int k = 0;
            for (Map.Entry<String, int[]> e : counted.entrySet()) {
                terms[k] = e.getKey();
                counts[k++] = e.getValue()[0];
            }
            return new Bag(terms, counts, length);
        }
    }

    /** A bag as kept: its number of words, its number of terms, then each term's number and count. */
    private record Packed(byte[] code) {}

    /** What {@link #read} gives: the file's table of terms, and its bags by key. */
    public record Stored(List<String> terms, Map<String, ?> bags) {}

    private final Supplier<String> salt;
    private final boolean keeping;
    private volatile CompletableFuture<Stored> last;
    private volatile Map<String, Packed> used = new ConcurrentHashMap<>();
    /** The bags being made, by key: a thread that asks for one another thread is making waits for it. */
    private final Map<String, CompletableFuture<Packed>> making = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger analysed = new AtomicInteger();
    /**
     * Every term of the bags, by number: those of the last file first (its bags' numbers), then the new ones. Grown
     * under the lock of {@code numbers}; read without it, as a number is only ever had after its term was written.
     */
    private volatile String[] names = new String[1024];
    private int named;
    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private volatile boolean tableRead;
    /** Set by {@link #lookupsDone}: the bags are being written and then let go ({@link #forget}), so none may be asked for. */
    private volatile boolean done;

    private TextBags(Supplier<String> salt, boolean keeping, CompletableFuture<Stored> last) {
        this.salt = salt;
        this.keeping = keeping;
        this.last = last;
    }

    /** Analyses every text, keeps nothing. */
    public static TextBags none() {
        return new TextBags(() -> "", false, CompletableFuture.completedFuture(new Stored(List.of(), Map.of())));
    }

    /**
     * Bags that start from those of a file {@link #write} wrote, read on a thread of their own while the build does
     * other work, and collect those this build uses, for the next.
     *
     * @param salt what every bag depends on besides its text (the build cache's signature, which holds the code), asked
     *             for at each lookup
     * @param read reads the file: what {@link #read} gives, or null when there is none
     */
    public static TextBags kept(Supplier<String> salt, java.util.concurrent.Executor reader, Supplier<Stored> read) {
        return new TextBags(salt, true, CompletableFuture.supplyAsync(() -> {
            Stored s = read.get();
            return s == null ? new Stored(List.of(), Map.of()) : s;
        }, reader));
    }

    /** Bags kept in memory from build to build. */
    public static TextBags inMemory() {
        return new TextBags(() -> "", true, CompletableFuture.completedFuture(new Stored(List.of(), Map.of())));
    }

    /** A text known by its fingerprint ({@code key}), made only when its bag is not kept: one part of a field. */
    public record Text(String key, Supplier<String> text) {
        /** A text in memory; none (null) is the empty text. */
        public static Text of(String text) {
            String t = text == null ? "" : text;
            return new Text(Fingerprint.of(t), () -> t);
        }
    }

    /**
     * The bag of texts joined by white space, each part looked up (or analysed) on its own, a part given twice (the
     * related pages' title) once: see {@link Bag#joined}.
     */
    public Bag of(String analyzer, WordMemo memo, List<Text> parts) {
        if (parts.size() == 1) return of(analyzer, memo, parts.get(0).key(), parts.get(0).text());
        List<Bag> bags = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Text t = parts.get(i);
            int same = 0;
            while (same < i && !parts.get(same).key().equals(t.key())) same++;
            bags.add(same < i ? bags.get(same) : of(analyzer, memo, t.key(), t.text()));
        }
        return Bag.joined(bags);
    }

    /** The bag of {@code text} as {@code memo} analyses it; {@code analyzer} names the memo's chain (and language). */
    public Bag of(String analyzer, WordMemo memo, String text) {
        if (!keeping) return Bag.of(memo.words(text));
        return of(analyzer, memo, Fingerprint.of(text), () -> text);
    }

    /**
     * The bag of a text known by its fingerprint ({@code textKey}: {@link Fingerprint} of the text, or of what makes
     * it), made only when its bag is not kept: a page's text is fingerprinted once, when it is rendered, instead of at
     * each lookup of each build.
     */
    public Bag of(String analyzer, WordMemo memo, String textKey, Supplier<String> text) {
        if (!keeping) return Bag.of(memo.words(text.get()));
        if (done) throw new IllegalStateException("a text's bag asked for after the build's lookups were done: its terms would be let go");
        String key = new Fingerprint().add(salt.get()).add(analyzer).add(textKey).value();
        Packed p = used.get(key);
        if (p != null) return unpack(p); // the same text met again in this build (an empty field, a title used twice)
        // the related pages and the search index look up the same texts side by side: one of them analyses a text, the
        // other waits for its bag (the analysis itself waits for nothing, so no two threads wait for each other)
        CompletableFuture<Packed> mine = new CompletableFuture<>();
        CompletableFuture<Packed> theirs = making.putIfAbsent(key, mine);
        if (theirs != null) return unpack(theirs.join());
        try {
            p = used.get(key); // made and let go of by another thread since the first look
            if (p != null) {
                mine.complete(p);
                return unpack(p);
            }
            Stored before = last.join();
            table(before);
            p = before.bags().get(key) instanceof Packed k ? k : null;
            Bag b;
            if (p != null) {
                reused.incrementAndGet();
                b = unpack(p);
            } else {
                b = Bag.of(memo.words(text.get()));
                p = pack(b);
                analysed.incrementAndGet();
            }
            used.put(key, p);
            mine.complete(p);
            return b;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(key, mine);
        }
    }

    /**
     * Keeps the bag of a text known by its fingerprint for the next build without looking at it, when the last build
     * had it: its text was not analysed by this build because what it went into was taken whole (see
     * {@link KeptResults}), and the next build may need it.
     */
    public void keep(String analyzer, String textKey) {
        if (!keeping) return;
        if (done) throw new IllegalStateException("a text's bag kept after the build's lookups were done: its terms would be let go");
        String key = new Fingerprint().add(salt.get()).add(analyzer).add(textKey).value();
        if (used.containsKey(key)) return;
        Stored before = last.join();
        table(before);
        if (before.bags().get(key) instanceof Packed k) {
            used.put(key, k);
            reused.incrementAndGet();
        }
    }

    /** The last file's terms, first in the table: its bags are packed with their numbers. */
    private void table(Stored before) {
        if (tableRead) return;
        synchronized (numbers) {
            if (tableRead) return;
            for (String t : before.terms()) number(t);
            tableRead = true;
        }
    }

    private int number(String term) {
        Integer n = numbers.get(term);
        if (n != null) return n;
        synchronized (numbers) {
            n = numbers.get(term);
            if (n != null) return n;
            if (named == names.length) names = java.util.Arrays.copyOf(names, named * 2);
            names[named] = term;
            numbers.put(term, named);
            return named++;
        }
    }

    private Packed pack(Bag b) {
        int[] ns = new int[b.terms().length];
        for (int i = 0; i < ns.length; i++) ns[i] = number(b.terms()[i]);
        return pack(b.length(), ns, b.counts());
    }

    private static Packed pack(int length, int[] ns, int[] counts) {
        byte[] buffer = new byte[10 * (2 + ns.length * 2)];
        int at = put(buffer, 0, length);
        at = put(buffer, at, ns.length);
        for (int i = 0; i < ns.length; i++) {
            at = put(buffer, at, ns[i]);
            at = put(buffer, at, counts[i]);
        }
        return new Packed(java.util.Arrays.copyOf(buffer, at));
    }

    private Bag unpack(Packed p) {
        int[] at = {0};
        byte[] code = p.code();
        int length = get(code, at);
        int size = get(code, at);
        String[] terms = new String[size];
        int[] counts = new int[size];
        String[] table = names;
        for (int i = 0; i < size; i++) {
            terms[i] = table[get(code, at)];
            counts[i] = get(code, at);
        }
        return new Bag(terms, counts, length);
    }

    /** The preview's next build: the bags the last one used are the ones to look up; those it did not use are let go. */
    public void nextBuild() {
        Map<String, Packed> before = used;
        used = new ConcurrentHashMap<>();
        last = CompletableFuture.completedFuture(new Stored(List.of(), before));
    }

    /** Distinct texts whose bag was taken from before, and distinct texts analysed, so far. */
    public int[] counts() {
        return new int[] {reused.get(), analysed.get()};
    }

    /** The last build's bags are no longer looked up (this build's are all made): their memory goes. */
    public void lookupsDone() {
        last = CompletableFuture.completedFuture(new Stored(List.of(), Map.of()));
        done = true;
    }

    /**
     * Lets go of every bag and term, once they are written: only when nothing looks bags up any more (in a build, after
     * the search index); the preview never calls it.
     */
    public void forget() {
        used = new ConcurrentHashMap<>();
        synchronized (numbers) {
            numbers.clear();
            names = new String[1024];
            named = 0;
            tableRead = true;
        }
    }

    /**
     * The bags this build used, in a format {@link #read} reads: the table of terms, then each bag as it is kept. When
     * fewer than half the terms of the table are still used (it keeps those of the files before), the terms are
     * numbered afresh.
     */
    public void write(DataOutputStream out) throws IOException {
        List<Map.Entry<String, Packed>> entries = new ArrayList<>(used.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        List<String> table;
        synchronized (numbers) {
            table = new ArrayList<>(java.util.Arrays.asList(names).subList(0, named));
        }
        int[] renumbered = new int[table.size()];
        java.util.Arrays.fill(renumbered, -1);
        int alive = 0;
        for (Map.Entry<String, Packed> e : entries) {
            byte[] code = e.getValue().code();
            int[] at = {0};
            get(code, at);
            for (int i = get(code, at); i > 0; i--) {
                int n = get(code, at);
                if (renumbered[n] < 0) renumbered[n] = alive++;
                get(code, at);
            }
        }
        boolean afresh = alive * 2 < table.size();
        if (afresh) {
            List<String> kept = new ArrayList<>(java.util.Collections.nCopies(alive, ""));
            for (int n = 0; n < table.size(); n++) if (renumbered[n] >= 0) kept.set(renumbered[n], table.get(n));
            table = kept;
        }
        out.writeInt(table.size());
        for (String t : table) CacheFiles.writeString(out, t);
        out.writeInt(entries.size());
        for (Map.Entry<String, Packed> e : entries) {
            byte[] code = e.getValue().code();
            if (afresh) code = renumber(code, renumbered);
            out.writeUTF(e.getKey());
            out.writeInt(code.length);
            out.write(code);
        }
    }

    private static byte[] renumber(byte[] code, int[] renumbered) {
        int[] at = {0};
        int length = get(code, at);
        int size = get(code, at);
        int[] ns = new int[size];
        int[] counts = new int[size];
        for (int i = 0; i < size; i++) {
            ns[i] = renumbered[get(code, at)];
            counts[i] = get(code, at);
        }
        return pack(length, ns, counts).code();
    }

    /** What {@link #write} wrote. */
    public static Stored read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("more terms than bytes");
        List<String> terms = new ArrayList<>(n);
        java.util.Set<String> distinct = new java.util.HashSet<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            String t = CacheFiles.readString(in);
            if (!distinct.add(t)) throw new IOException("a term twice in the table"); // every number after it would shift
            terms.add(t);
        }
        int bags = in.readInt();
        if (bags < 0 || bags > in.available()) throw new IOException("more bags than bytes");
        Map<String, Packed> out = new HashMap<>(Math.max(16, bags * 2));
        for (int i = 0; i < bags; i++) {
            String key = in.readUTF();
            int size = in.readInt();
            if (size < 0 || size > in.available()) throw new IOException("a bag past the end of the file");
            byte[] code = new byte[size];
            in.readFully(code);
            checkPacked(code, n);
            out.put(key, new Packed(code));
        }
        return new Stored(List.copyOf(terms), out);
    }

    /** A bag whose numbers run past its bytes or name a term the table lacks is a broken file. */
    private static void checkPacked(byte[] code, int terms) throws IOException {
        try {
            int[] at = {0};
            if (get(code, at) < 0) throw new IOException("a bag of fewer than no words");
            int size = get(code, at);
            if (size < 0 || size > code.length) throw new IOException("a bag of more terms than bytes");
            for (int i = size; i > 0; i--) {
                int n = get(code, at);
                if (n < 0 || n >= terms) throw new IOException("a term that is not in the file");
                if (get(code, at) < 1) throw new IOException("a term counted less than once");
            }
            if (at[0] != code.length) throw new IOException("a bag with bytes left over");
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IOException("a bag cut short");
        }
    }

    /** A number of 0 or more in 7-bit groups, low first, into {@code buffer} at {@code at}; returns where the next goes. */
    private static int put(byte[] buffer, int at, int n) {
        while ((n & ~0x7F) != 0) {
            buffer[at++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        buffer[at++] = (byte) n;
        return at;
    }

    /** The number at {@code at[0]}, which moves past it; -1 for one of more than 32 bits (only in a broken file). */
    private static int get(byte[] code, int[] at) {
        int n = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = code[at[0]++];
            n |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return n;
        }
        return -1;
    }
}
