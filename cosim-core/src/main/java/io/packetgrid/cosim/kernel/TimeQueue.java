package io.packetgrid.cosim.kernel;

import io.packetgrid.cosim.time.SimTime;
import java.util.Arrays;

/**
 * An indexed binary min-heap of federates keyed by requested time, one entry per federate, ties
 * broken by federate index (registration order), so the order never depends on hashing or timing.
 */
final class TimeQueue {
    private final int[] heap;     // federate indices
    private final int[] pos;      // position of each federate in heap, -1 if absent
    private final long[] time;    // requested time of each federate
    private int size;

    TimeQueue(int federates) {
        heap = new int[federates];
        pos = new int[federates];
        time = new long[federates];
        Arrays.fill(pos, -1);
        Arrays.fill(time, SimTime.NEVER);
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peekTime() {
        return size == 0 ? SimTime.NEVER : time[heap[0]];
    }

    int peekFederate() {
        return heap[0];
    }

    long timeOf(int federate) {
        return time[federate];
    }

    /** Sets (or clears, with NEVER) the requested time of {@code federate}. */
    void set(int federate, long t) {
        int p = pos[federate];
        if (t == SimTime.NEVER) {
            if (p >= 0) {
                removeAt(p);
            }
            time[federate] = SimTime.NEVER;
            return;
        }
        long old = time[federate];
        time[federate] = t;
        if (p < 0) {
            heap[size] = federate;
            pos[federate] = size;
            up(size++);
        } else if (t < old) {
            up(p);
        } else if (t > old) {
            down(p);
        }
    }

    int poll() {
        int f = heap[0];
        removeAt(0);
        time[f] = SimTime.NEVER;
        return f;
    }

    private void removeAt(int p) {
        int f = heap[p];
        pos[f] = -1;
        size--;
        if (p < size) {
            heap[p] = heap[size];
            pos[heap[p]] = p;
            down(p);
            up(p);
        }
    }

    private boolean less(int a, int b) {
        long ta = time[a];
        long tb = time[b];
        return ta < tb || (ta == tb && a < b);
    }

    private void up(int p) {
        int f = heap[p];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int g = heap[parent];
            if (!less(f, g)) {
                break;
            }
            heap[p] = g;
            pos[g] = p;
            p = parent;
        }
        heap[p] = f;
        pos[f] = p;
    }

    private void down(int p) {
        int f = heap[p];
        int half = size >>> 1;
        while (p < half) {
            int c = 2 * p + 1;
            int r = c + 1;
            if (r < size && less(heap[r], heap[c])) {
                c = r;
            }
            if (!less(heap[c], f)) {
                break;
            }
            heap[p] = heap[c];
            pos[heap[p]] = p;
            p = c;
        }
        heap[p] = f;
        pos[f] = p;
    }
}
