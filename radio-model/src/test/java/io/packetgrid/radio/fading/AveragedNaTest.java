package io.packetgrid.radio.fading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.radio.fbl.Channel;
import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.math.AdaptiveQuadrature;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The averaged NA: the tabulated form against the exact integral over a wide box of (n, k, ρ̄), the
 * Gaussian-expectation form against the integral as written, and the fading laws.
 */
class AveragedNaTest {

    @Test
    void tableMatchesTheExactIntegralOverTheWholeBox() {
        double[] ns = {2, 5, 10, 30, 100, 1000, 1e4, 1e6};
        double[] rates = {0.001, 0.05, 0.5, 2, 8, 15};
        double worst = 0;
        double worstForms = 0;
        String where = "";
        for (double n : ns) {
            for (double r : rates) {
                double k = Math.round(n * r);
                for (boolean lt : new boolean[] {true, false}) {
                    for (int db = -40; db <= 80; db += 10) {
                        double snr = Math.pow(10, db / 10.0);
                        double asWritten = RayleighNa.exactIntegral(n, k, snr, lt);
                        double byParts = QuasiStaticNa.errorProbability(Fading.nakagami(1), n, k, snr, lt);
                        double fast = RayleighNa.errorProbability(n, k, snr, lt);
                        if (asWritten < 1e-300) {
                            continue;
                        }
                        worstForms = Math.max(worstForms, Math.abs(byParts / asWritten - 1));
                        double e = Math.abs(fast / asWritten - 1);
                        if (e > worst) {
                            worst = e;
                            where = "n=" + n + " k=" + k + " " + db + " dB log term " + lt;
                        }
                    }
                }
            }
        }
        System.out.println("averaged NA table: worst relative error " + worst + " at " + where
                + "; the integral as written vs the Gaussian-expectation form: " + worstForms);
        assertTrue(worst < 1e-8, "worst " + worst + " at " + where);
        assertTrue(worstForms < 1e-10, "two exact forms differ by " + worstForms);
    }

    @Test
    void gaussianExpectationFormEqualsTheIntegralAsWritten() {
        for (double[] c : new double[][] {{150, 60, 15}, {150, 452, 15}, {100, 32, 30}, {1000, 3000, 10}, {50, 200, 20}}) {
            double snr = Math.pow(10, c[2] / 10);
            for (boolean lt : new boolean[] {true, false}) {
                double t = QuasiStaticNa.errorProbability(Fading.rayleigh(), c[0], c[1], snr, lt);
                double g = RayleighNa.exactIntegral(c[0], c[1], snr, lt);
                assertEquals(g, t, g * 1e-10);
            }
        }
    }

    @Test
    void packetsAtOrBelowTheLogTermStillIntegrateExactly() {
        // k ≤ ½·log2 n: the Q argument is not monotone; compare with a brute-force midpoint sum of
        // 2·10⁶ points in ln g, and the by-parts route of the general fading code (Nakagami m = 1)
        for (double[] c : new double[][] {{1000, 4, 10}, {150, 0, 5}, {150, 3, -10}, {20, 1, 20}}) {
            double snr = Math.pow(10, c[2] / 10);
            double exact = RayleighNa.exactIntegral(c[0], c[1], snr, true);
            double s = 0;
            int pts = 2_000_000;
            double lo = Math.log(1e-40);
            double h = (Math.log(60) - lo) / pts;
            for (int i = 0; i < pts; i++) {
                double g = Math.exp(lo + (i + 0.5) * h);
                s += g * Math.exp(-g) * NormalApproximation.errorProbability(Channel.COMPLEX, c[0], c[1], snr * g, true);
            }
            s *= h;
            assertEquals(s, exact, s * 1e-10, "n=" + c[0] + " k=" + c[1]);
            assertEquals(exact, QuasiStaticNa.errorProbability(Fading.nakagami(1), c[0], c[1], snr, true), exact * 1e-9);
            assertEquals(exact, RayleighNa.errorProbability(c[0], c[1], snr, true), exact * 1e-9);
        }
    }

    @Test
    void outageAndMakkiAgreeWithTheAverageAtLongBlocks() {
        // zero dispersion under quasi-static fading [YDKP14]: the three converge as n grows
        double n = 20000;
        double k = 20000;
        double snr = 100;
        double avg = RayleighNa.exactIntegral(n, k, snr, true);
        assertEquals(avg, RayleighNa.outage(n, k, snr), avg * 0.01);
        assertEquals(avg, RayleighNa.makki(n, k, snr), avg * 0.01);
    }

    @Test
    void makkiClosedFormEqualsItsIntegral() {
        for (double[] c : new double[][] {{150, 60, 31.6}, {100, 300, 1e4}, {40, 10, 0.5}}) {
            double closed = RayleighNa.makki(c[0], c[1], c[2]);
            double integral = QuasiStaticNa.makki(Fading.rayleigh(), c[0], c[1], c[2]);
            assertEquals(closed, integral, closed * 1e-10);
        }
    }

    @Test
    void ricianWithKZeroIsRayleighAndLargeKApproachesAwgn() {
        for (double x : new double[] {1e-6, 0.01, 0.5, 1, 3}) {
            assertEquals(Fading.rayleigh().cdf(x), Fading.rician(0).cdf(x), 1e-15 + 1e-13 * Fading.rayleigh().cdf(x));
            assertEquals(Fading.rayleigh().cdf(x), Fading.nakagami(1).cdf(x), 1e-15 + 1e-13 * Fading.rayleigh().cdf(x));
        }
        double snr = 20;
        double k = NormalApproximation.maxLog2M(Channel.COMPLEX, 200, snr, 1e-3, true); // AWGN ε = 1e-3
        double awgn = NormalApproximation.errorProbability(Channel.COMPLEX, 200, k, snr, true);
        double prev = 1;
        double prevGap = Double.POSITIVE_INFINITY;
        for (double kf : new double[] {0, 1, 3, 10, 30, 100, 300}) {
            double e = QuasiStaticNa.errorProbability(Fading.rician(kf), 200, k, snr, true);
            assertTrue(e < prev, "error falls as the LOS share grows: K = " + kf);
            assertTrue(Math.abs(e - awgn) < prevGap, "and approaches AWGN: K = " + kf);
            prev = e;
            prevGap = Math.abs(e - awgn);
        }
        assertTrue(prev > awgn, "K = 300: " + prev + " vs AWGN " + awgn);
    }

    @Test
    void ricianAverageMatchesMonteCarloOverTheSampler() {
        // E[Ψ(ρ̄g)] by sampling g from the sampler: an independent route through the density of draws
        Fading f = Fading.rician(Math.pow(10, 0.7));
        double snr = Math.pow(10, 1.2);
        double exact = QuasiStaticNa.errorProbability(f, 150, 300, snr, true);
        double table = AveragedNaTable.of(150, 300, true).average(f, snr);
        assertEquals(exact, table, exact * 1e-8);
        DoubleSupplier s = f.sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
        int n = 400_000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double v = NormalApproximation.errorProbability(Channel.COMPLEX, 150, 300, snr * s.getAsDouble(), true);
            sum += v;
            sq += v * v;
        }
        double mean = sum / n;
        double se = Math.sqrt((sq / n - mean * mean) / n);
        assertEquals(exact, mean, 5 * se);
    }

    @Test
    void ricianCdfMatchesItsSamplerAndItsDensity() {
        double kf = Math.pow(10, 0.9); // 9 dB, TR 38.901 UMa LOS
        Fading f = Fading.rician(kf);
        // the density (Goldsmith §3.2.1) integrated numerically, an independent route to the CDF
        for (double x : new double[] {0.01, 0.1, 0.5, 1, 2}) {
            double viaPdf = AdaptiveQuadrature.integrate(g -> ricianPdf(kf, g), 0, x, 1e-12, 0);
            assertEquals(viaPdf, f.cdf(x), viaPdf * 1e-9, "x = " + x);
        }
        DoubleSupplier s = f.sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
        int n = 400_000;
        int below = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double g = s.getAsDouble();
            mean += g;
            if (g <= 0.5) {
                below++;
            }
        }
        double p = f.cdf(0.5);
        assertEquals(p, below / (double) n, 5 * Math.sqrt(p * (1 - p) / n));
        assertEquals(1, mean / n, 0.01);
    }

    @Test
    void combinedCopiesAreTheMeanOfIndependentDraws() {
        for (Fading f : new Fading[] {Fading.rayleigh(), Fading.rician(5)}) {
            Fading c = f.combined(3);
            DoubleSupplier s = f.sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
            int n = 300_000;
            int below = 0;
            for (int i = 0; i < n; i++) {
                double g = (s.getAsDouble() + s.getAsDouble() + s.getAsDouble()) / 3;
                if (g <= 0.4) {
                    below++;
                }
            }
            double p = c.cdf(0.4);
            assertEquals(p, below / (double) n, 5 * Math.sqrt(p * (1 - p) / n), f.label());
        }
    }

    /** f(g) = (K+1)·e^(−K − (K+1)g)·I₀(2·sqrt(K(K+1)g)), with I₀ by its power series. */
    private static double ricianPdf(double k, double g) {
        double z = 2 * Math.sqrt(k * (k + 1) * g);
        double term = 1;
        double i0 = 1;
        double q = z * z / 4;
        for (int j = 1; j < 200; j++) {
            term *= q / ((double) j * j);
            i0 += term;
            if (term < 1e-17 * i0) {
                break;
            }
        }
        return (k + 1) * Math.exp(-k - (k + 1) * g) * i0;
    }
}
