package io.packetgrid.radio.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.radio.nr.LinkTiming;
import io.packetgrid.radio.nr.Numerology;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The phase-resolved delivery-time distribution and the joint miss probability of messages sent together:
 * against hand-worked cases, the unconditional distribution, and sampling of the round model.
 */
class PhaseAndJointTest {
    private static final Numerology MU1 = new Numerology(1);

    private static LinkTiming timing(int rounds, int reps) {
        return new LinkTiming(MU1, 2, 1, reps, rounds, MU1.processingNs(5.5), MU1.processingNs(4.5),
                MU1.processingNs(2) + MU1.processingNs(5.5), null);
    }

    private static final LinkTiming DL = new LinkTiming(MU1, 2, 1, 1, 2, 100_000, 150_000, 200_000, null);

    static DeliveryTimeDistribution path(double ulEps, double dlEps, long core) {
        return DeliveryTimeDistribution.of(List.of(new Hop(timing(2, 2), new double[] {ulEps, ulEps}, core),
                new Hop(DL, new double[] {dlEps, dlEps}, 0)), 0);
    }

    @Test
    void phasesReproduceTheUnconditionalDistribution() {
        DeliveryTimeDistribution d = path(0.1, 0.2, 500_000);
        List<DeliveryTimeDistribution.Phase> phases = d.phases();
        assertEquals(0, phases.get(0).fromNs());
        assertEquals(d.periodNs(), phases.get(phases.size() - 1).toNs());
        for (int i = 0; i + 1 < phases.size(); i++) {
            assertEquals(phases.get(i).toNs(), phases.get(i + 1).fromNs());
        }
        for (DeliveryTimeDistribution.Phase p : phases) {
            double sum = d.lossProbability();
            for (double w : p.probability()) {
                sum += w;
            }
            assertEquals(1, sum, 1e-14, "every phase's outcomes add up to one");
        }
        // the mean of the conditional miss probability over the phase is the unconditional one (midpoint rule on
        // a grid fine enough that its error, at most one step's share per jump, stays below 1e-5)
        for (double deadline : new double[] {600_000, 1_000_000, 1_500_000, 2_500_000}) {
            int grid = 200_000;
            double s = 0;
            for (int i = 0; i < grid; i++) {
                s += d.missProbabilityAt((i + 0.5) * d.periodNs() / grid, deadline);
            }
            assertEquals(d.missProbability(deadline), s / grid, 1e-5, "deadline " + deadline);
        }
        // hand-worked: no deadline is missed but by loss; a zero deadline by everything
        assertEquals(d.lossProbability(), d.missProbabilityAt(1234, 1e12), 1e-15);
        assertEquals(1, d.missProbabilityAt(1234, 0), 1e-15);
        // periodic in the phase
        assertEquals(d.missProbabilityAt(77_777, 1.2e6), d.missProbabilityAt(77_777 + 3 * d.periodNs(), 1.2e6), 0);
    }

    @Test
    void conditionalMissMatchesSamplingAtAFixedPhase() {
        LinkTiming t = timing(2, 2);
        double eps = 0.3;
        DeliveryTimeDistribution d = DeliveryTimeDistribution.of(Hop.uniform(t, eps, 0));
        long a = 123_457;
        long[] dec = new long[2];
        t.decodeTimes(a, dec);
        double between = 0.5 * (dec[0] + dec[1]) - a;   // after round 1's decoding, before round 2's
        assertEquals(eps, d.missProbabilityAt(a, between), 1e-15);
        assertEquals(eps * eps, d.missProbabilityAt(a, dec[1] - a), 1e-15);
        assertEquals(1, d.missProbabilityAt(a, dec[0] - a - 1), 1e-15);
    }

    @Test
    void jointOfOneMessageIsItsMissProbability() {
        DeliveryTimeDistribution d = path(0.05, 0.1, 0);
        for (double b : new double[] {700_000, 1_200_000, 2_000_000, 3_000_000}) {
            assertEquals(d.missProbability(b), DeliveryTimeDistribution.jointMissProbability(List.of(d), new double[] {b}), 1e-14);
        }
    }

    @Test
    void jointOfSeveralMessagesAgreesWithSamplingAndIsBracketed() {
        // one sender, three receivers: the same uplink schedule and phase, different downlinks and budgets
        LinkTiming ul = timing(2, 1);
        List<List<Hop>> paths = List.of(
                List.of(new Hop(ul, new double[] {0.05, 0.05}, 0), new Hop(DL, new double[] {0.1, 0.1}, 0)),
                List.of(new Hop(ul, new double[] {0.05, 0.05}, 500_000), new Hop(DL, new double[] {0.02, 0.02}, 0)),
                List.of(new Hop(ul, new double[] {0.05, 0.05}, 0), new Hop(DL, new double[] {0.2, 0.2}, 0)));
        double[] budgets = {1_600_000, 2_500_000, 1_300_000};
        List<DeliveryTimeDistribution> ds = paths.stream().map(p -> DeliveryTimeDistribution.of(p, 0)).toList();
        double joint = DeliveryTimeDistribution.jointMissProbability(ds, budgets);
        SplittableRandom r = new SplittableRandom(5);
        int n = 200_000;
        long misses = 0;
        long[] buf = new long[2];
        for (int i = 0; i < n; i++) {
            long sent = r.nextLong(1_000_000_000L);
            boolean miss = false;
            for (int j = 0; j < paths.size(); j++) {
                long t = sent;
                boolean lost = false;
                for (Hop h : paths.get(j)) {
                    h.timing().decodeTimes(t, buf);
                    int ok = r.nextDouble() >= h.roundFailure()[0] ? 0 : r.nextDouble() >= h.roundFailure()[1] ? 1 : -1;
                    if (ok < 0) {
                        lost = true;
                        break;
                    }
                    t = buf[ok] + h.afterNs();
                }
                miss |= lost || t - sent > budgets[j];
            }
            misses += miss ? 1 : 0;
        }
        double p = misses / (double) n;
        assertEquals(joint, p, 4.5 * Math.sqrt(joint * (1 - joint) / n), "joint " + joint + " vs sampled " + p);
        double single = 0;
        double union = 0;
        for (int j = 0; j < ds.size(); j++) {
            double m = ds.get(j).missProbability(budgets[j]);
            single = Math.max(single, m);
            union += m;
        }
        assertTrue(joint >= single - 1e-15 && joint <= union + 1e-15, single + " ≤ " + joint + " ≤ " + union);
        assertTrue(joint > single + 1e-3, "the messages do not all miss together");
    }

    @Test
    void jointOfTinyProbabilitiesKeepsItsDigits() {
        // three messages whose only misses are losses of 1e-12 each, independent given the phase: 3e-12
        DeliveryTimeDistribution d = path(1e-6, 1e-6, 0);
        double loss = d.lossProbability();
        double joint = DeliveryTimeDistribution.jointMissProbability(List.of(d, d, d), new double[] {1e10, 1e10, 1e10});
        assertEquals(-Math.expm1(3 * Math.log1p(-loss)), joint, 1e-12 * joint);
    }

    @Test
    void messagesWithDifferentPeriodsCannotBeJoined() {
        DeliveryTimeDistribution a = path(0.1, 0.1, 0);
        DeliveryTimeDistribution b = DeliveryTimeDistribution.of(List.of(Hop.uniform(DL, 0.1, 0)), 2_000_000);
        assertThrows(IllegalArgumentException.class,
                () -> DeliveryTimeDistribution.jointMissProbability(List.of(a, b), new double[] {1e6, 1e6}));
    }
}
