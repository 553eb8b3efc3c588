package org.acervo.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Numbers the pages so that a term's best pages sit next to each other: pages are stored in
 * byte-capped shards by number, and a query needs the shards of its top ten results. Going
 * through the terms from the most common down, each term's ten best pages not yet placed are
 * placed next; so for a common word the top results share one or two shards instead of ten.
 */
final class DocumentOrder {
    static final int TOP = 10;

    private DocumentOrder() {}

    /** {@code order[newId] = oldId}. */
    static int[] of(List<TermPostings> terms, int docCount) {
        boolean[] placed = new boolean[docCount];
        int[] order = new int[docCount];
        int next = 0;
        List<TermPostings> byDf = new ArrayList<>(terms);
        byDf.sort(Comparator.comparingInt(TermPostings::df).reversed().thenComparing(TermPostings::term));
        for (TermPostings t : byDf) {
            if (next == docCount) break;
            if (t.df() < 2) break;
            int[] top = best(t.scores());
            for (int k : top) {
                int doc = t.docs()[k];
                if (placed[doc]) continue;
                placed[doc] = true;
                order[next++] = doc;
            }
        }
        for (int d = 0; d < docCount; d++) if (!placed[d]) order[next++] = d;
        return order;
    }

    /**
     * The positions of the {@link #TOP} highest scores, highest first, equal scores in the order they come: what a stable
     * sort of every position by score would put first, in one pass, each score compared with the lowest of the few kept.
     */
    static int[] best(float[] scores) {
        int[] kept = new int[Math.min(TOP, scores.length)];
        int found = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (found == kept.length && Float.compare(s, scores[kept[found - 1]]) <= 0) continue;
            int at = found == kept.length ? found - 1 : found++;
            while (at > 0 && Float.compare(s, scores[kept[at - 1]]) > 0) {
                kept[at] = kept[at - 1];
                at--;
            }
            kept[at] = i;
        }
        return kept;
    }
}
