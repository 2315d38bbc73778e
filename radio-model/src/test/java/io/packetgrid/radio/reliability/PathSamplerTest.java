package io.packetgrid.radio.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.radio.nr.LinkTiming;
import io.packetgrid.radio.nr.Numerology;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link PathSampler} draws the round model whose exact law is {@link DeliveryTimeDistribution}: its sampled
 * miss frequencies, alone and for messages sent together, agree with the exact per-path and joint miss
 * probabilities within 4.5 binomial standard deviations, and its first-hop latency is the air hop's.
 */
class PathSamplerTest {
    private static final Numerology MU1 = new Numerology(1);
    private static final LinkTiming UL = new LinkTiming(MU1, 2, 1, 1, 2, MU1.processingNs(5.5), MU1.processingNs(4.5),
            MU1.processingNs(2) + MU1.processingNs(5.5), null);
    private static final LinkTiming DL = new LinkTiming(MU1, 2, 1, 1, 2, 100_000, 150_000, 200_000, null);

    private static List<Hop> path(double ul, double dl, long core) {
        return List.of(new Hop(UL, new double[] {ul, ul}, core), new Hop(DL, new double[] {dl, dl}, 0));
    }

    @Test
    void sampledMissesMatchTheExactDistribution() {
        List<Hop> p = path(0.08, 0.15, 250_000);
        DeliveryTimeDistribution exact = DeliveryTimeDistribution.of(p, 0);
        DeliveryTimeDistribution air = DeliveryTimeDistribution.of(new Hop(UL, p.get(0).roundFailure(), 0)); // up to its decoding
        PathSampler sampler = new PathSampler();
        UniformRandomProvider rng = new RandomStreams(11).stream("sampler");
        SplittableRandom send = new SplittableRandom(3);
        double[] deadlines = {900_000, 1_400_000, 2_000_000};
        long[] late = new long[deadlines.length];
        long airLate = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            long t = send.nextLong(1_000_000_000L);
            PathSampler.Draw d = sampler.draw(p, t, rng);
            for (int k = 0; k < deadlines.length; k++) {
                late[k] += d.lost() || d.latencyNs() > deadlines[k] ? 1 : 0;
            }
            airLate += d.firstHopNs() < 0 || d.firstHopNs() > 600_000 ? 1 : 0;
        }
        for (int k = 0; k < deadlines.length; k++) {
            double q = exact.missProbability(deadlines[k]);
            assertTrue(q > 1e-3);
            assertEquals(q, late[k] / (double) n, 4.5 * Math.sqrt(q * (1 - q) / n), "deadline " + deadlines[k]);
        }
        double qa = air.missProbability(600_000);
        assertEquals(qa, airLate / (double) n, 4.5 * Math.sqrt(qa * (1 - qa) / n), "first hop");
    }

    @Test
    void messagesSentTogetherMatchTheJointMissProbability() {
        List<List<Hop>> paths = List.of(path(0.05, 0.1, 0), path(0.05, 0.02, 500_000), path(0.05, 0.2, 0));
        double[] budgets = {1_600_000, 2_500_000, 1_300_000};
        double joint = DeliveryTimeDistribution.jointMissProbability(
                paths.stream().map(h -> DeliveryTimeDistribution.of(h, 0)).toList(), budgets);
        PathSampler sampler = new PathSampler();
        UniformRandomProvider rng = new RandomStreams(12).stream("sampler");
        SplittableRandom send = new SplittableRandom(4);
        int n = 200_000;
        long misses = 0;
        for (int i = 0; i < n; i++) {
            long t = send.nextLong(1_000_000_000L);
            boolean miss = false;
            for (int j = 0; j < paths.size(); j++) {
                PathSampler.Draw d = sampler.draw(paths.get(j), t, rng);
                miss |= d.lost() || d.latencyNs() > budgets[j];
            }
            misses += miss ? 1 : 0;
        }
        assertEquals(joint, misses / (double) n, 4.5 * Math.sqrt(joint * (1 - joint) / n));
    }
}
