package io.packetgrid.radio.fbl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Properties of the normal approximation, its inverses, and the SPECTRE figure points. */
class NormalApproximationTest {

    /**
     * SPECTRE toolbox manual, figure "Code and resulting picture for AWGN bounds" (yp-mit/spectre,
     * documentation/manual.tex; read from the vector figure, ±0.003 bit/ch.use, and the NA by formula
     * as tabulated in ../shared/radio/README.md): real AWGN, SNR 10 dB, ε = 1e-3.
     */
    @ParameterizedTest(name = "n = {0}")
    @CsvSource({"20, 1.1359, 1.1358", "50, 1.3426, 1.3422", "300, 1.5623, 1.5622", "700, 1.6181, 1.6178"})
    void spectreFigurePoints(int n, double fromFigure, double fromFormula) {
        double rate = NormalApproximation.maxLog2M(Channel.REAL, n, 10, 1e-3, true) / n;
        assertEquals(fromFigure, rate, 0.003);
        assertEquals(fromFormula, rate, 1e-4);
        assertTrue(rate < Channel.REAL.capacity(10));
    }

    @Test
    void naLiesBetweenTheFiguresAchievabilityAndConverseAtN300() {
        double rate = NormalApproximation.maxLog2M(Channel.REAL, 300, 10, 1e-3, true) / 300;
        assertTrue(rate > 1.5254 + 0.003 && rate < 1.5740 - 0.003, "κβ 1.5254 < NA " + rate + " < converse 1.5740");
        assertEquals(0.5 * Math.log(11) / Math.log(2), Channel.REAL.capacity(10), 1e-15); // 1.7297 bit
        assertEquals(1.7297, Channel.REAL.capacity(10), 1e-4);
    }

    @Test
    void errorFallsWithSnrAndWithBlocklengthAtFixedRateAndRisesWithK() {
        for (Channel ch : Channel.values()) {
            double prev = 1;
            for (double db = -10; db <= 30; db += 0.25) {
                double e = NormalApproximation.errorProbability(ch, 200, 150, Math.pow(10, db / 10));
                assertTrue(e <= prev, ch + " at " + db + " dB");
                prev = e;
            }
            prev = 1;
            for (int n = 50; n <= 5000; n += 50) {
                double e = NormalApproximation.errorProbability(ch, n, 0.5 * n, Math.pow(10, 0.5));
                assertTrue(e <= prev, ch + " at n = " + n);
                prev = e;
            }
            prev = 0;
            for (int k = 1; k <= 600; k++) {
                double e = NormalApproximation.errorProbability(ch, 300, k, 2.0);
                assertTrue(e >= prev, ch + " at k = " + k);
                prev = e;
            }
        }
    }

    @Test
    void inversesAreInverses() {
        for (Channel ch : Channel.values()) {
            for (double eps : new double[] {1e-1, 1e-3, 1e-5, 1e-9}) {
                double m = NormalApproximation.maxLog2M(ch, 400, 3.0, eps, true);
                assertEquals(eps, NormalApproximation.errorProbability(ch, 400, m, 3.0, true), eps * 1e-9);
                double snr = NormalApproximation.minSnr(ch, 400, 256, eps, true);
                assertEquals(eps, NormalApproximation.errorProbability(ch, 400, 256, snr, true), eps * 1e-9);
                double snr0 = NormalApproximation.minSnr(ch, 400, 256, eps, false);
                assertEquals(eps, NormalApproximation.errorProbability(ch, 400, 256, snr0, false), eps * 1e-9);
                assertTrue(snr < snr0, "the log term helps");
            }
        }
    }

    @Test
    void complexUsesAreTwoRealUsesApartFromTheLogTerm() {
        // n complex uses = 2n real uses; the ½·log2 n term counts the uses of the channel at hand
        double c = NormalApproximation.maxLog2M(Channel.COMPLEX, 150, 4.0, 1e-5, false);
        double r = NormalApproximation.maxLog2M(Channel.REAL, 300, 4.0, 1e-5, false);
        assertEquals(c, r, 1e-9);
        double cl = NormalApproximation.maxLog2M(Channel.COMPLEX, 150, 4.0, 1e-5, true);
        double rl = NormalApproximation.maxLog2M(Channel.REAL, 300, 4.0, 1e-5, true);
        assertEquals(0.5, rl - cl, 1e-9); // ½·log2(2n) − ½·log2 n
    }

    @Test
    void psiIsTheCheckedFormula() {
        for (double s : new double[] {0, 1e-6, 0.005, 0.5, 3, 1000}) {
            double lt = NormalApproximation.logTerm(150, true);
            double checked = s == 0 ? 1 : NormalApproximation.errorProbability(Channel.COMPLEX, 150, 100, s, true);
            assertEquals(checked, NormalApproximation.psi(150, 100, s, lt), checked * 1e-14);
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NormalApproximation.errorProbability(Channel.REAL, 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> NormalApproximation.errorProbability(Channel.REAL, -3, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> NormalApproximation.errorProbability(Channel.REAL, 100, 10, -1));
        assertThrows(IllegalArgumentException.class, () -> NormalApproximation.maxLog2M(Channel.REAL, 100, 1, 0, true));
        assertThrows(IllegalArgumentException.class, () -> NormalApproximation.maxLog2M(Channel.REAL, 100, 1, 1, true));
        assertThrows(IllegalArgumentException.class, () -> NormalApproximation.minSnr(Channel.REAL, 100, 2, 0.1, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Channel.parse("quaternion"));
        assertTrue(e.getMessage().contains("quaternion"));
    }
}
