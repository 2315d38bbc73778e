package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DeviceEvent;

/**
 * Aggregate estimate from the request/response stream alone (IREP 2022 §III, PEM-NOTES §3.2;
 * with per-packet timers as Khurram et al. TSG 2022 §3.3): demand rises when packets are accepted
 * or devices opt out (exit-ON), and falls when a packet expires (timer) or is interrupted, or an
 * opted-out device rejoins. {@code baseKw} is the initial estimate (e.g. from a measurement).
 * An interruption cancels the device's running packet, so its expiry is not counted twice.
 */
public final class EventEstimator implements AggregateEstimator {
    /*
     * Running packets in primitive tables (no object per packet): each packet is a slot
     * {end_ns, kW, device id (−1 unknown), cancelled}; a binary min-heap of slots by end time
     * (the same sift rules as java.util.PriorityQueue, so equal end times expire in the same
     * order as before); device → its latest slot in an open-addressing map. The per-packet tables
     * live in direct memory in chunks allocated once ({@link DirectChunks}): a server holding
     * millions of running packets gives the garbage collector nothing to trace or copy, and growing
     * never copies them (the map is bounded by the number of devices and stays on the heap).
     */
    private final DirectChunks end = DirectChunks.ofLongs();
    private final DirectChunks power = DirectChunks.ofLongs(); // raw bits of the kW value
    private final DirectChunks device = DirectChunks.ofLongs();
    private final DirectChunks cancelled = DirectChunks.ofInts(); // 1 when cancelled
    private final DirectChunks freeSlots = DirectChunks.ofInts();
    private int freeCount;
    private int slotsUsed;
    private final DirectChunks heap = DirectChunks.ofInts();
    private int heapSize;
    private final DeviceSlots running = new DeviceSlots();
    private double kw;
    private long expired;

    public EventEstimator(double baseKw) {
        this.kw = baseKw;
    }

    @Override
    public double estimateKw(long nowNs) {
        while (heapSize > 0 && end.getLong(heap.getInt(0)) <= nowNs) {
            int t = poll();
            if (cancelled.getInt(t) == 0) {
                kw -= powerKw(t);
                expired++;
                long d = device.getLong(t);
                if (d >= 0) {
                    running.removeIf(d, t);
                }
            }
            release(t);
        }
        return kw;
    }

    private double powerKw(int t) {
        return Double.longBitsToDouble(power.getLong(t));
    }

    @Override
    public void onAccepted(double packetKw, long startNs, long endNs) {
        onAccepted(-1, packetKw, startNs, endNs);
    }

    @Override
    public void onAccepted(long deviceId, double packetKw, long startNs, long endNs) {
        kw += packetKw;
        int t = allocate();
        end.putLong(t, endNs);
        power.putLong(t, Double.doubleToRawLongBits(packetKw));
        device.putLong(t, deviceId);
        cancelled.putInt(t, 0);
        offer(t);
        if (deviceId >= 0) {
            running.put(deviceId, t);
        }
    }

    @Override
    public void onEvent(DeviceEvent e, long nowNs) {
        if (e.type() == DeviceEvent.Type.INTERRUPT) {
            int t = running.remove(e.deviceId());
            if (t >= 0 && cancelled.getInt(t) == 0 && end.getLong(t) > nowNs) {
                cancelled.putInt(t, 1);
                kw -= powerKw(t); // the packet's own signed power
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
            return freeSlots.getInt(--freeCount);
        }
        int t = slotsUsed++;
        end.ensure(slotsUsed);
        power.ensure(slotsUsed);
        device.ensure(slotsUsed);
        cancelled.ensure(slotsUsed);
        return t;
    }

    private void release(int t) {
        freeSlots.ensure(freeCount + 1);
        freeSlots.putInt(freeCount++, t);
    }

    /** java.util.PriorityQueue.offer/siftUp with the comparator Long.compare(end). */
    private void offer(int t) {
        heap.ensure(heapSize + 1);
        int k = heapSize++;
        long key = end.getLong(t);
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            int e = heap.getInt(parent);
            if (Long.compare(key, end.getLong(e)) >= 0) {
                break;
            }
            heap.putInt(k, e);
            k = parent;
        }
        heap.putInt(k, t);
    }

    /** java.util.PriorityQueue.poll/siftDown. */
    private int poll() {
        int result = heap.getInt(0);
        int n = --heapSize;
        if (n > 0) {
            int x = heap.getInt(n);
            long key = end.getLong(x);
            int k = 0;
            int half = n >>> 1;
            while (k < half) {
                int child = (k << 1) + 1;
                int c = heap.getInt(child);
                int right = child + 1;
                if (right < n && Long.compare(end.getLong(c), end.getLong(heap.getInt(right))) > 0) {
                    c = heap.getInt(child = right);
                }
                if (Long.compare(key, end.getLong(c)) <= 0) {
                    break;
                }
                heap.putInt(k, c);
                k = child;
            }
            heap.putInt(k, x);
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
