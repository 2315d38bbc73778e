package io.packetgrid.radio.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Random access: closed forms against the event-level engine within confidence intervals. */
class AccessTest {

    @Test
    void alohaClosedFormAgainstEventLevelContention() {
        // N devices, each active per slot w.p. p, on M channels: the tagged device's success rate
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        for (int[] c : new int[][] {{50, 1}, {50, 48}, {200, 54}, {20, 4}}) {
            int devices = c[0];
            int m = c[1];
            double p = 0.05;
            PreambleContention pc = new PreambleContention(m);
            int[] pick = new int[devices];
            boolean[] ok = new boolean[devices];
            long attempts = 0;
            long successes = 0;
            long slotSuccesses = 0;
            int slots = 200_000;
            for (int s = 0; s < slots; s++) {
                int active = 0;
                for (int d = 0; d < devices; d++) {
                    if (r.nextDouble() < p) {
                        active++;
                    }
                }
                pc.resolve(active, 0, r, pick, ok);
                attempts += active;
                for (int i = 0; i < active; i++) {
                    if (ok[i]) {
                        successes++;
                    }
                }
                slotSuccesses += countTrue(ok, active);
            }
            SlottedAloha.Metrics x = SlottedAloha.of(devices, p, m);
            double ps = x.pSuccess();
            double obs = successes / (double) attempts;
            assertEquals(ps, obs, 4.5 * Math.sqrt(ps * (1 - ps) / attempts), "N=" + devices + " M=" + m);
            assertEquals(x.throughput(), slotSuccesses / (double) slots, 0.02 * x.throughput() + 0.002);
        }
    }

    @Test
    void alohaPoissonLimitPeaksAtOneOverE() {
        SlottedAloha.Metrics x = SlottedAloha.of(1_000_000, 1e-6 * 1, 1);
        assertEquals(1.0, x.offeredLoadPerChannel(), 1e-12);
        assertEquals(Math.exp(-1), x.poissonPerChannel(), 1e-15);
        assertEquals(Math.exp(-1), x.throughputPerChannel(), 1e-6);
        assertEquals(1, SlottedAloha.of(1, 1, 1).pSuccess(), 0);
        assertEquals(0, SlottedAloha.of(5, 1, 1).pSuccess(), 0);
        assertThrows(IllegalArgumentException.class, () -> SlottedAloha.of(0, 0.1, 1));
    }

    @Test
    void rachAccessDistributionAgainstTheSimulatorWithPoissonBackground() {
        // a tagged device per run against Poisson(λ) background: every preamble succeeds w.p. e^(−λ/M),
        // independently, so the dynamic-programming distribution is exact
        RachConfig c = new RachConfig(54, 10, 1, 4, 0.8, 6);
        double lambda = 40;
        double q = RachAnalysis.successAgainstPoisson(lambda, c.preambles());
        RachAnalysis.Access a = RachAnalysis.access(c, q);
        assertEquals(1, a.successProbability() + a.failure() + a.residual(), 1e-12);
        int runs = 100_000;
        long[] join = new long[runs];
        for (int i = 0; i < runs; i++) {
            join[i] = 1000L * i; // far apart: the devices never meet, only the background contends
        }
        RachSimulator.Outcome o = RachSimulator.run(c, join, lambda, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        long ok = o.successes();
        assertWithin(a.successProbability(), ok, runs);
        int[] horizon = {0, 1, 3, 6, 10, 20};
        for (int h : horizon) {
            long within = 0;
            for (int i = 0; i < runs; i++) {
                if (o.successOccasion()[i] >= 0 && o.successOccasion()[i] - join[i] <= h) {
                    within++;
                }
            }
            assertWithin(a.successWithin(h), within, runs);
        }
        double attempts = 0;
        for (int i = 0; i < runs; i++) {
            if (o.successOccasion()[i] >= 0) {
                attempts += o.attempts()[i];
            }
        }
        double m = a.meanAttemptsGivenSuccess();
        double var = -m * m;
        for (int k = 0; k < a.attempts().length; k++) {
            var += (k + 1) * (k + 1) * a.attempts()[k] / a.successProbability();
        }
        assertEquals(m, attempts / ok, 4.5 * Math.sqrt(var / ok));
    }

    @Test
    void heavyBackgroundExhaustsThePreambleBudget() {
        RachConfig c = new RachConfig(54, 3, 1, 2, 1.0, 0);
        double q = RachAnalysis.successAgainstPoisson(200, 54);
        RachAnalysis.Access a = RachAnalysis.access(c, q);
        assertEquals(Math.pow(1 - q, 3), a.failure(), 1e-15);
        int runs = 50_000;
        long[] join = new long[runs];
        for (int i = 0; i < runs; i++) {
            join[i] = 100L * i;
        }
        RachSimulator.Outcome o = RachSimulator.run(c, join, 200, RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
        assertWithin(a.failure(), runs - o.successes(), runs);
    }

    @Test
    void burstMeanFieldTracksTheSimulatorApproximately() {
        // TR 37.868-style burst: 300 devices at once, no background. The mean-field recursion is an
        // approximation; the cumulative successes agree to a few percent.
        RachConfig c = RachConfig.TR37868;
        double[] mf = RachAnalysis.burstMeanField(c, 300, 60);
        int reps = 1000;
        double[] sim = new double[60];
        double first = 0;
        double firstSq = 0;
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(17L);
        for (int k = 0; k < reps; k++) {
            RachSimulator.Outcome o = RachSimulator.run(c, new long[300], 0, r);
            int atZero = 0;
            for (long s : o.successOccasion()) {
                if (s >= 0 && s < 60) {
                    sim[(int) s] += 1.0 / reps;
                }
                if (s == 0) {
                    atZero++;
                }
            }
            first += atZero;
            firstSq += atZero * atZero;
        }
        double cumMf = 0;
        double cumSim = 0;
        for (int t = 0; t < 60; t++) {
            cumMf += mf[t];
            cumSim += sim[t];
        }
        assertEquals(cumSim, cumMf, 0.05 * cumSim);
        // the first occasion is exact: n·(1 − 1/M)^(n−1) expected successes
        double mean = first / reps;
        double se = Math.sqrt((firstSq / reps - mean * mean) / reps);
        assertEquals(RachAnalysis.expectedSuccesses(300, 54), mean, 4.5 * se);
        assertEquals(RachAnalysis.expectedSuccesses(300, 54), mf[0], 1e-12);
    }

    @Test
    void occupancyFormulas() {
        // n = 2 devices on M preambles: both succeed w.p. (M−1)/M
        assertEquals(2 * (1 - 1.0 / 54), RachAnalysis.expectedSuccesses(2, 54), 1e-15);
        assertEquals(54 * Math.pow(53.0 / 54, 2), RachAnalysis.expectedIdle(2, 54), 1e-12);
    }

    private static int countTrue(boolean[] a, int n) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (a[i]) {
                c++;
            }
        }
        return c;
    }

    private static void assertWithin(double p, long hits, long trials) {
        double sd = Math.sqrt(p * (1 - p) / trials);
        assertEquals(p, hits / (double) trials, 4.5 * sd + 1e-12);
    }
}
