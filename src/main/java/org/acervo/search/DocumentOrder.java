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
            Integer[] idx = new Integer[t.df()];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            java.util.Arrays.sort(idx, (a, b) -> Float.compare(t.scores()[b], t.scores()[a]));
            int taken = 0;
            for (int k = 0; k < idx.length && taken < TOP; k++) {
                int doc = t.docs()[idx[k]];
                taken++;
                if (placed[doc]) continue;
                placed[doc] = true;
                order[next++] = doc;
            }
        }
        for (int d = 0; d < docCount; d++) if (!placed[d]) order[next++] = d;
        return order;
    }
}
