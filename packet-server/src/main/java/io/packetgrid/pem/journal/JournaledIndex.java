package io.packetgrid.pem.journal;

/**
 * The set of (device, seq) pairs known durable in the journal, for STATUS answers: an
 * open-addressing hash set of longs (16 bytes per packet at half load). Thread-safe (one lock).
 * It grows with the number of packets journaled since start (including those recovered).
 */
public final class JournaledIndex {
    private static final long EMPTY = 0;
    private long[] table = new long[1 << 16];
    private int size;

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    public synchronized void add(long key) {
        if (key == EMPTY) {
            return;
        }
        if (2 * (size + 1) > table.length) {
            grow();
        }
        if (insert(table, key)) {
            size++;
        }
    }

    private static boolean insert(long[] t, long key) {
        int mask = t.length - 1;
        int i = mix(key) & mask;
        while (t[i] != EMPTY) {
            if (t[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        t[i] = key;
        return true;
    }

    private void grow() {
        long[] n = new long[table.length * 2];
        for (long k : table) {
            if (k != EMPTY) {
                insert(n, k);
            }
        }
        table = n;
    }

    public synchronized boolean contains(long key) {
        int mask = table.length - 1;
        int i = mix(key) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == key) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public synchronized int size() {
        return size;
    }
}
