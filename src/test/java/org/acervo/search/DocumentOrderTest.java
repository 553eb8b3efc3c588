package org.acervo.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A term's best pages, chosen in one pass, are those a stable sort of all its pages by score puts first. */
class DocumentOrderTest {
    private static int[] bySorting(float[] scores) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Float.compare(scores[b], scores[a]));
        return Arrays.stream(idx).limit(DocumentOrder.TOP).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void theBestPagesAreThoseOfAStableSortWithTiesInTheirOrder() {
        Random random = new Random(8);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(40);
            float[] scores = new float[n];
            // few levels, so that many scores are equal, as quantised ones are; and the odd zero of either sign
            for (int i = 0; i < n; i++) scores[i] = random.nextInt(10) == 0 ? (random.nextBoolean() ? 0f : -0f) : random.nextInt(6) * 0.5f;
            assertArrayEquals(bySorting(scores), DocumentOrder.best(scores), "scores " + Arrays.toString(scores));
        }
    }
}
