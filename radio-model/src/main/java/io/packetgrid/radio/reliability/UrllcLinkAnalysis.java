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
        int reps = timing.repetitions();
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

    /** A hop whose every round fails with {@link #roundFailure}. */
    public static Hop hop(LinkTiming timing, double n, double kBits, double snrAvg, Fading fading, boolean logTerm, long afterNs) {
        return Hop.uniform(timing, roundFailure(timing, n, kBits, snrAvg, fading, logTerm), afterNs);
    }
}
