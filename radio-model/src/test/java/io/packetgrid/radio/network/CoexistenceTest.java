package io.packetgrid.radio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.message.Delivery;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.radio.reliability.DeliveryTimeDistribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * URLLC on an uplink shared with mMTC and background traffic: the simulated URLLC traffic against the analytic
 * erasure law of {@link UrllcAnalysis} by Monte Carlo (exact for background load; for mMTC Msg3 load the law takes
 * its measured mean share), pre-emption, and what URLLC does to mMTC.
 */
class CoexistenceTest {

    /** Drives a network without the kernel: its events up to each send time, then the send. */
    static final class Driver implements Delivery {
        final RadioNetwork net;
        final Map<Long, Long> deliveredAt = new HashMap<>();
        final Map<Long, String> lost = new HashMap<>();

        Driver(RadioNetwork net) {
            this.net = net;
        }

        void until(long t) {
            while (net.nextEventNs() <= t) {
                net.advance(net.nextEventNs(), this);
            }
        }

        void send(Message m) {
            until(m.sentNs());
            net.submit(m, m.sentNs(), this);
        }

        void drain(long end) {
            until(end);
            net.finish(end);
        }

        @Override
        public void deliver(Message m, long atNs) {
            deliveredAt.put(m.id(), atNs);
        }

        @Override
        public void drop(Message m, String reason) {
            lost.put(m.id(), reason);
        }
    }

    static RadioConfig yaml(String... lines) {
        return YamlFiles.read(String.join("\n", lines) + "\n", "radio.yaml", RadioConfig.class);
    }

    /** URLLC messages from {@code relay} to the server every 5 ms at a random phase; returns their send times by id. */
    static Map<Long, Long> urllcTraffic(List<Message> out, int count, long firstId, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<Long, Long> sent = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long t = i * 5_000_000L + r.nextLong(5_000_000L);
            long id = firstId + i;
            out.add(new Message(id, "relay", "server", t, 32, "urllc", null));
            sent.put(id, t);
        }
        return sent;
    }

    /** Asserts that the simulated share of messages later than each deadline is the analytic one (4.5 σ). */
    static void assertSamples(DeliveryTimeDistribution d, Driver drv, Map<Long, Long> sent, double[] deadlines) {
        int n = sent.size();
        for (double dl : deadlines) {
            long late = 0;
            for (Map.Entry<Long, Long> e : sent.entrySet()) {
                Long at = drv.deliveredAt.get(e.getKey());
                if (at == null || at - e.getValue() > dl) {
                    late++;
                }
            }
            double p = d.missProbability(dl);
            double sd = Math.sqrt(p * (1 - p) / n);
            assertEquals(p, late / (double) n, 4.5 * sd + 1e-9, "deadline " + dl + " ns: analytic " + p + ", simulated "
                    + late + "/" + n);
        }
    }

    static final String[] CELL = {"shadowing: false", "devices: [{endpoint: relay, x_m: 150, y_m: 0}]",
            "urllc: {repetitions: 2, harq_rounds: 2}"};

    @Test
    void backgroundLoadErasesRepetitionsExactlyAsTheAnalysisSays() {
        for (double u : new double[] {0.3, 0.6}) {
            RadioConfig cfg = yaml(CELL[0], CELL[1], CELL[2], "coexistence: {urllc_uplink: shared}",
                    "background: {pusch_utilization: " + u + "}");
            RadioNetwork net = new RadioNetwork(cfg, new RandomStreams(7));
            DeliveryTimeDistribution d = net.urllcAnalysis("relay", "server", 32);
            DeliveryTimeDistribution dedicated = new RadioNetwork(cfg.withCoexistence(CoexistenceConfig.defaults()),
                    new RandomStreams(7)).urllcAnalysis("relay", "server", 32);
            assertTrue(d.lossProbability() > 3 * dedicated.lossProbability(), "erasures cost: " + d.lossProbability() + " vs "
                    + dedicated.lossProbability());
            List<Message> msgs = new ArrayList<>();
            Map<Long, Long> sent = urllcTraffic(msgs, 100_000, 0, 3);
            Driver drv = new Driver(net);
            msgs.forEach(drv::send);
            drv.drain(Long.MAX_VALUE - 1);
            assertEquals(sent.size(), drv.deliveredAt.size() + drv.lost.size());
            assertSamples(d, drv, sent, new double[] {0.5e6, 0.8e6, 1.2e6, 2e6, 3e6});
            CoexistenceCounters c = net.coexistenceCounters();
            double share = c.urllcErased() / (double) c.urllcRepetitions();
            assertEquals(u, share, 4.5 * Math.sqrt(u * (1 - u) / c.urllcRepetitions()), "erased share of repetitions");
        }
    }

    @Test
    void preemptionKeepsUrllcWholeUnderLoad() {
        RadioConfig cfg = yaml(CELL[0], CELL[1], CELL[2], "coexistence: {urllc_uplink: shared, uplink_preemption: true}",
                "background: {pusch_utilization: 0.6}");
        RadioNetwork net = new RadioNetwork(cfg, new RandomStreams(8));
        DeliveryTimeDistribution d = net.urllcAnalysis("relay", "server", 32);
        DeliveryTimeDistribution dedicated = new RadioNetwork(cfg.withCoexistence(CoexistenceConfig.defaults()),
                new RandomStreams(8)).urllcAnalysis("relay", "server", 32);
        assertEquals(dedicated.missProbability(1e6), d.missProbability(1e6), 0);
        List<Message> msgs = new ArrayList<>();
        Map<Long, Long> sent = urllcTraffic(msgs, 60_000, 0, 4);
        Driver drv = new Driver(net);
        msgs.forEach(drv::send);
        drv.drain(Long.MAX_VALUE - 1);
        assertSamples(d, drv, sent, new double[] {0.5e6, 0.8e6, 1.2e6, 2e6});
        CoexistenceCounters c = net.coexistenceCounters();
        assertEquals(0, c.urllcErased());
        assertTrue(c.urllcRepetitions() >= 2L * sent.size(), c.toString());
    }

    /**
     * mMTC Msg3 traffic on the same cell: 600 devices each sending a 24-byte request every 0.5 s (random phases),
     * with 10 % background. Each URLLC repetition is erased with the probability that its unit is busy: the
     * background share plus the share of unit-slots Msg3 took (measured by the network); the delivery-time
     * distribution of the analysis with that share is what the URLLC messages see. With pre-emption URLLC is
     * never erased and the Msg3 transmissions it lands on are lost instead.
     */
    @Test
    void mmtcTrafficErasesUrllcRepetitionsAtItsShareOfTheUnits() {
        for (boolean preempt : new boolean[] {false, true}) {
            RadioConfig cfg = yaml(CELL[0], CELL[1], CELL[2],
                    "coexistence: {urllc_uplink: shared, uplink_preemption: " + preempt + "}", "background: {pusch_utilization: 0.1}");
            RadioNetwork net = new RadioNetwork(cfg, new RandomStreams(9));
            List<Message> msgs = new ArrayList<>();
            int urllcCount = 12_000;           // 60 s
            Map<Long, Long> sent = urllcTraffic(msgs, urllcCount, 0, 5);
            SplittableRandom r = new SplittableRandom(6);
            long id = 1_000_000;
            for (int dev = 0; dev < 600; dev++) {
                long t = r.nextLong(500_000_000L);
                for (; t < 60_000_000_000L; t += 500_000_000L) {
                    msgs.add(new Message(id++, "m" + dev, "server", t, 24, "mmtc", null));
                }
            }
            msgs.sort(Comparator.comparingLong(Message::sentNs).thenComparingLong(Message::id));
            Driver drv = new Driver(net);
            msgs.forEach(drv::send);
            drv.drain(60_010_000_000L);
            double mmtcShare = net.mmtcUplinkShare("gnb");
            CoexistenceCounters c = net.coexistenceCounters();
            assertTrue(mmtcShare > 0.05, "a real load: " + mmtcShare);
            if (!preempt) {
                double busy = 0.1 + mmtcShare;
                double erased = c.urllcErased() / (double) c.urllcRepetitions();
                assertEquals(busy, erased, 4.5 * Math.sqrt(busy * (1 - busy) / c.urllcRepetitions()) + 0.005,
                        "erased share of repetitions vs busy share of units: " + c);
                RadioConfig measured = cfg.withCoexistence(new CoexistenceConfig(CoexistenceConfig.UplinkResources.SHARED, false,
                        mmtcShare));
                DeliveryTimeDistribution d = net.urllc(measured).path("relay", "server", 32).distribution();
                assertSamples(d, drv, sent, new double[] {0.8e6, 1.2e6, 2e6});
            } else {
                assertEquals(0, c.urllcErased());
                assertTrue(c.msg3Preempted() > 0, c.toString());
                // each URLLC repetition on a Msg3 unit cancels that unit's one or two transmissions
                double expected = c.urllcRepetitions() * mmtcShare;
                assertTrue(c.msg3Preempted() > 0.5 * expected && c.msg3Preempted() < 2.5 * expected, c + " vs " + expected);
            }
            ClassStatistics.Summary m = net.statistics().of(ServiceClass.MMTC);
            assertTrue(m.delivered() > 0.8 * m.sent() && m.delivered() + m.lost() <= m.sent(), m.toString());
        }
    }

    @Test
    void dedicatedResourcesAreUntouchedByLoad() {
        RadioConfig cfg = yaml(CELL[0], CELL[1], CELL[2], "background: {pusch_utilization: 0.9}");
        RadioNetwork net = new RadioNetwork(cfg, new RandomStreams(7));
        List<Message> msgs = new ArrayList<>();
        Map<Long, Long> sent = urllcTraffic(msgs, 20_000, 0, 3);
        Driver drv = new Driver(net);
        msgs.forEach(drv::send);
        assertEquals(sent.size(), drv.deliveredAt.size() + drv.lost.size(), "decided when sent");
        assertEquals(0, net.coexistenceCounters().urllcRepetitions());
        assertSamples(net.urllcAnalysis("relay", "server", 32), drv, sent, new double[] {0.5e6, 1e6, 2e6});
    }
}
