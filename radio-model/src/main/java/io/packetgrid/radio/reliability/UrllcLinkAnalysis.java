package io.packetgrid.radio.reliability;

import io.packetgrid.radio.fading.AveragedNaTable;
import io.packetgrid.radio.fading.Fading;
import io.packetgrid.radio.fading.QuasiStaticNa;
import io.packetgrid.radio.fbl.Channel;
import io.packetgrid.radio.fbl.NormalApproximation;
import io.packetgrid.radio.nr.LinkTiming;

/**
 * Per-round failure probabilities of a URLLC hop from its link budget: a round of K repetitions, each
 * over n resource elements with its own fading draw, combined by maximum-ratio (chase) combining
 * before decoding (TS 38.214 §6.1.2.3 repetitions; combining as in Makki, Svensson, Zorzi 2014 and
 * the README's averaged NA): ε_round = E[Ψ(K·ρ̄·ḡ_K, n, k)] with ḡ_K the mean of K unit-mean gains
 * ({@link Fading#combined}). Rounds are independent (each sees new fading; no combining across HARQ
 * rounds, which keeps the model conservative).
 */
public final class UrllcLinkAnalysis {
    private UrllcLinkAnalysis() {
    }

    /** ε of one round on a hop with average SNR {@code snrAvg} (linear) per repetition. */
    public static double roundFailure(LinkTiming timing, double n, double kBits, double snrAvg, Fading fading, boolean logTerm) {
        return roundFailure(timing.repetitions(), n, kBits, snrAvg, fading, logTerm);
    }

    /**
     * ε of one round of {@code reps} chase-combined repetitions (each with average SNR {@code snrAvg}, linear,
     * and its own fading draw): E[Ψ(ρ̄·(g₁ + … + g_reps))]. With repetitions erased on a shared uplink, the
     * round's failure is the mixture of these over the number that survive (see {@link #erasedRoundFailure}).
     */
    public static double roundFailure(int reps, double n, double kBits, double snrAvg, Fading fading, boolean logTerm) {
        if (reps < 1) {
            throw new IllegalArgumentException("a round needs at least one repetition, got " + reps);
        }
        Fading f = fading.combined(reps);
        double snr = reps * snrAvg;
        if (n <= 0) {
            throw new IllegalArgumentException("n must be a positive blocklength, got " + n);
        }
        if (kBits - NormalApproximation.logTerm(n, logTerm) <= 0) {
            return QuasiStaticNa.errorProbability(f, n, kBits, snr, logTerm);
        }
        if (f.equals(Fading.none())) {
            return NormalApproximation.errorProbability(Channel.COMPLEX, n, kBits, snr, logTerm);
        }
        return AveragedNaTable.of(n, kBits, logTerm).average(f, snr);
    }

    /**
     * ε' of a round of K repetitions each erased independently with probability u (by other traffic on a shared
     * uplink unit; docs/radio-model.md): m of K survive with probability C(K, m)·(1 − u)^m·u^(K−m) and are combined,
     * so ε' = Σ_m C(K, m)(1 − u)^m u^(K−m)·ε_m with ε_0 = 1 and ε_m from {@code failureOf.applyAsDouble(m)}. The terms
     * are summed from m = 0 up; when ε_m falls with m (every packet above the log term: more combined energy, a
     * smaller error) and is below 10⁻¹⁴ of the sum, the rest (weights summing to at most 1) cannot add more and
     * the sum stops.
     */
    public static double erasedRoundFailure(int reps, double u, boolean monotone, java.util.function.IntToDoubleFunction failureOf) {
        if (!(u >= 0 && u <= 1)) {
            throw new IllegalArgumentException("erasure probability must be in [0, 1], got " + u);
        }
        if (u == 0) {
            return failureOf.applyAsDouble(reps);
        }
        double sum = 0;
        double c = 1; // C(K, m)
        for (int m = 0; m <= reps; m++) {
            if (m > 0) {
                c = c * (reps - m + 1) / m;
            }
            double pm = c * Math.pow(1 - u, m) * Math.pow(u, reps - m);
            double em = m == 0 ? 1.0 : failureOf.applyAsDouble(m);
            sum += pm * em;
            if (monotone && em < 1e-14 * sum) {
                break;
            }
        }
        return Math.min(1.0, sum);
    }

    /** A hop whose every round fails with {@link #roundFailure}. */
    public static Hop hop(LinkTiming timing, double n, double kBits, double snrAvg, Fading fading, boolean logTerm, long afterNs) {
        return Hop.uniform(timing, roundFailure(timing, n, kBits, snrAvg, fading, logTerm), afterNs);
    }
}
