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
 * {@link Fingerprint} of the very text, so an edited text is analysed again and an unchanged one is not.
 *
 * <p>{@link #none()} keeps nothing (one-off builds). {@link #kept} starts from the bags of the last build (read from
 * the build cache) and collects those this build uses, for the next. {@link #inMemory()} keeps them in memory, for the
 * preview: a bag unused for a whole build is let go ({@link #nextBuild}). Thread-safe.
 */
public class TextBags {
    /**
     * A text's analysed terms, each once, with how often it occurs; {@code length} words in all. {@code numbers} are the
     * terms' numbers in the file the bag was read from (null for a bag analysed in this build).
     */
    public record Bag(String[] terms, int[] counts, int length, int[] numbers) {
        public Bag(String[] terms, int[] counts, int length) {
            this(terms, counts, length, null);
        }

        /** The words of a text, counted. */
        public static Bag of(WordMemo.Words words) {
            Map<String, int[]> c = new LinkedHashMap<>(Math.max(16, words.size()));
            for (int i = 0; i < words.size(); i++) c.computeIfAbsent(words.terms()[i], k -> new int[1])[0]++;
            String[] terms = new String[c.size()];
            int[] counts = new int[c.size()];
            int k = 0;
            for (Map.Entry<String, int[]> e : c.entrySet()) {
                terms[k] = e.getKey();
                counts[k++] = e.getValue()[0];
            }
            return new Bag(terms, counts, words.size());
        }
    }

    private static final TextBags NONE = new TextBags(() -> "", CompletableFuture.completedFuture(Map.of())) {
        @Override
        public Bag of(String analyzer, WordMemo memo, String text) {
            return Bag.of(memo.words(text));
        }
    };

    private final Supplier<String> salt;
    private volatile CompletableFuture<Map<String, Bag>> last;
    private volatile Map<String, Bag> used = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger analysed = new AtomicInteger();

    private TextBags(Supplier<String> salt, CompletableFuture<Map<String, Bag>> last) {
        this.salt = salt;
        this.last = last;
    }

    /** Analyses every text, keeps nothing. */
    public static TextBags none() {
        return NONE;
    }

    /** Bags kept in memory from build to build. */
    public static TextBags inMemory() {
        return new TextBags(() -> "", CompletableFuture.completedFuture(Map.of()));
    }

    /** The bag of {@code text} as {@code memo} analyses it; {@code analyzer} names the memo's chain (and language). */
    public Bag of(String analyzer, WordMemo memo, String text) {
        String key = new Fingerprint().add(salt.get()).add(analyzer).add(text).value();
        Bag b = used.get(key);
        if (b != null) return b; // the same text met again in this build (an empty field, a title used twice)
        b = last.join().get(key);
        if (b != null) {
            reused.incrementAndGet();
        } else {
            b = Bag.of(memo.words(text));
            analysed.incrementAndGet();
        }
        used.put(key, b);
        return b;
    }

    /** The preview's next build: the bags the last one used are the ones to look up; those it did not use are let go. */
    public void nextBuild() {
        Map<String, Bag> before = used;
        used = new ConcurrentHashMap<>();
        last = CompletableFuture.completedFuture(before);
    }

    /** Distinct texts whose bag was taken from before, and distinct texts analysed, so far. */
    public int[] counts() {
        return new int[] {reused.get(), analysed.get()};
    }

    /**
     * The bags this build used, in a format {@link #read} reads: the terms once, then each bag as term numbers. The
     * terms of the file the last bags came from keep their numbers, so a bag taken from it is written as it was read,
     * without looking up each of its terms; new terms follow them. When fewer than half the terms are still used, the
     * terms are numbered afresh.
     */
    public void write(DataOutputStream out) throws IOException {
        List<Map.Entry<String, Bag>> entries = new ArrayList<>(used.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        List<String> terms = new ArrayList<>(lastTerms.join());
        boolean[] live = new boolean[terms.size()];
        int alive = 0;
        for (Map.Entry<String, Bag> e : entries) {
            int[] numbers = e.getValue().numbers();
            if (numbers == null) continue;
            for (int n : numbers) {
                if (!live[n]) {
                    live[n] = true;
                    alive++;
                }
            }
        }
        boolean renumber = alive * 2 < terms.size();
        if (renumber) terms.clear();
        Map<String, Integer> ids = null; // made only when some bag needs numbers
        byte[] buffer = new byte[1 << 12];
        List<byte[]> encoded = new ArrayList<>(entries.size());
        for (Map.Entry<String, Bag> e : entries) {
            Bag b = e.getValue();
            int[] numbers = renumber ? null : b.numbers();
            if (numbers == null) {
                if (ids == null) {
                    ids = new HashMap<>(Math.max(16, terms.size() * 2));
                    for (int i = 0; i < terms.size(); i++) ids.putIfAbsent(terms.get(i), i);
                }
                numbers = new int[b.terms().length];
                for (int i = 0; i < numbers.length; i++) {
                    Integer id = ids.get(b.terms()[i]);
                    if (id == null) {
                        id = terms.size();
                        ids.put(b.terms()[i], id);
                        terms.add(b.terms()[i]);
                    }
                    numbers[i] = id;
                }
            }
            if (buffer.length < 10 * (numbers.length + 1)) buffer = new byte[10 * (numbers.length + 1)];
            int at = number(buffer, 0, numbers.length);
            for (int i = 0; i < numbers.length; i++) {
                at = number(buffer, at, numbers[i]);
                at = number(buffer, at, b.counts()[i]);
            }
            encoded.add(java.util.Arrays.copyOf(buffer, at));
        }
        out.writeInt(terms.size());
        for (String t : terms) CacheFiles.writeString(out, t);
        out.writeInt(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            out.writeUTF(entries.get(i).getKey());
            out.writeInt(entries.get(i).getValue().length());
            out.write(encoded.get(i));
        }
    }

    /**
     * Bags that start from those of a file {@link #write} wrote, read on a thread of their own while the build does
     * other work, and collect those this build uses, for the next.
     *
     * @param salt what every bag depends on besides its text (the build cache's signature, which holds the code), asked
     *             for at each lookup
     * @param read reads the file: what {@link #read} gives, or null when there is none
     */
    public static TextBags kept(Supplier<String> salt, java.util.concurrent.Executor reader,
                                Supplier<Map.Entry<List<String>, Map<String, Bag>>> read) {
        CompletableFuture<Map.Entry<List<String>, Map<String, Bag>>> file = CompletableFuture.supplyAsync(read, reader);
        TextBags bags = new TextBags(salt, file.thenApply(f -> f == null ? Map.<String, Bag>of() : f.getValue()));
        bags.lastTerms = file.thenApply(f -> f == null ? List.<String>of() : f.getKey());
        return bags;
    }

    /** The terms of the file the last bags were read from, in their order (their numbers there). */
    private volatile CompletableFuture<List<String>> lastTerms = CompletableFuture.completedFuture(List.of());

    /** What {@link #write} wrote: its terms in their order, and its bags by key. */
    public static Map.Entry<List<String>, Map<String, Bag>> read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("more terms than bytes");
        String[] terms = new String[n];
        for (int i = 0; i < n; i++) terms[i] = CacheFiles.readString(in);
        int bags = in.readInt();
        if (bags < 0 || bags > in.available()) throw new IOException("more bags than bytes");
        Map<String, Bag> out = new HashMap<>(Math.max(16, bags * 2));
        for (int i = 0; i < bags; i++) {
            String key = in.readUTF();
            int length = in.readInt();
            int size = readNumber(in);
            if (size > in.available()) throw new IOException("a bag past the end of the file");
            String[] t = new String[size];
            int[] c = new int[size];
            int[] numbers = new int[size];
            for (int k = 0; k < size; k++) {
                int id = readNumber(in);
                if (id >= n) throw new IOException("a term that is not in the file");
                numbers[k] = id;
                t[k] = terms[id];
                c[k] = readNumber(in);
            }
            out.put(key, new Bag(t, c, length, numbers));
        }
        return Map.entry(List.of(terms), out);
    }

    /**
     * A number of 0 or more in 7-bit groups, low first, into {@code buffer} at {@code at}: most term numbers and counts
     * take one or two bytes. Returns where the next goes.
     */
    private static int number(byte[] buffer, int at, int n) {
        while ((n & ~0x7F) != 0) {
            buffer[at++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        buffer[at++] = (byte) n;
        return at;
    }

    private static int readNumber(DataInputStream in) throws IOException {
        int n = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            n |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return n;
        }
        throw new IOException("a number of more than 32 bits");
    }
}
