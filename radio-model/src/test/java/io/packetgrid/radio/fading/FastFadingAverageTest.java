package io.packetgrid.radio.fading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.radio.fbl.Channel;
import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.fbl.SnrInverse;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast averages for Rician and chase-combined fading (the CDF tables and each law's own rule): against
 * the exact CDFs, against the exact adaptive integral over a box of (n, k, ρ̄, law), and against a
 * brute-force integral of the average as written, ∫ f(g)·Ψ(ρ̄g) dg (the density, not the CDF: an
 * independent route).
 */
class FastFadingAverageTest {
    static final double K9 = Math.pow(10, 0.9);   // TR 38.901 UMa/UMi LOS mean K-factor, 9 dB
    static final double K7 = Math.pow(10, 0.7);   // RMa LOS, 7 dB

    static List<Fading> laws() {
        return List.of(Fading.rician(K9), Fading.rician(K9).combined(2), Fading.rician(K9).combined(4),
                Fading.rician(K7).combined(3), Fading.rician(0.5), Fading.rician(30), Fading.rician(K9).combined(16),
                Fading.rayleigh().combined(2), Fading.rayleigh().combined(4), Fading.rayleigh().combined(8),
                Fading.nakagami(1.5), Fading.nakagami(2.5), Fading.nakagami(16));
    }

    @Test
    void cdfTablesKeepTheirRelativeAccuracyEverywhere() {
        SplittableRandom r = new SplittableRandom(3);
        double worst = 0;
        String where = "";
        for (Fading f : laws()) {
            CdfTable t = CdfTable.of(f);
            for (int i = 0; i < 4000; i++) {
                double x = Math.exp(-80 + 85 * r.nextDouble());
                double exact = f.cdf(x);
                if (exact < 1e-300) {
                    continue;
                }
                double e = Math.abs(t.cdf(x) / exact - 1);
                if (e > worst) {
                    worst = e;
                    where = f.label() + " at x = " + x;
                }
            }
        }
        System.out.println("CDF tables: worst relative error " + worst + " at " + where);
        assertTrue(worst <= 1e-11, worst + " at " + where);
        assertEquals(0, CdfTable.of(Fading.nakagami(2)).cdf(0));
        assertEquals(1, CdfTable.of(Fading.nakagami(2)).cdf(1e9));
    }

    @Test
    void fastAverageMatchesTheExactIntegralOverABox() {
        double[] ns = {50, 240, 1000};
        double[] rates = {0.3, 1.23, 3};
        List<Fading> box = List.of(Fading.rician(K9), Fading.rician(K9).combined(4), Fading.rician(K7).combined(2),
                Fading.rayleigh().combined(4), Fading.nakagami(2.5));
        double worst = 0;
        String where = "";
        for (Fading f : box) {
            for (double n : ns) {
                for (double rate : rates) {
                    double k = Math.round(n * rate);
                    AveragedNaTable table = AveragedNaTable.of(n, k, true);
                    for (int db = -10; db <= 60; db += 10) {
                        double snr = Math.pow(10, db / 10.0);
                        double exact = QuasiStaticNa.errorProbability(f, n, k, snr, true);
                        if (exact < 1e-300) {
                            continue;
                        }
                        double e = Math.abs(table.average(f, snr) / exact - 1);
                        if (e > worst) {
                            worst = e;
                            where = f.label() + " n=" + n + " k=" + k + " " + db + " dB";
                        }
                    }
                }
            }
        }
        System.out.println("fast fading averages vs the exact integral: worst relative error " + worst + " at " + where);
        assertTrue(worst <= 1e-9, worst + " at " + where);
    }

    /**
     * The average as written, E[Ψ(ρ̄g)] = ∫ f(g)·Ψ(ρ̄g) dg, by composite Simpson in ln g with 200 000 panels
     * from 10⁻¹⁴ of the smallest gain that matters at the highest SNR (ρ(−8)/ρ̄, where Ψ is 1 − Q(8)) to g = 60
     * (no unit-mean law here has mass beyond): no tables, no integration by parts, the density rather than
     * the CDF.
     */
    @Test
    void fastAverageMatchesABruteForceIntegralOfTheDensity() {
        double n = 240;
        double k = 296; // 32 bytes + 5 header bytes at n = 240 (20 RBs of a 2-symbol mini-slot)
        double[] dbs = {5, 12, 20, 35};
        double lo = Math.log(1e-14 * SnrInverse.snrForArgument(Channel.COMPLEX, n, k, true, -8) / Math.pow(10, 3.5));
        double hi = Math.log(60);
        int panels = 200_000;
        double h = (hi - lo) / panels;
        double worst = 0;
        for (Fading f : List.of(Fading.rician(K9), Fading.rician(K9).combined(4), Fading.rayleigh().combined(4),
                Fading.nakagami(2.5))) {
            double[] gf = new double[panels + 1];
            for (int i = 0; i <= panels; i++) {
                double g = Math.exp(lo + i * h);
                gf[i] = g * f.density(g) * (i == 0 || i == panels ? 1 : (i % 2 == 1 ? 4 : 2));
            }
            for (double db : dbs) {
                double snr = Math.pow(10, db / 10);
                double sum = 0;
                for (int i = 0; i <= panels; i++) {
                    double g = Math.exp(lo + i * h);
                    sum += gf[i] * NormalApproximation.errorProbability(Channel.COMPLEX, n, k, snr * g, true);
                }
                double brute = sum * h / 3;
                double fast = AveragedNaTable.of(n, k, true).average(f, snr);
                worst = Math.max(worst, Math.abs(fast / brute - 1));
                assertEquals(brute, fast, 1e-7 * brute, f.label() + " at " + db + " dB");
            }
        }
        System.out.println("fast fading averages vs brute force over the density: worst relative difference " + worst);
    }

    @Test
    void steepLawsAtModerateSnrNeedTheUpperTail() {
        // four combined Rician copies at 10 dB: ε̄ ~ 1e-26, of the order of Q(t) where ρ(t) reaches ρ̄, far
        // beyond t = 9 where the Rayleigh table stops
        Fading f = Fading.rician(K9).combined(16);
        double exact = QuasiStaticNa.errorProbability(f, 240, 296, 10, true);
        assertTrue(exact < 1e-20, "deep: " + exact);
        assertEquals(exact, AveragedNaTable.of(240, 296, true).average(f, 10), exact * 1e-9);
    }

    @Test
    void combinedLawsAreTheLawsOfTheMeanAndEqualByValue() {
        assertEquals(Fading.nakagami(4), Fading.rayleigh().combined(4));
        assertEquals(Fading.rician(K9).combined(2).combined(2), Fading.rician(K9).combined(4));
        assertEquals(Fading.rician(K9).hashCode(), Fading.rician(K9).hashCode());
        assertEquals(4.0, Fading.rician(K9).combined(4).diversityOrder());
        assertEquals(2.5, Fading.nakagami(2.5).diversityOrder());
        assertTrue(Double.isNaN(Fading.none().diversityOrder()));
    }
}
