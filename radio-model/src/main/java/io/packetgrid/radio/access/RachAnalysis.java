package io.packetgrid.radio.access;

import java.util.Arrays;

/**
 * Closed forms for contention-based random access.
 *
 * <p><b>One occasion.</b> With n devices each picking one of M preambles uniformly: the expected
 * number of successful devices is n·(1 − 1/M)^(n−1), of idle preambles M·(1 − 1/M)^n, and of collided
 * preambles the rest (3GPP TR 37.868 §6.2.2; the occupancy formulas of the slotted-ALOHA analysis,
 * e.g. Bertsekas &amp; Gallager, "Data Networks", 2nd ed., 1992, §4.2). Against Poisson(λ) background
 * transmissions a tagged preamble is clean with probability e^(−λ/M) (Poisson thinning).
 *
 * <p><b>One device over many occasions.</b> If every preamble of the device succeeds independently
 * with probability q (true against memoryless background traffic), its access is a Markov chain over
 * (occasion, attempt): barred with probability 1 − a and waiting U{0.7T..1.3T}, else sending, then
 * done with probability q or backing off response + U{0..B} occasions, up to R attempts.
 * {@link #access} propagates that chain exactly (dynamic programming over occasions), giving the
 * distribution of the success occasion and of the attempt count and the failure probability.
 *
 * <p><b>A burst.</b> {@link #burstMeanField} is the usual mean-value recursion for N devices arriving
 * together (TR 37.868 traffic model 2 style; Wei, Liu, Wang, Chen, "Modeling and analysis of random
 * access channels with bursty arrivals in OFDMA wireless networks", IEEE TWC 14(4), 2015, §III): the
 * expected successes per occasion are K·(1 − 1/M)^(K−1) with K the expected contenders. It is an
 * approximation (it replaces the random contender count by its mean).
 */
public final class RachAnalysis {
    private RachAnalysis() {
    }

    /** Expected successful devices when n devices contend on M preambles. */
    public static double expectedSuccesses(double n, int preambles) {
        return n <= 0 ? 0 : n * Math.pow(1 - 1.0 / preambles, n - 1);
    }

    /** Expected idle preambles when n devices contend on M preambles. */
    public static double expectedIdle(double n, int preambles) {
        return preambles * Math.pow(1 - 1.0 / preambles, n);
    }

    /** A tagged preamble's success probability against Poisson(λ) background transmissions. */
    public static double successAgainstPoisson(double backgroundMean, int preambles) {
        return Math.exp(-backgroundMean / preambles);
    }

    /**
     * The exact access distribution of one device whose every preamble succeeds with probability q.
     *
     * @param successAt    P[success at occasion t after the first check], t = 0..length−1
     * @param attempts     P[success with exactly r preambles], r = 1..R at index r−1
     * @param failure      P[giving up after R collided preambles]
     * @param residual     probability mass still in flight beyond the horizon (≤ 1e-15 unless cut)
     */
    public record Access(double[] successAt, double[] attempts, double failure, double residual) {
        public double successProbability() {
            return Arrays.stream(attempts).sum();
        }

        /** P[success within {@code occasions} occasions of the first check, inclusive]. */
        public double successWithin(int occasions) {
            double s = 0;
            for (int t = 0; t <= occasions && t < successAt.length; t++) {
                s += successAt[t];
            }
            return s;
        }

        public double meanAttemptsGivenSuccess() {
            double m = 0;
            double p = 0;
            for (int r = 0; r < attempts.length; r++) {
                m += (r + 1) * attempts[r];
                p += attempts[r];
            }
            return m / p;
        }
    }

    /** The access distribution for configuration {@code c} and per-preamble success probability q. */
    public static Access access(RachConfig c, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("q must be in [0, 1], got " + q);
        }
        int r = c.maxAttempts();
        int step = c.responseOccasions() + c.backoffOccasions() + Math.max(1, c.barringMax());
        int horizon = 64;
        // mass[t][a]: probability of a barring check at occasion t before preamble a+1
        double[][] mass = new double[horizon][r];
        mass[0][0] = 1;
        double[] successAt = new double[horizon];
        double[] attempts = new double[r];
        double failure = 0;
        double a = c.barringFactor();
        int bMin = c.barringMin();
        int bMax = c.barringMax();
        double residual = 0;
        for (int t = 0; t < mass.length; t++) {
            if (t + step + 1 >= mass.length) {
                double left = remaining(mass, t);
                if (left <= 1e-16 || mass.length >= 1 << 22) {
                    residual = left;
                    break;
                }
                mass = grow(mass, 2 * mass.length);
                successAt = Arrays.copyOf(successAt, mass.length);
            }
            for (int k = 0; k < r; k++) {
                double m = mass[t][k];
                if (m == 0) {
                    continue;
                }
                double barred = m * (1 - a);
                if (barred > 0) {
                    // the wait is U{bMin..bMax}, at least one occasion (RandomAccessChannel.barringWait)
                    int span = bMax - bMin + 1;
                    for (int w = bMin; w <= bMax; w++) {
                        mass[t + Math.max(1, w)][k] += barred / span;
                    }
                }
                double send = m * a;
                successAt[t] += send * q;
                attempts[k] += send * q;
                double fail = send * (1 - q);
                if (k + 1 >= r) {
                    failure += fail;
                } else {
                    int span = c.backoffOccasions() + 1;
                    for (int b = 0; b < span; b++) {
                        mass[t + c.responseOccasions() + b][k + 1] += fail / span;
                    }
                }
            }
        }
        int last = successAt.length;
        while (last > 1 && successAt[last - 1] == 0) {
            last--;
        }
        return new Access(Arrays.copyOf(successAt, last), attempts, failure, residual);
    }

    /**
     * Mean-field burst: N devices check at occasion 0 (no barring, no background); per occasion the
     * expected number of contenders K_t yields K_t·(1 − 1/M)^(K_t − 1) successes, the rest back off
     * uniformly. Returns the expected successes per occasion.
     */
    public static double[] burstMeanField(RachConfig c, double devices, int occasions) {
        int r = c.maxAttempts();
        double[][] k = new double[occasions + c.responseOccasions() + c.backoffOccasions() + 1][r];
        k[0][0] = devices;
        double[] successes = new double[occasions];
        for (int t = 0; t < occasions; t++) {
            double total = 0;
            for (int a = 0; a < r; a++) {
                total += k[t][a];
            }
            if (total <= 0) {
                continue;
            }
            double pSucc = Math.pow(1 - 1.0 / c.preambles(), total - 1);
            if (total < 1) {
                pSucc = 1; // fewer than one expected contender: no one to collide with on average
            }
            successes[t] = total * pSucc;
            for (int a = 0; a + 1 < r; a++) {
                double fail = k[t][a] * (1 - pSucc);
                int span = c.backoffOccasions() + 1;
                for (int b = 0; b < span; b++) {
                    k[t + c.responseOccasions() + b][a + 1] += fail / span;
                }
            }
        }
        return successes;
    }

    private static double remaining(double[][] mass, int from) {
        double s = 0;
        for (int t = from; t < mass.length; t++) {
            for (double v : mass[t]) {
                s += v;
            }
        }
        return s;
    }

    private static double[][] grow(double[][] mass, int size) {
        double[][] m = new double[size][];
        for (int t = 0; t < size; t++) {
            m[t] = t < mass.length ? mass[t] : new double[mass[0].length];
        }
        return m;
    }
}
