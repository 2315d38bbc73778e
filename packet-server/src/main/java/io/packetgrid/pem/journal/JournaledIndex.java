package io.packetgrid.pem.journal;

/**
 * The set of (device, seq) pairs known durable in the journal, for STATUS answers: open-addressing
 * hash sets of longs (16 bytes per packet at half load), split into 256 shards by hash so that a
 * growing shard rehashes only its own part (a single table of millions of entries would stall
 * the adding thread for tens of milliseconds each time it doubles). Thread-safe (one lock per
 * shard). It grows with the number of packets journaled since start (including those recovered).
 */
public final class JournaledIndex {
    private static final long EMPTY = 0;
    private static final int SHARD_BITS = 8;
    private static final int SHARDS = 1 << SHARD_BITS;

    private final Shard[] shards = new Shard[SHARDS];

    public JournaledIndex() {
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Shard();
        }
    }

    private static long mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private Shard shard(long h) {
        return shards[(int) (h >>> (64 - SHARD_BITS))];
    }

    /** Adds the key; false if it was already there. */
    public boolean add(long key) {
        if (key == EMPTY) {
            return false;
        }
        long h = mix(key);
        return shard(h).add(key, (int) h);
    }

    public boolean contains(long key) {
        if (key == EMPTY) {
            return false;
        }
        long h = mix(key);
        return shard(h).contains(key, (int) h);
    }

    public int size() {
        int n = 0;
        for (Shard s : shards) {
            n += s.size();
        }
        return n;
    }

    private static final class Shard {
        private long[] table = new long[256];
        private int size;

        synchronized boolean add(long key, int h) {
            if (2 * (size + 1) > table.length) {
                grow();
            }
            if (insert(table, key, h)) {
                size++;
                return true;
            }
            return false;
        }

        private static boolean insert(long[] t, long key, int h) {
            int mask = t.length - 1;
            int i = h & mask;
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
                    insert(n, k, (int) mix(k));
                }
            }
            table = n;
        }

        synchronized boolean contains(long key, int h) {
            int mask = table.length - 1;
            int i = h & mask;
            while (table[i] != EMPTY) {
                if (table[i] == key) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
        }

        synchronized int size() {
            return size;
        }
    }
}
