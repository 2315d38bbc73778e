package io.packetgrid.radio.noma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.radio.fbl.Channel;
import io.packetgrid.radio.fbl.NormalApproximation;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** NOMA: K-user generalisations, single-user limits, SIC dependence, Monte Carlo under fading. */
class NomaTest {
    private static double psi(double n, double k, double sinr) {
        return sinr == 0 ? 1 : NormalApproximation.errorProbability(Channel.COMPLEX, n, k, sinr, true);
    }

    @Test
    void kUserDownlinkWithTwoUsersIsTheTwoUserFormula() {
        DownlinkPair p = DownlinkNoma.twoUser(150, 48, 96, 1.0, 0.65, 0.5, 2.0, 0.005, true);
        double[] e = DownlinkNoma.kUser(150, new double[] {96, 48}, 1.0, new double[] {0.35, 0.65},
                new double[] {2.0, 0.5}, 0.005, true);
        assertEquals(p.epsNear(), e[0], 1e-15);
        assertEquals(p.epsFar(), e[1], 1e-15);
    }

    @Test
    void kUserUplinkWithTwoUsersIsTheTwoUserFormula() {
        UplinkPair p = UplinkNoma.twoUser(150, 96, 192, 1.0, 3.98, 0.01, true);
        double[] e = UplinkNoma.kUser(150, new double[] {96, 192}, new double[] {1.0, 3.98}, 0.01, true);
        assertEquals(p.eps1(), e[0], 1e-15);
        assertEquals(p.eps2(), e[1], 1e-15);
    }

    @Test
    void reducesToSingleUserWhenTheOtherShareVanishes() {
        double snr = 10;
        // far user with all the power: its SINR → P·g_f, the single-user case
        DownlinkPair p = DownlinkNoma.twoUser(200, 100, 100, snr, 1.0, 0.4, 3, 0, true);
        assertEquals(psi(200, 100, snr * 0.4), p.epsFar(), 1e-15);
        DownlinkPair q = DownlinkNoma.twoUser(200, 100, 100, snr, 1 - 1e-12, 0.4, 3, 0, true);
        assertEquals(psi(200, 100, snr * 0.4), q.epsFar(), 1e-9);
        // near user whose partner gets nothing: no SIC stage, the single-user Ψ(P·g_n)
        double[] e = DownlinkNoma.kUser(200, new double[] {100, 100}, snr, new double[] {0, 1}, new double[] {0.4, 3}, 0.3, true);
        assertEquals(psi(200, 100, snr * 3), e[1], 1e-15);
        // uplink: the weak user's signal vanishes, the strong user decodes alone
        UplinkPair u = UplinkNoma.twoUser(200, 100, 100, snr, 0, 0.2, true);
        assertEquals(psi(200, 100, snr), u.eps1(), 1e-15);
        // three users, two silent
        double[] three = DownlinkNoma.kUser(200, new double[] {50, 60, 70}, snr, new double[] {0, 1, 0},
                new double[] {0.1, 1, 5}, 0.1, true);
        assertEquals(psi(200, 60, snr), three[1], 1e-15);
    }

    @Test
    void failedSicLosesTheDependentPacketAndResidualHurts() {
        DownlinkPair p = DownlinkNoma.twoUser(150, 96, 48, 1.0, 0.75, 2.0, 4.0, 0.005, true);
        assertEquals(p.epsNearSic() + (1 - p.epsNearSic()) * p.epsNearOwn(), p.epsNear(), 1e-18);
        assertTrue(p.epsNear() >= p.epsNearSic());
        double prev = 0;
        for (double xi = 0; xi <= 1; xi += 0.05) {
            double e = DownlinkNoma.twoUser(150, 96, 96, 10, 0.7, 0.5, 4, xi, true).epsNear();
            assertTrue(e >= prev, "near error grows with ξ");
            prev = e;
        }
    }

    @Test
    void threeUserDownlinkStagesAccumulate() {
        double snr = 10;
        double[] a = {0.7, 0.2, 0.1};
        double[] g = {0.2, 1, 3};
        double[] k = {150, 150, 150};
        double[] e = DownlinkNoma.kUser(150, k, snr, a, g, 0.01, true);
        // strongest user: three stages, by hand from the README formula
        double pg = snr * g[2];
        double s1 = a[0] * pg / ((a[1] + a[2]) * pg + 1);
        double s2 = a[1] * pg / ((a[2] + 0.01 * a[0]) * pg + 1);
        double s3 = a[2] * pg / ((0.01 * (a[0] + a[1])) * pg + 1);
        double want = 1 - (1 - psi(150, 150, s1)) * (1 - psi(150, 150, s2)) * (1 - psi(150, 150, s3));
        assertTrue(want > 1e-6 && want < 0.5, "a case with a visible error: " + want);
        assertEquals(want, e[2], want * 1e-9);
        assertThrows(IllegalArgumentException.class,
                () -> DownlinkNoma.kUser(150, k, snr, new double[] {0.7, 0.5, 0.1}, g, 0, true));
    }

    @Test
    void monteCarloUnderRayleighFadingMatchesTheAverage() {
        // per-user error with both gains Rayleigh (means 0.5 and 4), against the exact average
        double n = 150;
        double snr = Math.pow(10, 1.5);
        double[] exact = DownlinkNoma.rayleighAveraged(n, 96, 96, snr, 0.8, 0.5, 4, 0.01, true);
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        int trials = 200_000;
        int farErr = 0;
        int nearErr = 0;
        for (int i = 0; i < trials; i++) {
            double gf = 0.5 * -Math.log(1 - r.nextDouble());
            double gn = 4 * -Math.log(1 - r.nextDouble());
            DownlinkPair p = DownlinkNoma.twoUser(n, 96, 96, snr, 0.8, gf, gn, 0.01, true);
            if (r.nextDouble() < p.epsFar()) {
                farErr++;
            }
            boolean sicOk = r.nextDouble() >= p.epsNearSic();
            boolean ownOk = r.nextDouble() >= p.epsNearOwn();
            if (!(sicOk && ownOk)) {
                nearErr++;
            }
        }
        assertWithinCi(exact[0], farErr, trials);
        assertWithinCi(exact[1], nearErr, trials);
    }

    @Test
    void pairingPutsTheStrongestWithTheWeakest() {
        List<UserPairing.Pair> p = UserPairing.nearFar(new double[] {0.3, 5, 1, 0.1, 2});
        assertEquals(new UserPairing.Pair(1, 3), p.get(0));
        assertEquals(new UserPairing.Pair(4, 0), p.get(1));
        assertEquals(new UserPairing.Pair(2, -1), p.get(2));
        assertTrue(p.get(2).single());
    }

    @Test
    void farShareForTargetMeetsTheTarget() {
        double snr = 100;
        double gFar = 0.3;
        double a = PowerAllocation.farShareForTarget(150, 64, 1e-5, snr, gFar, 0, true);
        DownlinkPair p = DownlinkNoma.twoUser(150, 64, 64, snr, a, gFar, 3, 0, true);
        assertTrue(p.epsFar() <= 1e-5 * (1 + 1e-9), "far error " + p.epsFar());
        assertTrue(Double.isNaN(PowerAllocation.farShareForTarget(150, 600, 1e-5, 1, 0.01, 0, true)));
    }

    /** |observed − expected| within 4.5 binomial standard deviations (a two-sided 1 − 7e-6 interval). */
    static void assertWithinCi(double p, int hits, int trials) {
        double sd = Math.sqrt(p * (1 - p) / trials);
        double obs = hits / (double) trials;
        assertEquals(p, obs, 4.5 * sd, "observed " + obs + " vs " + p);
    }
}
