package io.packetgrid.cosim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The counts answer every position of the sorted samples as sorting all of them does (the oracle: Arrays.sort). */
class ValueCountsTest {

    private static void assertSameOrderStatistics(long[] all, ValueCounts c) {
        long[] sorted = all.clone();
        Arrays.sort(sorted);
        assertEquals(sorted.length, c.size());
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(sorted[i], c.at(i), "position " + i);
        }
        // the distinct values ascending with their counts spell out the same sorted array
        int i = 0;
        for (int d = 0; d < c.distinct(); d++) {
            for (long k = c.distinctCount(d); k > 0; k--) {
                assertEquals(sorted[i++], c.distinctValue(d), "distinct value " + d);
            }
        }
        assertEquals(sorted.length, i);
        // nearest-rank quantiles: the ceil(q n)-th smallest, the smallest for q = 0
        for (double q : new double[] {0, 1e-9, 0.001, 0.25, 0.5, 0.9, 0.99, 0.999, 1}) {
            int rank = (int) Math.ceil(q * sorted.length);
            assertEquals(sorted[Math.max(0, rank - 1)], c.nearestRank(q), "q " + q);
        }
    }

    @Test
    void fewValuesManyTimes() {
        // slot-like delays: 40 values, 20 000 samples, in a random order
        SplittableRandom r = new SplittableRandom(7);
        long[] all = new long[20_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = 357_143L * (1 + r.nextInt(40)) + 15_000_000L;
        }
        ValueCounts c = new ValueCounts();
        c.addAll(all);
        assertEquals(40, c.distinct());
        assertSameOrderStatistics(all, c);
    }

    @Test
    void everyValueDistinctAndZeroAndNegative() {
        // more distinct values than the first table holds (it grows), 0 (an ideal network) and a negative value
        SplittableRandom r = new SplittableRandom(11);
        long[] all = new long[5_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = r.nextLong(-1_000, 1L << 40);
        }
        all[17] = 0;
        all[18] = 0;
        ValueCounts c = new ValueCounts();
        for (long v : all) {
            c.add(v);
        }
        assertSameOrderStatistics(all, c);
    }

    @Test
    void mergedSetsAndQueriesBetweenAdds() {
        long[] a = {5, 3, 3, 9, 1};
        long[] b = {3, 7, 7, 0};
        ValueCounts ca = new ValueCounts();
        ca.addAll(a);
        assertEquals(9, ca.at(4));          // a query, then more values: the sorted view is rebuilt
        ValueCounts cb = new ValueCounts();
        cb.addAll(b);
        ca.addAll(cb);
        assertSameOrderStatistics(new long[] {5, 3, 3, 9, 1, 3, 7, 7, 0}, ca);
    }

    @Test
    void emptyAndPositionsOutsideTheSetAreRefused() {
        ValueCounts c = new ValueCounts();
        assertEquals(0, c.size());
        assertEquals(0, c.distinct());
        assertThrows(IndexOutOfBoundsException.class, () -> c.at(0));
        assertThrows(IndexOutOfBoundsException.class, () -> c.nearestRank(0.5));
        c.add(4);
        assertThrows(IndexOutOfBoundsException.class, () -> c.at(1));
        assertThrows(IndexOutOfBoundsException.class, () -> c.at(-1));
    }
}
