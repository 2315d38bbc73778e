package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.ConnectionPoint;
import java.util.Arrays;

/**
 * Connection points ({@code bus, phase}) → small int slots, open addressing with linear probing on a
 * primitive long key, so that look-ups on the admission path neither box nor allocate. Slots are
 * handed out in insertion order from 0.
 */
final class PointIndex {
    private static final long EMPTY = -1;
    private long[] keys = new long[16];
    private int[] slots = new int[16];
    private int size;

    PointIndex() {
        Arrays.fill(keys, EMPTY);
    }

    static long key(int bus, int phase) {
        return ((long) bus << 8) | phase;
    }

    static long key(ConnectionPoint p) {
        return key(p.bus(), p.phase());
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(keys, EMPTY);
        size = 0;
    }

    /** The slot of the key, or −1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return slots[i];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    /** The slot of the key, a new one (= the previous size) if absent. */
    int add(long key) {
        int s = get(key);
        if (s >= 0) {
            return s;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        put(key, size);
        return size++;
    }

    private void put(long key, int slot) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldSlots[i]);
            }
        }
    }

    /** Fibonacci hashing of the 32 useful bits (bus: 24, phase: 8). */
    private static int mix(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40);
    }
}
