package io.packetgrid.pem.journal;

import io.netty.util.internal.PlatformDependent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The set of (device, seq) pairs known durable in the journal, for STATUS answers: open-addressing
 * hash sets of longs (16 bytes per packet at half load), split into 256 shards by hash so that a
 * growing shard rehashes only its own part (a single table of millions of entries would stall
 * the adding thread for tens of milliseconds each time it doubles). Thread-safe (one lock per
 * shard). It grows with the number of packets journaled since start (including those recovered).
 *
 * <p>The tables live in direct memory, outside the Java heap: a set that grows by 20,000 keys a
 * second for as long as the server runs would otherwise be copied by every young collection until
 * it is old enough to be promoted, which made the server's collections pause for tens of
 * milliseconds (docs/protocol.md "Latency"). A shard that doubles frees its old table at once; the
 * last tables are freed by their cleaners when the index itself is collected.
 */
public final class JournaledIndex {
    private static final long EMPTY = 0;
    private static final int SHARD_BITS = 8;
    private static final int SHARDS = 1 << SHARD_BITS;
    private static final int FIRST_SLOTS = 256;

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

    /** Bytes of direct memory the tables take. */
    public long tableBytes() {
        long n = 0;
        for (Shard s : shards) {
            n += s.tableBytes();
        }
        return n;
    }

    private static ByteBuffer table(int slots) {
        return ByteBuffer.allocateDirect(slots * Long.BYTES).order(ByteOrder.nativeOrder()); // zeroed: all EMPTY
    }

    /** One shard: {@code slots} longs in a direct buffer, linear probing, at most half full. */
    private static final class Shard {
        private ByteBuffer table = table(FIRST_SLOTS);
        private int slots = FIRST_SLOTS;
        private int size;

        synchronized boolean add(long key, int h) {
            if (2 * (size + 1) > slots) {
                grow();
            }
            if (insert(table, slots, key, h)) {
                size++;
                return true;
            }
            return false;
        }

        private static boolean insert(ByteBuffer t, int slots, long key, int h) {
            int mask = slots - 1;
            int i = h & mask;
            long k;
            while ((k = t.getLong(i << 3)) != EMPTY) {
                if (k == key) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            t.putLong(i << 3, key);
            return true;
        }

        private void grow() {
            int n = slots * 2;
            ByteBuffer t = table(n);
            for (int i = 0; i < slots; i++) {
                long k = table.getLong(i << 3);
                if (k != EMPTY) {
                    insert(t, n, k, (int) mix(k));
                }
            }
            ByteBuffer old = table;
            table = t;
            slots = n;
            PlatformDependent.freeDirectBuffer(old); // now, not at some later full collection
        }

        synchronized boolean contains(long key, int h) {
            int mask = slots - 1;
            int i = h & mask;
            long k;
            while ((k = table.getLong(i << 3)) != EMPTY) {
                if (k == key) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
        }

        synchronized int size() {
            return size;
        }

        synchronized long tableBytes() {
            return (long) slots * Long.BYTES;
        }
    }
}
