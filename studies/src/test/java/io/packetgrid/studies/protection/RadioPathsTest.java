package io.packetgrid.studies.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.message.Delivery;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.radio.network.RadioConfig;
import io.packetgrid.radio.network.RadioNetwork;
import io.packetgrid.radio.reliability.DeliveryTimeDistribution;
import io.packetgrid.radio.reliability.Hop;
import io.packetgrid.radio.reliability.PathSampler;
import io.packetgrid.studies.protection.radio.LinkConfigs;
import io.packetgrid.studies.protection.radio.RadioSample;
import io.packetgrid.studies.protection.radio.SampleLinks;
import io.packetgrid.studies.protection.stats.Intervals;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The protection study's radio paths against the radio model itself: composed from per-round errors they
 * are the radio model's own exact distribution; the analytic miss probabilities agree with the radio
 * model's event-level simulation (its per-transmission fading draws and decoding), and the joint
 * probability of several simultaneous messages with their joint simulation, within confidence intervals,
 * where both are feasible (miss probabilities of 10⁻³ and more).
 */
class RadioPathsTest {
    static final List<String> EPS = List.of("protection/a", "protection/b", "protection/c", "protection/d");

    static RadioConfig config(int reps, int rounds, double farX, int aggregators) {
        List<RadioConfig.AggregatorConfig> aggs = new ArrayList<>();
        aggs.add(new RadioConfig.AggregatorConfig("g1", farX, 0.0, 10.0));
        if (aggregators > 1) {
            aggs.add(new RadioConfig.AggregatorConfig("g2", -farX, 0.0, 10.0));
        }
        String yaml = "propagation: umi\nbackhaul: 250us\nurllc: {repetitions: " + reps + ", harq_rounds: " + rounds + "}\n";
        RadioConfig r = io.packetgrid.cosim.scenario.YamlFiles.read(yaml, "test", RadioConfig.class);
        return new RadioConfig(r.carrierGhz(), r.numerology(), r.propagation(), r.bsAboveRooftopM(), r.deviceHeightM(), r.uePowerDbm(),
                r.bsPowerDbm(), r.carrierBandwidthMhz(), r.ueNoiseFigureDb(), r.bsNoiseFigureDb(), r.shadowing(), r.fastFading(),
                r.logTerm(), aggs, r.devices(), r.deviceArea(), List.of("server"), r.backhaul(), r.urllc(), r.mmtc(), r.defaultClass(),
                r.background());
    }

    static double[][] xy() {
        return new double[][] {{0, 0}, {30, 40}, {-60, 20}, {10, -70}};
    }

    static RadioConfig withDevices(RadioConfig r) {
        List<RadioConfig.DeviceConfig> d = new ArrayList<>();
        double[][] p = xy();
        for (int i = 0; i < EPS.size(); i++) {
            d.add(new RadioConfig.DeviceConfig(EPS.get(i), p[i][0], p[i][1]));
        }
        return new RadioConfig(r.carrierGhz(), r.numerology(), r.propagation(), r.bsAboveRooftopM(), r.deviceHeightM(), r.uePowerDbm(),
                r.bsPowerDbm(), r.carrierBandwidthMhz(), r.ueNoiseFigureDb(), r.bsNoiseFigureDb(), r.shadowing(), r.fastFading(),
                r.logTerm(), r.aggregators(), d, r.deviceArea(), r.wired(), r.backhaul(), r.urllc(), r.mmtc(), r.defaultClass(),
                r.background());
    }

    static RadioSample sample(RadioConfig r, long seed) {
        LinkConfigs lc = new LinkConfigs();
        LinkConfigs.VariantRadio v = lc.register(r, 0);
        return new RadioSample(v, new SampleLinks(lc, EPS, xy(), seed));
    }

    @Test
    void composedPathsAreTheRadioModelsDistribution() {
        for (int aggs = 1; aggs <= 2; aggs++) {
            for (long seed = 1; seed <= 6; seed++) {
                RadioConfig r = config(2, 2, 300, aggs);
                RadioSample s = sample(r, seed);
                RadioNetwork net = new RadioNetwork(withDevices(r), new RandomStreams(seed));
                for (int a = 0; a < EPS.size(); a++) {
                    for (int b = 0; b < EPS.size(); b++) {
                        if (a == b) {
                            continue;
                        }
                        DeliveryTimeDistribution mine = s.path(a, b, 32).whole();
                        DeliveryTimeDistribution theirs = net.urllcAnalysis(EPS.get(a), EPS.get(b), 32);
                        for (double d : new double[] {0.8e6, 1.5e6, 2e6, 3e6, 5e6, 20e6}) {
                            double x = theirs.missProbability(d);
                            assertEquals(x, mine.missProbability(d), 1e-9 * x + 1e-300, "seed " + seed + " " + a + "->" + b + " at " + d);
                        }
                    }
                }
            }
        }
    }

    /** Miss probabilities of ≥ 1e-3: a cell 300 m away, one transmission per round. */
    @Test
    void analyticMissProbabilityAgreesWithTheRadioModelsSimulation() {
        RadioConfig r = config(1, 2, 300, 1);
        long seed = 4;
        RadioSample s = sample(r, seed);
        int n = 40_000;
        for (int[] ab : new int[][] {{0, 1}, {2, 3}}) {
            DeliveryTimeDistribution d = s.path(ab[0], ab[1], 32).whole();
            RadioNetwork net = new RadioNetwork(withDevices(r), new RandomStreams(seed));
            UniformRandomProvider rng = new RandomStreams(99).stream("arrivals");
            long[] late = new long[3];
            long[] deadlines = {1_500_000, 2_000_000, 3_000_000};
            for (int i = 0; i < n; i++) {
                long t = (long) (i * 1_000_000L + rng.nextDouble() * 1_000_000L);
                long[] at = {-1};
                net.submit(new Message(i, EPS.get(ab[0]), EPS.get(ab[1]), t, 32, "urllc", null), t, new Delivery() {
                    public void deliver(Message m, long atNs) {
                        at[0] = atNs;
                    }

                    public void drop(Message m, String reason) {
                        at[0] = -1;
                    }
                });
                for (int k = 0; k < deadlines.length; k++) {
                    if (at[0] < 0 || at[0] - t > deadlines[k]) {
                        late[k]++;
                    }
                }
            }
            for (int k = 0; k < deadlines.length; k++) {
                double p = d.missProbability(deadlines[k]);
                double[] ci = Intervals.wilson(late[k], n, 0.999);
                assertTrue(p >= 1e-3, "feasible for both: " + p);
                assertTrue(p >= ci[0] && p <= ci[1], ab[0] + "->" + ab[1] + " d=" + deadlines[k] + ": analytic " + p
                        + " vs simulated " + late[k] + "/" + n + " " + java.util.Arrays.toString(ci));
            }
        }
    }

    @Test
    void jointDeliveryIsExactForOneMessageAndAgreesWithSamplingForSeveral() {
        RadioConfig r = config(1, 2, 300, 1);
        RadioSample s = sample(r, 4);
        RadioSample.Path p1 = s.path(0, 1, 32);
        for (long b : new long[] {1_200_000, 2_000_000, 3_000_000}) {
            double joint = DeliveryTimeDistribution.jointMissProbability(List.of(p1.whole()), new double[] {b});
            assertEquals(p1.whole().missProbability(b), joint, 1e-12);
        }
        List<RadioSample.Path> ps = List.of(s.path(0, 1, 32), s.path(0, 2, 32), s.path(0, 3, 32));
        List<List<Hop>> paths = ps.stream().map(RadioSample.Path::hops).toList();
        long[] budgets = {2_000_000, 2_500_000, 1_800_000};
        double joint = DeliveryTimeDistribution.jointMissProbability(ps.stream().map(RadioSample.Path::whole).toList(),
                new double[] {2_000_000, 2_500_000, 1_800_000});
        PathSampler sampler = new PathSampler();
        UniformRandomProvider rng = new RandomStreams(5).stream("joint");
        int n = 100_000;
        long misses = 0;
        for (int i = 0; i < n; i++) {
            long t = (long) (rng.nextDouble() * 1e9);
            boolean miss = false;
            for (int j = 0; j < paths.size(); j++) {
                PathSampler.Draw d = sampler.draw(paths.get(j), t, rng);
                miss |= d.lost() || d.latencyNs() > budgets[j];
            }
            misses += miss ? 1 : 0;
        }
        double[] ci = Intervals.wilson(misses, n, 0.999);
        assertTrue(joint >= 1e-3);
        assertTrue(joint >= ci[0] && joint <= ci[1], "joint " + joint + " vs " + misses + "/" + n);
        // the union bound and the largest single miss bracket it
        double single = 0;
        double union = 0;
        for (int j = 0; j < paths.size(); j++) {
            double m = ps.get(j).whole().missProbability(budgets[j]);
            single = Math.max(single, m);
            union += m;
        }
        assertTrue(joint >= single - 1e-15 && joint <= union + 1e-15);
    }

    @Test
    void erasuresMixRepetitionCounts() {
        // ε' = Σ C(K,m)(1−u)^m u^(K−m) ε_m with ε_0 = 1: at u = 1 every repetition is lost; at u = 0 it is ε_K
        RadioConfig r = config(3, 2, 300, 1);
        LinkConfigs lc = new LinkConfigs();
        LinkConfigs.VariantRadio none = lc.register(r, 0);
        LinkConfigs.VariantRadio all = lc.register(r, 1.0);
        LinkConfigs.VariantRadio some = lc.register(r, 0.25);
        SampleLinks links = new SampleLinks(lc, EPS, xy(), 7);
        double e0 = new RadioSample(none, links).uplinkRoundFailure(1, 32);
        assertEquals(1.0, new RadioSample(all, links).uplinkRoundFailure(1, 32), 0);
        double mixed = new RadioSample(some, links).uplinkRoundFailure(1, 32);
        double lower = Math.pow(0.25, 3);        // all three erased
        assertTrue(mixed > e0 && mixed >= lower && mixed < 1, mixed + " vs " + e0);
    }
}
