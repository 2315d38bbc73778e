package io.packetgrid.radio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.radio.access.RachConfig;
import io.packetgrid.radio.access.RandomAccessChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The radio network's timeline: an aggregator outage (what it held is lost, its devices have no service until
 * they re-attach to the next best aggregator after the radio-link-failure time, or none at all without one,
 * and return when it is back) and a background burst (more random-access attempts: a lone preamble survives
 * a Poisson(λ) background on M preambles with probability exp(−λ/M); all uplink units taken: Msg3 waits for
 * the burst's end).
 */
class RadioTimelineTest {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;

    static RadioConfig twoCells(boolean both) {
        return RadioNetworkTest.yaml("shadowing: false", "propagation: umi",
                both ? "aggregators: [{name: g1, x_m: 0, y_m: 0, height_m: 10}, {name: g2, x_m: 250, y_m: 0, height_m: 10}]"
                        : "aggregators: [{name: g1, x_m: 0, y_m: 0, height_m: 10}]",
                "devices: [{endpoint: dev, x_m: 40, y_m: 0}]");
    }

    /** Sends one mMTC uplink message every {@code every} until {@code endNs}, driving the network like the kernel. */
    static List<RadioOutcome> run(RadioNetwork net, long every, long endNs, Consumer<Long> at, long... extra) {
        List<RadioOutcome> out = new ArrayList<>();
        net.onOutcome(out::add);
        RadioNetworkTest.Recorder rec = new RadioNetworkTest.Recorder();
        java.util.TreeSet<Long> times = new java.util.TreeSet<>();
        for (long t = every; t < endNs; t += every) {
            times.add(t);
        }
        for (long t : extra) {
            times.add(t);
        }
        long id = 0;
        for (long t : times) {
            advance(net, t, rec);
            at.accept(t);
            net.submit(new Message(id++, "dev", "server", t, 32, "mmtc", null), t, rec);
        }
        advance(net, endNs + 5 * S, rec);
        return out;
    }

    static void advance(RadioNetwork net, long to, RadioNetworkTest.Recorder rec) {
        while (net.nextEventNs() <= to) {
            net.advance(net.nextEventNs(), rec);
        }
    }

    @Test
    void devicesReattachToTheNextAggregatorAndComeBack() {
        RadioNetwork net = new RadioNetwork(twoCells(true), new RandomStreams(3));
        net.scheduleOutage("g1", 10 * S, 20 * S, 1000 * MS);
        List<String> serving = new ArrayList<>();
        List<RadioOutcome> out = run(net, 50 * MS, 30 * S, t -> {
            if (t == 5 * S || t == 10 * S + 500 * MS || t == 15 * S || t == 25 * S) {
                serving.add(net.servingAggregatorNow("dev"));
            }
        }, 9_999 * MS);
        assertEquals(List.of("g1", "", "g2", "g1"), serving);
        long before = 0;
        long gap = 0;
        long via2 = 0;
        long after = 0;
        long outage = 0;
        for (RadioOutcome o : out) {
            long t = o.sentNs();
            if (o.reason().equals("outage")) {
                outage++;
                assertTrue(t < 10 * S && t > 9 * S, "held by g1 when it went down: sent at " + t);
            } else if (t >= 10 * S && t < 11 * S) {
                assertEquals("no_service", o.reason(), "before re-attaching");
                gap++;
            } else if (o.delivered()) {
                if (t < 10 * S) {
                    before++;
                } else if (t < 20 * S) {
                    via2++;
                } else {
                    after++;
                }
            }
        }
        assertTrue(outage >= 1, "the message sent 1 ms before the outage was still in g1's queues");
        assertEquals(20, gap, "10.00 … 10.95 s: 20 messages without service");
        assertTrue(before >= 195 && via2 >= 175 && after >= 195, before + " / " + via2 + " / " + after);
    }

    @Test
    void withoutAnotherAggregatorDevicesLoseService() {
        RadioNetwork net = new RadioNetwork(twoCells(false), new RandomStreams(3));
        net.scheduleOutage("g1", 10 * S, 20 * S, 1000 * MS);
        List<RadioOutcome> out = run(net, 100 * MS, 25 * S, t -> { });
        long lost = out.stream().filter(o -> o.sentNs() >= 10 * S && o.sentNs() < 20 * S && o.reason().equals("no_service")).count();
        assertEquals(100, lost, "every message of the outage");
        assertTrue(out.stream().filter(o -> o.sentNs() >= 20 * S).allMatch(RadioOutcome::delivered));
        assertThrows(PacketGridException.class, () -> net.scheduleOutage("g9", 1, 2, 0));
    }

    @Test
    void aLonePreambleSurvivesAPoissonBurstWithProbabilityExpMinusLambdaOverM() {
        UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
        RachConfig cfg = new RachConfig(54, 1, 1, 0, 1.0, 0);
        RandomAccessChannel<Integer> ra = new RandomAccessChannel<>(cfg, 0, r);
        long[] ok = new long[2];
        int n = 40_000;
        for (int phase = 0; phase < 2; phase++) {
            ra.setBackgroundMean(phase == 0 ? 0 : 27.0);   // a burst of 27 preambles per occasion
            for (int i = 0; i < n; i++) {
                long occ = phase * (long) n + i;
                ra.join(i, occ);
                int p = phase;
                ra.advanceTo(occ, new RandomAccessChannel.Listener<>() {
                    public void succeeded(Integer x, long o, int a) {
                        ok[p]++;
                    }

                    public void failed(Integer x, long o, int a) {
                    }
                });
            }
        }
        assertEquals(n, ok[0], "no background: always");
        double q = Math.exp(-27.0 / 54);
        assertEquals(q, ok[1] / (double) n, 4.5 * Math.sqrt(q * (1 - q) / n), "exp(−λ/M)");
    }

    @Test
    void aBurstThatTakesEveryUplinkUnitHoldsMsg3UntilItEnds() {
        RadioNetwork net = new RadioNetwork(twoCells(true), new RandomStreams(4));
        net.scheduleBurst("g1", 5 * S, 6 * S, 0, 1.0);
        List<RadioOutcome> out = run(net, 100 * MS, 10 * S, t -> { });
        for (RadioOutcome o : out) {
            assertTrue(o.delivered(), "nothing lost: " + o);
            long t = o.sentNs();
            long at = t + o.latencyNs();
            if (t >= 5 * S && t < 6 * S - 50 * MS) {
                assertTrue(at >= 6 * S, "sent at " + t + ", delivered at " + at + ": after the burst");
            } else if (t >= 6 * S || t < 4900 * MS) {
                assertTrue(o.latencyNs() < 100 * MS, "outside the burst: " + o.latencyNs());
            }
        }
        assertEquals(0, net.mmtcCounters().backgroundPreambles());
    }
}
