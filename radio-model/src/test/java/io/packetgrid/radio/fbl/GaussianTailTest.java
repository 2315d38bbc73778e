package io.packetgrid.radio.fbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Q keeps its relative accuracy deep into the tail; the fast path matches the erfc reference. */
class GaussianTailTest {

    @Test
    void publishedTailValues() {
        // Q(x) = ½·erfc(x/√2): Abramowitz & Stegun Table 26.1 / 7.1 give Q(5) = 2.866515719e-7 and
        // Q(10) = 7.619853024e-24 (erfc(10/√2) = 1.523970605e-23).
        assertEquals(2.866515718791939e-7, GaussianTail.q(5), 2.866515718791939e-7 * 1e-12);
        assertEquals(7.619853024160527e-24, GaussianTail.q(10), 7.619853024160527e-24 * 1e-12);
        assertEquals(0.5, GaussianTail.q(0), 1e-15);
        assertEquals(1 - 2.866515718791939e-7, GaussianTail.q(-5), 1e-16);
    }

    @Test
    void agreesWithAnIndependentSurvivalFunctionFarIntoTheTail() {
        // Commons Statistics' normal survival function is an independent implementation.
        NormalDistribution n = NormalDistribution.of(0, 1);
        for (double x = 0; x <= 37; x += 0.01) {
            double ref = n.survivalProbability(x);
            assertEquals(ref, GaussianTail.q(x), ref * 1e-12, "x = " + x);
        }
    }

    @Test
    void oneMinusPhiWouldFailWhereQDoesNot() {
        // the point of the erfc form: at x = 9, 1 − Φ(x) has no significant digit left
        NormalDistribution n = NormalDistribution.of(0, 1);
        double q9 = GaussianTail.q(9);
        assertTrue(Math.abs((1 - n.cumulativeProbability(9)) / q9 - 1) > 1e-3);
        assertEquals(1.128588405953840e-19, q9, 1e-30);
    }

    @Test
    void fastPathMatchesTheReferenceToOneInTenTrillion() {
        double worst = 0;
        for (int i = 0; i <= 1_000_000; i++) {
            double x = -9 + 18.0 * i / 1_000_000;
            double e = Math.abs(GaussianTail.q(x) / GaussianTail.qReference(x) - 1);
            worst = Math.max(worst, e);
        }
        assertTrue(worst < 1e-13, "worst relative error " + worst);
    }

    @Test
    void inverseRoundTrips() {
        for (double p : new double[] {0.5, 0.1, 1e-3, 1e-5, 1e-9, 1e-12, 1e-20, 0.9, 0.999}) {
            double x = GaussianTail.qInverse(p);
            assertEquals(p, GaussianTail.qReference(x), p * 1e-13, "p = " + p);
        }
        assertEquals(0, GaussianTail.qInverse(0.5), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> GaussianTail.qInverse(1.5));
    }
}
