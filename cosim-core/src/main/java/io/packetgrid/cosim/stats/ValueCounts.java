package io.packetgrid.cosim.stats;

import java.util.Arrays;

/**
 * A multiset of {@code long} values (latencies in ns, say) kept as one count per distinct value, answering the
 * sorted order statistics exactly: {@link #at}(i) is what {@code sorted[i]} of every value sorted would be. For
 * values that repeat this takes memory per distinct value instead of eight bytes per sample in an array that
 * grows by doubling: the coupled study's network delivers on a few dozen distinct delays (the default study's
 * 84-92 thousand one-way latencies per variant take 49-50 values; the HPK11 day has millions per variant). With
 * every value distinct it takes about four times the array's memory. Counts live in an open-addressing table
 * (linear probing, at most half full); the sorted view is built on the first query after a change.
 */
public final class ValueCounts {
    private long[] keys = new long[64];
    private long[] counts = new long[64];   // 0: the slot is free
    private int distinct;
    private long size;
    // the sorted view: distinct values ascending and the running count up to and including each
    private long[] sortedValues;
    private long[] cumulative;

    /** Adds one value. */
    public void add(long value) {
        add(value, 1);
    }

    /** Adds {@code n} samples of the same value. */
    public void add(long value, long n) {
        if (n <= 0) {
            return;
        }
        int i = slot(value, keys.length);
        while (counts[i] != 0 && keys[i] != value) {
            i = (i + 1) & (keys.length - 1);
        }
        if (counts[i] == 0) {
            keys[i] = value;
            distinct++;
        }
        counts[i] += n;
        size += n;
        sortedValues = null;
        if (2 * distinct > keys.length) {
            grow();
        }
    }

    /** Adds every value of an array. */
    public void addAll(long[] values) {
        for (long v : values) {
            add(v);
        }
    }

    /** Adds every sample of another multiset. */
    public void addAll(ValueCounts other) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.counts[i] != 0) {
                add(other.keys[i], other.counts[i]);
            }
        }
    }

    /** How many samples. */
    public long size() {
        return size;
    }

    /** How many distinct values. */
    public int distinct() {
        return distinct;
    }

    /**
     * The value at position {@code index} (0-based) of all samples sorted ascending.
     *
     * @throws IndexOutOfBoundsException outside [0, size)
     */
    public long at(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size + " samples");
        }
        if (sortedValues == null) {
            sort();
        }
        // the first distinct value whose running count exceeds the index
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > index) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return sortedValues[lo];
    }

    /**
     * The q-quantile by the nearest-rank rule: the ⌈q·n⌉-th smallest sample (1-based; the smallest for q = 0), the
     * smallest value with at least a share q of the samples at or below it (Hyndman and Fan 1996, definition 1).
     *
     * @throws IndexOutOfBoundsException without samples
     */
    public long nearestRank(double q) {
        long rank = (long) Math.ceil(q * size);
        return at(Math.max(0, Math.min(size - 1, rank - 1)));
    }

    /** The {@code d}-th smallest distinct value ({@code d} in [0, {@link #distinct()})). */
    public long distinctValue(int d) {
        if (sortedValues == null) {
            sort();
        }
        return sortedValues[d];
    }

    /** How many samples hold the {@code d}-th smallest distinct value. */
    public long distinctCount(int d) {
        if (sortedValues == null) {
            sort();
        }
        return d == 0 ? cumulative[0] : cumulative[d] - cumulative[d - 1];
    }

    private void sort() {
        long[] values = new long[distinct];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] != 0) {
                values[n++] = keys[i];
            }
        }
        Arrays.sort(values);
        long[] cum = new long[distinct];
        long running = 0;
        for (int d = 0; d < distinct; d++) {
            running += counts[find(values[d])];
            cum[d] = running;
        }
        cumulative = cum;
        sortedValues = values;
    }

    private int find(long value) {
        int i = slot(value, keys.length);
        while (keys[i] != value || counts[i] == 0) {
            i = (i + 1) & (keys.length - 1);
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[2 * oldKeys.length];
        counts = new long[2 * oldKeys.length];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldCounts[j] != 0) {
                int i = slot(oldKeys[j], keys.length);
                while (counts[i] != 0) {
                    i = (i + 1) & (keys.length - 1);
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    /** A table position from the value's bits (Fibonacci hashing: values that share their low bits spread too). */
    private static int slot(long value, int length) {
        return (int) ((value * 0x9E37_79B9_7F4A_7C15L) >>> (64 - Integer.numberOfTrailingZeros(length)));
    }
}
