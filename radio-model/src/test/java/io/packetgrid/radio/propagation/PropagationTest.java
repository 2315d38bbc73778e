package io.packetgrid.radio.propagation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Path loss against values worked by hand from the TR 38.901 and TR 36.942 formulas (the arithmetic
 * is in the comments), the published TR 36.942 constants, thermal noise, and the statistics of the
 * correlated shadowing field.
 */
class PropagationTest {

    @Test
    void uma() {
        Tr38901 m = new Tr38901(Tr38901.Scenario.UMA, 3.5);
        // d3D = sqrt(100² + 23.5²) = 102.724 m; PL1 = 28 + 22·log10(102.724) + 20·log10(3.5) = 83.138 dB
        assertEquals(83.1381567, m.pathLossDb(100, 25, 1.5, true), 1e-6);
        // d'BP = 4·24·0.5·3.5e9/c = 560.39 m; at 1 km PL2 = 28 + 40·log10(d3D) + 20·log10(3.5)
        //   − 9·log10(d'BP² + 23.5²) = 109.406 dB; NLOS 13.54 + 39.08·log10(d3D) + 20·log10(3.5) = 141.666 dB
        assertEquals(109.4064943, m.pathLossDb(1000, 25, 1.5, true), 1e-6);
        assertEquals(141.6660460, m.pathLossDb(1000, 25, 1.5, false), 1e-6);
        // P_LOS(100 m) = 18/100 + e^(−100/63)·(1 − 18/100) = 0.34767 (h_UT ≤ 13 m)
        assertEquals(0.3476708368, m.losProbability(100, 1.5), 1e-9);
        assertEquals(1, m.losProbability(15, 1.5), 0);
        assertEquals(4, m.shadowingSigmaDb(true), 0);
        assertEquals(6, m.shadowingSigmaDb(false), 0);
        assertEquals(37, m.correlationDistanceM(true), 0);
        assertEquals(50, m.correlationDistanceM(false), 0);
        assertEquals(9, m.kFactorDb(true), 0);
    }

    @Test
    void umi() {
        Tr38901 m = new Tr38901(Tr38901.Scenario.UMI, 3.5);
        // d'BP = 4·9·0.5·3.5e9/c = 210.15 m; at 200 m LOS = 32.4 + 21·log10(200.18) + 20·log10(3.5) = 91.611 dB;
        // NLOS' = 35.3·log10(200.18) + 22.4 + 21.3·log10(3.5) = 115.229 dB
        assertEquals(91.6112200, m.pathLossDb(200, 10, 1.5, true), 1e-6);
        assertEquals(115.2288411, m.pathLossDb(200, 10, 1.5, false), 1e-6);
        assertEquals(0.2309847497, m.losProbability(100, 1.5), 1e-9);
        assertEquals(7.82, m.shadowingSigmaDb(false), 0);
    }

    @Test
    void rma() {
        Tr38901 m = new Tr38901(Tr38901.Scenario.RMA, 0.7);
        // dBP = 2π·35·1.5·0.7e9/c = 770.22 m; PL1(d3D = 501.12 m) = 84.633 dB
        assertEquals(84.6325217, m.pathLossDb(500, 35, 1.5, true), 1e-6);
        // beyond dBP: PL1(dBP) + 40·log10(d3D/dBP) = 105.410 dB; NLOS = max(LOS, PL'_NLOS) = 128.068 dB
        assertEquals(105.4103786, m.pathLossDb(2000, 35, 1.5, true), 1e-6);
        assertEquals(128.0676589, m.pathLossDb(2000, 35, 1.5, false), 1e-6);
        assertEquals(0.9139311853, m.losProbability(100, 1.5), 1e-9);
        assertEquals(120, m.correlationDistanceM(false), 0);
    }

    @Test
    void tr36942MacroMatchesItsPublishedConstants() {
        // TR 36.942 §4.5.2: with Dhb = 15 m, L = 120.9 + 37.6·log10(R) at 900 MHz and 128.1 + 37.6·log10(R) at 2 GHz
        Tr36942Macro at900 = new Tr36942Macro(0.9, 15);
        Tr36942Macro at2000 = new Tr36942Macro(2.0, 15);
        for (double rKm : new double[] {0.5, 1, 2, 5}) {
            assertEquals(120.9 + 37.6 * Math.log10(rKm), at900.pathLossDb(rKm * 1000, 30, 1.5, false), 0.05);
            assertEquals(128.1 + 37.6 * Math.log10(rKm), at2000.pathLossDb(rKm * 1000, 30, 1.5, false), 0.06);
        }
        assertEquals(10, at900.shadowingSigmaDb(false), 0);
    }

    @Test
    void pathLossRisesWithDistance() {
        for (Tr38901.Scenario s : Tr38901.Scenario.values()) {
            Tr38901 m = new Tr38901(s, 3.5);
            for (boolean los : new boolean[] {true, false}) {
                double prev = 0;
                for (double d = 10; d <= 5000; d += 5) {
                    double pl = m.pathLossDb(d, m.defaultBsHeightM(), 1.5, los);
                    assertTrue(pl >= prev - 1e-9, s + " los=" + los + " at " + d);
                    prev = pl;
                }
            }
        }
    }

    @Test
    void thermalNoise() {
        // k·T₀ = 1.380649e-23 · 290 J = −173.975 dBm/Hz; 20 MHz and 9 dB: −91.96 dBm
        assertEquals(-173.9751872, ThermalNoise.KT0_DBM_PER_HZ, 1e-6);
        assertEquals(-173.9751872 + 73.0103 + 9, ThermalNoise.noiseDbm(20e6, 9), 1e-3);
    }

    @Test
    void shadowingHasTheExponentialCorrelation() {
        Random r = new Random(1);
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            double rad = 150 * Math.sqrt(r.nextDouble());
            double th = 2 * Math.PI * r.nextDouble();
            pts.add(new Point(rad * Math.cos(th), rad * Math.sin(th)));
        }
        int reps = 3000;
        int n = pts.size();
        double[][] acc = new double[n][n];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        for (int k = 0; k < reps; k++) {
            double[] z = ShadowingField.sample(pts, 6, 50, rng);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    acc[i][j] += z[i] * z[j] / 36;
                }
            }
        }
        // per distance bin, the mean of the empirical correlations tracks e^(−d/50)
        double[] err = new double[8];
        int[] cnt = new int[8];
        double varErr = 0;
        for (int i = 0; i < n; i++) {
            varErr += acc[i][i] / reps - 1;
            for (int j = 0; j < i; j++) {
                double d = pts.get(i).distanceTo(pts.get(j));
                int b = (int) Math.min(7, d / 25);
                err[b] += acc[i][j] / reps - Math.exp(-d / 50);
                cnt[b]++;
            }
        }
        assertEquals(0, varErr / n, 0.02, "variance σ²");
        for (int b = 0; b < 8; b++) {
            if (cnt[b] > 50) {
                assertEquals(0, err[b] / cnt[b], 0.02, "correlation at " + 25 * b + "–" + 25 * (b + 1) + " m");
            }
        }
    }

    @Test
    void shadowingWithoutCorrelationIsIndependentAndZeroSigmaIsZero() {
        List<Point> pts = List.of(new Point(0, 0), new Point(1, 0));
        double[] z = ShadowingField.sample(pts, 0, 50, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        assertEquals(0, z[0], 0);
        assertEquals(0, z[1], 0);
        // coincident points get the same value (correlation 1)
        double[] same = ShadowingField.sample(List.of(new Point(5, 5), new Point(5, 5)), 8, 50,
                RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        assertEquals(same[0], same[1], 1e-4);
    }
}
