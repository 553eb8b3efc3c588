package org.acervo.problem;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for unknown names: the nearest known name by edit distance. */
public final class Suggestions {
    private Suggestions() {}

    /** The closest candidate within a distance that scales with the word's length, if any. */
    public static Optional<String> nearest(String wrong, Collection<String> known) {
        if (wrong == null) return Optional.empty();
        String w = fold(wrong);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(w, fold(k));
            if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, w.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** A hint such as {@code did you mean 'topics'?}, or the list of known names when none is close. */
    public static String hint(String wrong, Collection<String> known, String what) {
        Optional<String> n = nearest(wrong, known);
        if (n.isPresent()) return "did you mean '" + n.get() + "'?";
        if (known.isEmpty()) return "there are no " + what;
        return what + ": " + String.join(", ", known.stream().sorted().limit(40).toList())
                + (known.size() > 40 ? ", ..." : "");
    }

    static String fold(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "");
    }

    /** Edit distance (Levenshtein) between two words. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
