package io.packetgrid.pem.policy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable array of longs or ints in direct memory, outside the Java heap, made of chunks of
 * 4,096 elements that are allocated once and never copied: growing adds a chunk. Tables that grow
 * with the number of running packets (millions in a busy server) thus give the garbage collector
 * nothing to copy, and growing never stalls the caller with a copy of the whole table. A chunk's
 * memory is freed by its buffer's cleaner when the owner is collected. Not thread-safe.
 */
final class DirectChunks {
    static final int SHIFT = 12;
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private final int shift; // log2 of the element's bytes
    private ByteBuffer[] chunks = new ByteBuffer[0];
    private int chunkCount;

    private DirectChunks(int elementBytes) {
        this.shift = Integer.numberOfTrailingZeros(elementBytes);
    }

    static DirectChunks ofLongs() {
        return new DirectChunks(Long.BYTES);
    }

    static DirectChunks ofInts() {
        return new DirectChunks(Integer.BYTES);
    }

    /** Elements that can be stored without growing. */
    int capacity() {
        return chunkCount << SHIFT;
    }

    /** Makes elements {@code 0..n-1} addressable (new ones read 0). */
    void ensure(int n) {
        while (capacity() < n) {
            if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.max(8, 2 * chunks.length)); // references only
            }
            chunks[chunkCount++] = ByteBuffer.allocateDirect(CHUNK << shift).order(ByteOrder.nativeOrder());
        }
    }

    long getLong(int i) {
        return chunks[i >>> SHIFT].getLong((i & MASK) << 3);
    }

    void putLong(int i, long v) {
        chunks[i >>> SHIFT].putLong((i & MASK) << 3, v);
    }

    int getInt(int i) {
        return chunks[i >>> SHIFT].getInt((i & MASK) << 2);
    }

    void putInt(int i, int v) {
        chunks[i >>> SHIFT].putInt((i & MASK) << 2, v);
    }
}
