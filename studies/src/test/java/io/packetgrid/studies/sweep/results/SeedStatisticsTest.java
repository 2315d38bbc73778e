package io.packetgrid.studies.sweep.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against hand-derived values and the published Student-t table (two-sided 95 %, i.e. t(0.975; ν):
 * NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2, "Critical values of the Student's t
 * distribution"; 3 decimals).
 */
class SeedStatisticsTest {

    @ParameterizedTest(name = "n = {0}")
    @CsvSource({
            // n, t(0.975; n-1) from the table
            "2, 12.706",
            "3, 4.303",
            "5, 2.776",
            "10, 2.262",
            "30, 2.045",
    })
    void theIntervalUsesStudentsTWithNMinusOneDegreesOfFreedom(int n, double tTable) {
        // values 1..n: mean (n+1)/2, sample variance n(n+1)/12, so s = sqrt(n(n+1)/12)
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i + 1;
        }
        Stat s = SeedStatistics.of(v);
        double mean = (n + 1) / 2.0;
        double sd = Math.sqrt(n * (n + 1) / 12.0);
        assertEquals(n, s.n());
        assertEquals(mean, s.mean(), 1e-12);
        assertEquals(sd, s.sd(), 1e-12);
        double t = (s.ciHigh() - mean) / (sd / Math.sqrt(n));
        assertEquals(tTable, t, 5e-4, "t(0.975; " + (n - 1) + ")");
        assertEquals(mean - (s.ciHigh() - mean), s.ciLow(), 1e-12, "symmetric");
    }

    @Test
    void threeSeedsOfTheTestStudyByHand() {
        // linear.y = 3 + seed for seeds 1, 2, 3: mean 5, s = 1, half width 4.303 / sqrt(3) = 2.484
        Stat s = SeedStatistics.of(new double[] {4, 5, 6});
        assertEquals(5, s.mean(), 1e-12);
        assertEquals(1, s.sd(), 1e-12);
        assertEquals(2.484, s.halfWidth(), 1e-3);
    }

    @Test
    void oneSeedHasAMeanButNoSpread() {
        Stat s = SeedStatistics.of(new double[] {2.5});
        assertEquals(1, s.n());
        assertEquals(2.5, s.mean());
        assertTrue(Double.isNaN(s.sd()) && Double.isNaN(s.ciLow()) && Double.isNaN(s.ciHigh()));
        assertEquals(0, s.halfWidth());
    }

    @Test
    void identicalValuesHaveAZeroWidthInterval() {
        Stat s = SeedStatistics.of(new double[] {7, 7, 7, 7});
        assertEquals(0, s.sd());
        assertEquals(7, s.ciLow());
        assertEquals(7, s.ciHigh());
    }
}
