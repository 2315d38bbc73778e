package io.packetgrid.radio.nr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** NR numerology timing (TS 38.211), processing times (TS 38.214), resources → blocklength, schedules. */
class NrTimingTest {

    @Test
    void symbolTimingOfTs38211() {
        Numerology mu0 = new Numerology(0);
        // the first symbol of each 0.5 ms has the long CP: (2048 + 144 + 16)·64 T_c = 71.875 µs
        assertEquals(71_875, mu0.symbolStartNs(1));
        assertEquals(500_000, mu0.symbolStartNs(7));
        assertEquals(1_000_000, mu0.symbolStartNs(14));
        Numerology mu3 = new Numerology(3);
        assertEquals(125_000L, mu3.slotNs());
        assertEquals(500_000, mu3.symbolStartNs(56)); // 56 symbols per 0.5 ms at 120 kHz
        assertEquals(120, mu3.subcarrierSpacingKhz());
        for (int mu = 0; mu <= 3; mu++) {
            Numerology nu = new Numerology(mu);
            assertEquals(15 << mu, nu.subcarrierSpacingKhz());
            assertEquals(1_000_000L >> mu, nu.slotNs());
            assertEquals(1_000_000, nu.symbolStartNs(14L << mu)); // a subframe
            for (long s = 0; s < 200; s++) {
                assertTrue(nu.symbolStartNs(s + 1) > nu.symbolStartNs(s));
                assertEquals(s, nu.firstSymbolAtOrAfter(nu.symbolStartNs(s)));
                assertEquals(s + 1, nu.firstSymbolAtOrAfter(nu.symbolStartNs(s) + 1));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new Numerology(4));
    }

    @Test
    void processingTimesOfTs38214() {
        Numerology mu1 = new Numerology(1);
        assertEquals(12, ProcessingTimes.n2(mu1, 1));
        assertEquals(5.5, ProcessingTimes.n2(mu1, 2));
        assertEquals(10, ProcessingTimes.n1(mu1, 1));
        assertEquals(4.5, ProcessingTimes.n1(mu1, 2));
        assertEquals(36, ProcessingTimes.n2(new Numerology(3), 1));
        assertThrows(IllegalArgumentException.class, () -> ProcessingTimes.n1(new Numerology(3), 2));
        // T_proc = N·(2048 + 144)·κ·2^−μ·T_c: 10 symbols at μ = 0 are 713.5417 µs
        assertEquals(713_542, new Numerology(0).processingNs(10));
    }

    @Test
    void resourceBlocksToBlocklength() {
        // 12·L − DM-RS REs per RB: 10 RBs × (24 − 12) = 120 for a 2-symbol mini-slot with one DM-RS symbol
        assertEquals(120, ResourceAllocation.of(10, 2).blocklength());
        assertEquals(4 * (168 - 12), ResourceAllocation.of(4, 14).blocklength());
        assertEquals(3.6e6, ResourceAllocation.of(10, 2).bandwidthHz(new Numerology(1)), 1e-6);
        // 38.212 §7.2.1: 16-bit CRC up to 3824 bits, 24 above
        assertEquals(8 * 37 + 16, ResourceAllocation.informationBits(32, 5));
        assertEquals(8 * 500 + 24, ResourceAllocation.informationBits(500, 0));
        assertThrows(IllegalArgumentException.class, () -> ResourceAllocation.of(1, 1));
    }

    @Test
    void miniSlotOccasions() {
        LinkTiming t = new LinkTiming(new Numerology(1), 4, 1, 1, 1, 0, 0, 0, null);
        assertEquals(3, t.positionsPerSlot()); // 0, 4, 8; symbols 12–13 unused
        assertEquals(0, t.firstOccasionAtOrAfter(0));
        assertEquals(1, t.firstOccasionAtOrAfter(1));
        Numerology nu = new Numerology(1);
        assertEquals(3, t.firstOccasionAtOrAfter(nu.symbolStartNs(9))); // past 8 → next slot
        assertEquals(nu.symbolStartNs(14), t.positionStartNs(3));
        assertEquals(nu.symbolStartNs(12), t.positionEndNs(2));
    }

    @Test
    void decodeTimesFollowTheRules() {
        Numerology nu = new Numerology(1);
        long prep = nu.processingNs(5.5);
        long dec = nu.processingNs(4.5);
        LinkTiming t = new LinkTiming(nu, 2, 1, 2, 3, prep, dec, 100_000, null);
        long[] d = new long[3];
        t.decodeTimes(0, d);
        // ready at 196.2 µs: the first 2-symbol occasion starting there or later
        long first = t.firstOccasionAtOrAfter(prep);
        assertEquals(t.positionEndNs(first + 1) + dec, d[0]); // two repetitions
        long second = t.firstOccasionAtOrAfter(d[0] + 100_000);
        assertEquals(t.positionEndNs(second + 1) + dec, d[1]);
        assertTrue(d[2] > d[1] && d[1] > d[0]);
    }

    @Test
    void schedulesRepeatWithTheHyperperiod() {
        Numerology nu = new Numerology(2);
        LinkTiming[] ts = {
            new LinkTiming(nu, 2, 1, 1, 2, 5000, 20_000, 40_000, null),
            new LinkTiming(nu, 7, 3, 2, 3, 1, 10_000, 30_000, null),
            new LinkTiming(nu, 4, 1, 1, 2, 1, 10_000, 30_000, new SchedulingRequest(10, 2, 60_000)),
        };
        SplittableRandom r = new SplittableRandom(4);
        for (LinkTiming t : ts) {
            long h = t.hyperperiodNs();
            long[] a = new long[t.rounds()];
            long[] b = new long[t.rounds()];
            for (int i = 0; i < 500; i++) {
                long x = r.nextLong(10 * h);
                t.decodeTimes(x, a);
                t.decodeTimes(x + h, b);
                for (int k = 0; k < a.length; k++) {
                    assertEquals(a[k] + h, b[k]);
                }
            }
            // between breakpoints the decode times do not change
            long[] bp = t.breakpoints();
            for (int i = 0; i + 1 < bp.length; i++) {
                if (bp[i + 1] - bp[i] < 2) {
                    continue;
                }
                t.decodeTimes(bp[i] + 1, a);
                t.decodeTimes(bp[i + 1], b);
                assertArrayEquals(a, b);
            }
        }
    }
}
