package io.packetgrid.pem.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The primitive-array estimator gives the same estimate, to the last bit, as the object-per-packet one it replaced. */
class EventEstimatorTest {

    @Test
    void sameEstimatesAsThePriorityQueueVersion() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            EventEstimator e = new EventEstimator(12.5);
            Reference r = new Reference(12.5);
            long now = 0;
            int devices = 1 + rnd.nextInt(300);
            for (int step = 0; step < 20_000; step++) {
                now += rnd.nextInt(2_000_000);
                int op = rnd.nextInt(10);
                long dev = rnd.nextInt(devices) - (rnd.nextInt(20) == 0 ? devices : 0); // some unknown (< 0)
                if (op < 6) {
                    double kw = (rnd.nextInt(2000) - 300) / 100.0;
                    // coarse end times, so that many packets end at the same instant
                    long end = now + 1_000_000L * rnd.nextInt(1, 400) * 250;
                    if (dev < 0) {
                        e.onAccepted(kw, now, end);
                        r.onAccepted(kw, now, end);
                    } else {
                        e.onAccepted(dev, kw, now, end);
                        r.onAccepted(dev, kw, now, end);
                    }
                } else if (op < 9) {
                    DeviceEvent.Type t = DeviceEvent.Type.values()[rnd.nextInt(3)];
                    DeviceEvent ev = new DeviceEvent(Math.max(dev, 0), t, rnd.nextInt(500) / 100.0, new ConnectionPoint(0, 0));
                    e.onEvent(ev, now);
                    r.onEvent(ev, now);
                }
                assertEquals(Double.doubleToRawLongBits(r.estimateKw(now)), Double.doubleToRawLongBits(e.estimateKw(now)),
                        "seed " + seed + " step " + step);
                assertEquals(r.activePackets(), e.activePackets());
                assertEquals(r.expired(), e.expired());
            }
        }
    }

    /**
     * Tens of thousands of packets running at once: the tables grow across many chunk boundaries
     * ({@link DirectChunks#CHUNK} slots each), expire in bulk (freed slots reused in the next wave) and
     * still give the reference's estimate to the last bit.
     */
    @Test
    void tablesGrowAcrossChunkBoundariesAndReuseFreedSlots() {
        SplittableRandom rnd = new SplittableRandom(7);
        EventEstimator e = new EventEstimator(0);
        Reference r = new Reference(0);
        long now = 0;
        int n = 5 * DirectChunks.CHUNK + 123;
        for (int wave = 0; wave < 3; wave++) {
            for (int i = 0; i < n; i++) {
                double kw = rnd.nextInt(1, 5000) / 1000.0;
                long end = now + 1_000_000_000L * (1 + rnd.nextInt(60)); // 1..60 s, many equal
                long dev = rnd.nextInt(3 * n);
                e.onAccepted(dev, kw, now, end);
                r.onAccepted(dev, kw, now, end);
                if (i % 7 == 0) {
                    DeviceEvent ev = new DeviceEvent(rnd.nextInt(3 * n), DeviceEvent.Type.INTERRUPT, 0, new ConnectionPoint(0, 0));
                    e.onEvent(ev, now);
                    r.onEvent(ev, now);
                }
            }
            assertEquals(r.activePackets(), e.activePackets(), "wave " + wave);
            for (int s = 0; s <= 61; s++) { // let every packet of the wave expire, second by second
                now += 1_000_000_000L;
                assertEquals(Double.doubleToRawLongBits(r.estimateKw(now)), Double.doubleToRawLongBits(e.estimateKw(now)),
                        "wave " + wave + " second " + s);
                assertEquals(r.expired(), e.expired());
            }
            assertEquals(0, e.activePackets());
        }
    }

    /** The implementation before primitive arrays (commit 5cf8ee9), kept as the reference. */
    static final class Reference {
        /** {end_ns, kW bits, device id (−1 unknown), cancelled 0/1}. */
        private final PriorityQueue<long[]> timers = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        private final Map<Long, long[]> running = new HashMap<>();
        private double kw;
        private long expired;

        Reference(double baseKw) {
            this.kw = baseKw;
        }


        public double estimateKw(long nowNs) {
            while (!timers.isEmpty() && timers.peek()[0] <= nowNs) {
                long[] t = timers.poll();
                if (t[3] != 0) {
                    continue; // interrupted earlier: already subtracted
                }
                kw -= Double.longBitsToDouble(t[1]);
                expired++;
                if (t[2] >= 0) {
                    running.remove(t[2], t);
                }
            }
            return kw;
        }


        public void onAccepted(double packetKw, long startNs, long endNs) {
            onAccepted(-1, packetKw, startNs, endNs);
        }


        public void onAccepted(long deviceId, double packetKw, long startNs, long endNs) {
            kw += packetKw;
            long[] t = {endNs, Double.doubleToRawLongBits(packetKw), deviceId, 0};
            timers.add(t);
            if (deviceId >= 0) {
                running.put(deviceId, t);
            }
        }


        public void onEvent(DeviceEvent e, long nowNs) {
            if (e.type() == DeviceEvent.Type.INTERRUPT) {
                long[] t = running.remove(e.deviceId());
                if (t != null && t[3] == 0 && t[0] > nowNs) {
                    t[3] = 1;
                    kw -= Double.longBitsToDouble(t[1]); // the packet's own signed power
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
    }
}
