package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DeviceEvent;
import java.util.Arrays;

/**
 * Aggregate estimate from the request/response stream alone (IREP 2022 §III, PEM-NOTES §3.2;
 * with per-packet timers as Khurram et al. TSG 2022 §3.3): demand rises when packets are accepted
 * or devices opt out (exit-ON), and falls when a packet expires (timer) or is interrupted, or an
 * opted-out device rejoins. {@code baseKw} is the initial estimate (e.g. from a measurement).
 * An interruption cancels the device's running packet, so its expiry is not counted twice.
 */
public final class EventEstimator implements AggregateEstimator {
    /*
     * Running packets in primitive arrays (no object per packet, so a server holding millions of
     * running packets gives the garbage collector nothing to trace): each packet is a slot
     * {end_ns, kW, device id (−1 unknown), cancelled}; a binary min-heap of slots by end time
     * (the same sift rules as java.util.PriorityQueue, so equal end times expire in the same
     * order as before); device → its latest slot in an open-addressing map.
     */
    private long[] end = new long[64];
    private double[] power = new double[64];
    private long[] device = new long[64];
    private boolean[] cancelled = new boolean[64];
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int slotsUsed;
    private int[] heap = new int[64];
    private int heapSize;
    private final DeviceSlots running = new DeviceSlots();
    private double kw;
    private long expired;

    public EventEstimator(double baseKw) {
        this.kw = baseKw;
    }

    @Override
    public double estimateKw(long nowNs) {
        while (heapSize > 0 && end[heap[0]] <= nowNs) {
            int t = poll();
            if (!cancelled[t]) {
                kw -= power[t];
                expired++;
                if (device[t] >= 0) {
                    running.removeIf(device[t], t);
                }
            }
            release(t);
        }
        return kw;
    }

    @Override
    public void onAccepted(double packetKw, long startNs, long endNs) {
        onAccepted(-1, packetKw, startNs, endNs);
    }

    @Override
    public void onAccepted(long deviceId, double packetKw, long startNs, long endNs) {
        kw += packetKw;
        int t = allocate();
        end[t] = endNs;
        power[t] = packetKw;
        device[t] = deviceId;
        cancelled[t] = false;
        offer(t);
        if (deviceId >= 0) {
            running.put(deviceId, t);
        }
    }

    @Override
    public void onEvent(DeviceEvent e, long nowNs) {
        if (e.type() == DeviceEvent.Type.INTERRUPT) {
            int t = running.remove(e.deviceId());
            if (t >= 0 && !cancelled[t] && end[t] > nowNs) {
                cancelled[t] = true;
                kw -= power[t]; // the packet's own signed power
                return;
            }
        }
        kw += e.type().sign() * e.powerKw();
    }

    /** Packets counted as expired so far. */
    public long expired() {
        return expired;
    }

    public int activePackets() {
        return running.size();
    }

    // ---------------------------------------------------------------- slots and heap

    private int allocate() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == end.length) {
            int n = end.length * 2;
            end = Arrays.copyOf(end, n);
            power = Arrays.copyOf(power, n);
            device = Arrays.copyOf(device, n);
            cancelled = Arrays.copyOf(cancelled, n);
        }
        return slotsUsed++;
    }

    private void release(int t) {
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
        }
        freeSlots[freeCount++] = t;
    }

    /** java.util.PriorityQueue.offer/siftUp with the comparator Long.compare(end). */
    private void offer(int t) {
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        int k = heapSize++;
        long key = end[t];
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            int e = heap[parent];
            if (Long.compare(key, end[e]) >= 0) {
                break;
            }
            heap[k] = e;
            k = parent;
        }
        heap[k] = t;
    }

    /** java.util.PriorityQueue.poll/siftDown. */
    private int poll() {
        int result = heap[0];
        int n = --heapSize;
        if (n > 0) {
            int x = heap[n];
            long key = end[x];
            int k = 0;
            int half = n >>> 1;
            while (k < half) {
                int child = (k << 1) + 1;
                int c = heap[child];
                int right = child + 1;
                if (right < n && Long.compare(end[c], end[heap[right]]) > 0) {
                    c = heap[child = right];
                }
                if (Long.compare(key, end[c]) <= 0) {
                    break;
                }
                heap[k] = c;
                k = child;
            }
            heap[k] = x;
        }
        return result;
    }

    /** Device id (≥ 0) → slot, open addressing with linear probing and backward-shift deletion. */
    private static final class DeviceSlots {
        private long[] keys = new long[64];
        private int[] values = new int[64];
        private boolean[] used = new boolean[64];
        private int size;

        private static int mix(long k, int mask) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        int size() {
            return size;
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = mix(key, mask);
            while (used[i]) {
                if (keys[i] == key) {
                    values[i] = value;
                    return;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            keys[i] = key;
            values[i] = value;
            size++;
        }

        private int find(long key) {
            int mask = keys.length - 1;
            int i = mix(key, mask);
            while (used[i]) {
                if (keys[i] == key) {
                    return i;
                }
                i = (i + 1) & mask;
            }
            return -1;
        }

        /** Removes the key; its slot, or −1. */
        int remove(long key) {
            int i = find(key);
            if (i < 0) {
                return -1;
            }
            int v = values[i];
            delete(i);
            return v;
        }

        /** Removes the key only if it maps to {@code value} (Map.remove(key, value)). */
        void removeIf(long key, int value) {
            int i = find(key);
            if (i >= 0 && values[i] == value) {
                delete(i);
            }
        }

        private void delete(int i) {
            int mask = keys.length - 1;
            used[i] = false;
            size--;
            int j = i;
            while (true) {
                j = (j + 1) & mask;
                if (!used[j]) {
                    return;
                }
                int home = mix(keys[j], mask);
                // move j back to i if its home is not cyclically in (i, j]
                boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
                if (!stays) {
                    keys[i] = keys[j];
                    values[i] = values[j];
                    used[i] = true;
                    used[j] = false;
                    i = j;
                }
            }
        }

        private void grow() {
            long[] ok = keys;
            int[] ov = values;
            boolean[] ou = used;
            keys = new long[ok.length * 2];
            values = new int[ok.length * 2];
            used = new boolean[ok.length * 2];
            size = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ou[i]) {
                    put(ok[i], ov[i]);
                }
            }
        }
    }
}
