package io.packetgrid.pem.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** μ(x) and the request probability against PEM-NOTES §1.2's worked table and the formulas' limits. */
class RequestRateTest {
    static final double M = 1.0 / 300;

    /** PEM-NOTES §1.2 table: T_set 55 °C, band [51.7, 58.3] °C, m_R = 1/300 Hz, Δt = 10 s (values as printed). */
    @ParameterizedTest
    @CsvSource({
            "52.5, 0.0242, 0.7, 21.5",
            "53.5, 0.0089, 1.9, 8.5",
            "55.0, 0.0033, 5.0, 3.3",
            "56.5, 0.00125, 13.3, 1.2",
            "57.5, 0.00046, 36, 0.46"})
    void matchesTheWorkedTable(double t, double mu, double mttrMin, double pPct) {
        double m = RequestRate.heating(t, 51.7, 55, 58.3, M);
        assertEquals(mu, m, Math.pow(10, -3) * 0.5 + mu * 0.02);
        assertEquals(mttrMin, RequestRate.meanTimeToRequestS(m) / 60, mttrMin * 0.03);
        assertEquals(pPct, 100 * RequestRate.probability(m, 10), pPct * 0.03 + 0.01);
    }

    @Test
    void atTheSetPointTheMeanTimeToRequestIsOneOverMr() {
        assertEquals(300, RequestRate.meanTimeToRequestS(RequestRate.heating(55, 51.7, 55, 58.3, M)), 1e-9);
        // asymmetric band: still m_R at x_set (Springer 2018 eq. 1.5)
        assertEquals(M, RequestRate.heating(0.75, 0.55, 0.75, 0.95, M), 1e-15);
        assertEquals(M, RequestRate.heating(0.6, 0.5, 0.6, 0.9, M), 1e-15);
        assertEquals(M, RequestRate.discharge(0.6, 0.5, 0.6, 0.9, M), 1e-15);
    }

    @Test
    void limitsOfTheBand() {
        assertEquals(Double.POSITIVE_INFINITY, RequestRate.heating(51.7, 51.7, 55, 58.3, M));
        assertEquals(0, RequestRate.heating(58.3, 51.7, 55, 58.3, M));
        assertEquals(1, RequestRate.probability(Double.POSITIVE_INFINITY, 10));
        assertEquals(0, RequestRate.probability(0, 10));
        assertEquals(0, RequestRate.discharge(0.55, 0.55, 0.75, 0.95, M));
        assertEquals(Double.POSITIVE_INFINITY, RequestRate.discharge(0.95, 0.55, 0.75, 0.95, M));
    }

    @Test
    void coolingFormOfCcta2022() {
        // μ = M_on (T − Tmin)/(Tmax − T); M_on = 1/600 Hz for a 10-min mean time to on-request at mid-band
        assertEquals(1.0 / 600, RequestRate.cooling(22, 21, 23, 1.0 / 600), 1e-15);
        assertEquals(0, RequestRate.cooling(21, 21, 23, 1.0 / 600));
        assertEquals(Double.POSITIVE_INFINITY, RequestRate.cooling(23, 21, 23, 1.0 / 600));
        assertEquals(3.0 / 600, RequestRate.cooling(22.5, 21, 23, 1.0 / 600), 1e-15);
    }

    @Test
    void heatingRateFallsMonotonicallyAcrossTheBand() {
        double prev = Double.POSITIVE_INFINITY;
        for (double t = 51.71; t < 58.3; t += 0.01) {
            double m = RequestRate.heating(t, 51.7, 55, 58.3, M);
            assertTrue(m < prev, "μ must fall as T rises: " + t);
            prev = m;
        }
    }

    @Test
    void probabilityIsOneMinusExpOfMuDt() {
        assertEquals(1 - Math.exp(-0.02 * 10), RequestRate.probability(0.02, 10), 1e-15);
        // tiny μΔt: 1 − exp(−x) ≈ x − x²/2 (computed with expm1, no cancellation)
        double x = 1e-9 * 10;
        assertEquals(x - x * x / 2, RequestRate.probability(1e-9, 10), 1e-24);
    }

    @Test
    void automatonRequestsWithThatProbability() {
        // a device held at 53.5 °C requests in a 10-s step with p = 8.5 % (PEM-NOTES table); 20 000 trials
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        FakeDevice dev = new FakeDevice(PemBand.symmetric(55, 6.6, 4.4), 53.5);
        double p = RequestRate.probability(RequestRate.heating(53.5, 51.7, 55, 58.3, M), 10);
        int n = 20_000;
        int hits = 0;
        for (int i = 0; i < n; i++) {
            PemAutomaton a = new PemAutomaton(new PemAutomaton.Config(M, 300_000_000_000L, 5_000_000_000L));
            if (a.step(0, 10, dev, rng) == PemAutomaton.Output.REQUEST) {
                hits++;
            }
        }
        double se = Math.sqrt(p * (1 - p) / n);
        assertEquals(p, hits / (double) n, 4 * se);
    }
}
