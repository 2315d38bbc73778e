package io.packetgrid.radio.reliability;

import io.packetgrid.radio.nr.LinkTiming;

/**
 * One radio hop of a path: its timing and the failure probability of each HARQ round (rounds fail
 * independently: each round sees its own fading), then a fixed delay before the next hop (backhaul,
 * core network, server processing).
 *
 * @param timing       occasions, repetitions, rounds and processing of the hop
 * @param roundFailure ε_r, the probability that round r (0-based) is not decoded; one per round
 * @param afterNs      fixed delay from decoding to the next hop's arrival (or to the destination)
 */
public record Hop(LinkTiming timing, double[] roundFailure, long afterNs) {
    public Hop {
        if (roundFailure.length != timing.rounds()) {
            throw new IllegalArgumentException("need one failure probability per round: " + timing.rounds());
        }
        for (double e : roundFailure) {
            if (!(e >= 0 && e <= 1)) {
                throw new IllegalArgumentException("round failure probabilities must be in [0, 1], got " + e);
            }
        }
        if (afterNs < 0) {
            throw new IllegalArgumentException("delay after the hop must be ≥ 0");
        }
        roundFailure = roundFailure.clone();
    }

    /** The same ε for every round. */
    public static Hop uniform(LinkTiming timing, double roundFailure, long afterNs) {
        double[] e = new double[timing.rounds()];
        java.util.Arrays.fill(e, roundFailure);
        return new Hop(timing, e, afterNs);
    }

    /** P[all rounds fail], computed without cancellation. */
    double lossProbability() {
        double p = 1;
        for (double e : roundFailure) {
            p *= e;
        }
        return p;
    }
}
