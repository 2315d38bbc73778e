package io.packetgrid.pem.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The forecast error's statistics against the configured model (Monte Carlo with its sampling error). */
class ForecastErrorModelTest {

    @Test
    void rmseGrowsWithLeadAsConfiguredAndErrorsAreCorrelated() {
        // σ∞ = 2 kW, τ = 2 h, 15-min steps: φ = e^(−0.125); RMSE(k) = 2·√(1 − φ^(2k))
        ForecastErrorModel m = new ForecastErrorModel(2.0, 7200);
        double step = 900;
        double phi = Math.exp(-0.125);
        assertEquals(phi, m.phi(step), 1e-15);
        assertEquals(2 * Math.sqrt(1 - phi * phi), m.rmseAtLead(1, step), 1e-12);
        assertEquals(0, m.rmseAtLead(0, step), 0);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        int n = 4000;
        int[] leads = {1, 4, 16, 64};
        double[] sq = new double[leads.length];
        double lag = 0;
        double lagNorm = 0;
        double[] truth = new double[65];
        for (int i = 0; i < n; i++) {
            double[] f = m.forecast(truth, 0, step, -1e9, 1e9, rng);
            assertEquals(0, f[0], 0, "lead 0 is the truth");
            for (int j = 0; j < leads.length; j++) {
                sq[j] += f[leads[j]] * f[leads[j]];
            }
            lag += f[63] * f[64];
            lagNorm += f[63] * f[63];
        }
        for (int j = 0; j < leads.length; j++) {
            double expected = m.rmseAtLead(leads[j], step);
            // the sample variance of n Gaussian errors has relative s.d. √(2/n) = 2.2 %: 4 s.d. on the variance
            assertEquals(expected * expected, sq[j] / n, 4 * Math.sqrt(2.0 / n) * expected * expected, "lead " + leads[j]);
        }
        assertEquals(phi, lag / lagNorm, 0.03, "lag-one correlation of the error along the lead axis");
    }

    @Test
    void perfectForecastsAndClipping() {
        double[] truth = {0, 1, 2, 3};
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        assertArrayEquals(new double[] {1, 2, 3}, ForecastErrorModel.perfect().forecast(truth, 1, 900, 0, 10, rng), 0);
        double[] f = new ForecastErrorModel(100, 900).forecast(new double[200], 0, 900, 0, 5, rng);
        for (double x : f) {
            assertEquals(2.5, x, 2.5, "clipped to [0, 5]");
        }
    }
}
