package io.packetgrid.radio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.random.RandomStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The radio network's per-device and per-cell statistics against independent tallies: every message this test
 * submits (its own list) and every outcome the network reports to its listener, counted per device by the rule
 * (a message belongs to its sending device, or to its receiving device when the sender is wired; a delivery after
 * the end time is still in flight), with percentiles taken by hand; the cells' counts add up to the devices' and
 * their losses by reason to the network's; an outage's length is the scheduled one; the share of the modelled
 * preambles that collide with a Poisson(λ) background on M preambles is 1 − exp(−λ/M).
 */
class EndpointAndCellStatisticsTest {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;
    static final List<String> DEVICES = List.of("d1", "d2", "d3", "d4", "d5");

    static RadioConfig cells() {
        return RadioNetworkTest.yaml("shadowing: false", "propagation: umi",
                "aggregators: [{name: g1, x_m: 0, y_m: 0, height_m: 10}, {name: g2, x_m: 250, y_m: 0, height_m: 10}]",
                "devices: [{endpoint: d1, x_m: 40, y_m: 0}, {endpoint: d2, x_m: 60, y_m: 10}, {endpoint: d3, x_m: 230, y_m: 0},"
                        + " {endpoint: d4, x_m: 200, y_m: 30}, {endpoint: d5, x_m: 110, y_m: 0}]");
    }

    /** Every 10 ms a message: mMTC up and down for each device in turn, URLLC up, and URLLC/mMTC device to device. */
    static List<Message> traffic(long endNs) {
        List<Message> ms = new ArrayList<>();
        long id = 0;
        int k = 0;
        for (long t = 10 * MS; t < endNs; t += 10 * MS, k++) {
            String d = DEVICES.get(k % DEVICES.size());
            String other = DEVICES.get((k + 2) % DEVICES.size());
            switch (k % 7) {
                case 0, 1, 2 -> ms.add(new Message(id++, d, "server", t, 32, "mmtc", null));
                case 3, 4 -> ms.add(new Message(id++, "server", d, t, 24, "mmtc", null));
                case 5 -> ms.add(new Message(id++, d, "server", t, 32, "urllc", null));
                default -> ms.add(new Message(id++, d, other, t, 32, k % 2 == 0 ? "urllc" : "mmtc", null));
            }
        }
        return ms;
    }

    /** Drives the network like the kernel: advance to each submission, submit, then run it out. */
    static List<RadioOutcome> drive(RadioNetwork net, List<Message> ms, long runOutNs) {
        List<RadioOutcome> out = new ArrayList<>();
        net.onOutcome(out::add);
        RadioNetworkTest.Recorder rec = new RadioNetworkTest.Recorder();
        for (Message m : ms) {
            RadioTimelineTest.advance(net, m.sentNs(), rec);
            net.submit(m, m.sentNs(), rec);
        }
        RadioTimelineTest.advance(net, runOutNs, rec);
        return out;
    }

    static boolean device(String e) {
        return !e.equals("server");
    }

    @Test
    void perDeviceCountsAreTheMessagesAndOutcomesTalliedByHand() {
        RadioNetwork net = new RadioNetwork(cells(), new RandomStreams(11));
        net.scheduleOutage("g1", 10 * S, 20 * S, 1000 * MS);
        List<Message> ms = traffic(30 * S);
        List<RadioOutcome> outcomes = drive(net, ms, 40 * S);
        for (long end : new long[] {15 * S, 25 * S, 40 * S}) {
            // the tally: [upSent, upDelivered, upLost, downSent, downDelivered, downLost, d2dReceived, attempts]
            Map<String, long[]> tally = new HashMap<>();
            Map<String, List<Long>> latencies = new HashMap<>();
            for (String d : DEVICES) {
                tally.put(d, new long[8]);
                latencies.put(d, new ArrayList<>());
            }
            for (Message m : ms) {
                boolean up = device(m.from());
                tally.get(up ? m.from() : m.to())[up ? 0 : 3]++;
            }
            for (RadioOutcome o : outcomes) {
                boolean up = device(o.from());
                long[] t = tally.get(up ? o.from() : o.to());
                int base = up ? 0 : 3;
                if (o.delivered() && o.sentNs() + o.latencyNs() <= end) {
                    t[base + 1]++;
                    t[7] += o.attempts();
                    latencies.get(up ? o.from() : o.to()).add(o.latencyNs());
                    if (up && device(o.to())) {
                        tally.get(o.to())[6]++;
                    }
                } else if (!o.delivered()) {
                    t[base + 2]++;
                    t[7] += o.attempts();
                }
            }
            List<EndpointRadioStatistics> stats = net.endpointStatistics(end);
            assertEquals(DEVICES, stats.stream().map(EndpointRadioStatistics::endpoint).toList(), "the configured devices, in order");
            for (EndpointRadioStatistics e : stats) {
                long[] t = tally.get(e.endpoint());
                String at = e.endpoint() + " as of " + end / S + " s";
                assertEquals(Arrays.toString(t), Arrays.toString(new long[] {e.uplinkSent(), e.uplinkDelivered(), e.uplinkLost(),
                        e.downlinkSent(), e.downlinkDelivered(), e.downlinkLost(), e.deviceToDeviceReceived(), e.attempts()}), at);
                long[] l = latencies.get(e.endpoint()).stream().mapToLong(Long::longValue).sorted().toArray();
                assertEquals(Arrays.stream(l).sum() / 1e6, e.latencySumMs(), 1e-9, at);
                // nearest rank: the ⌈p·n⌉-th smallest
                assertEquals(l[(int) Math.ceil(0.5 * l.length) - 1] / 1e6, e.latencyP50Ms(), 0, at);
                assertEquals(l[(int) Math.ceil(0.99 * l.length) - 1] / 1e6, e.latencyP99Ms(), 0, at);
                assertEquals(l[l.length - 1] / 1e6, e.latencyMaxMs(), 0, at);
            }
            assertTrue(stats.stream().mapToLong(EndpointRadioStatistics::inFlight).sum() > 0 || end == 40 * S,
                    "messages in flight at " + end / S + " s");
        }
        List<EndpointRadioStatistics> last = net.endpointStatistics(40 * S);
        assertEquals(0, last.stream().mapToLong(EndpointRadioStatistics::inFlight).sum(), "all finished after the run-out");
        assertEquals("g1", last.get(0).aggregator());
        assertEquals("g2", last.get(2).aggregator());
        long lost = last.stream().mapToLong(e -> e.uplinkLost() + e.downlinkLost()).sum();
        assertEquals(net.statistics().all().lost(), lost, "each loss counted once");
        assertTrue(lost > 0, "the outage loses messages");
    }

    @Test
    void cellsAddUpToTheDevicesAndTheirOutageIsTheScheduledOne() {
        RadioNetwork net = new RadioNetwork(cells(), new RandomStreams(12));
        net.scheduleOutage("g1", 10 * S, 20 * S, 1000 * MS);
        List<Message> ms = traffic(30 * S);
        drive(net, ms, 40 * S);
        for (long end : new long[] {15 * S, 40 * S}) {
            List<EndpointRadioStatistics> dev = net.endpointStatistics(end);
            List<CellRadioStatistics> cells = net.cellStatistics(end);
            assertEquals(List.of("g1", "g2"), cells.stream().map(CellRadioStatistics::aggregator).toList());
            assertEquals(sum(dev, EndpointRadioStatistics::uplinkSent), cells.stream().mapToLong(CellRadioStatistics::uplinkMessages).sum());
            assertEquals(sum(dev, EndpointRadioStatistics::uplinkDelivered),
                    cells.stream().mapToLong(CellRadioStatistics::uplinkDelivered).sum());
            assertEquals(sum(dev, EndpointRadioStatistics::uplinkLost), cells.stream().mapToLong(CellRadioStatistics::uplinkLost).sum());
            assertEquals(sum(dev, EndpointRadioStatistics::downlinkSent),
                    cells.stream().mapToLong(CellRadioStatistics::downlinkMessages).sum());
            assertEquals(sum(dev, EndpointRadioStatistics::downlinkDelivered),
                    cells.stream().mapToLong(CellRadioStatistics::downlinkDelivered).sum());
            assertEquals(sum(dev, EndpointRadioStatistics::downlinkLost),
                    cells.stream().mapToLong(CellRadioStatistics::downlinkLost).sum());
            assertEquals(end == 15 * S ? 5.0 : 10.0, cells.get(0).outageS(), 0, "g1 down from 10 s to 20 s");
            assertEquals(0.0, cells.get(1).outageS());
            assertEquals(5, cells.get(0).devices() + cells.get(1).devices(), "every device has one own cell");
        }
        List<CellRadioStatistics> cells = net.cellStatistics(40 * S);
        Map<String, Long> byReason = new HashMap<>();
        for (CellRadioStatistics c : cells) {
            assertEquals(new java.util.TreeSet<>(RadioNetwork.LOSS_REASONS), new java.util.TreeSet<>(c.lostByReason().keySet()),
                    "every reason present");
            assertEquals(c.uplinkLost() + c.downlinkLost(), c.lostByReason().values().stream().mapToLong(Long::longValue).sum());
            c.lostByReason().forEach((r, n) -> byReason.merge(r, n, Long::sum));
        }
        byReason.values().removeIf(n -> n == 0);
        assertEquals(net.statistics().all().lostByReason(), byReason, "losses by reason: the network's");
        assertTrue(byReason.getOrDefault("no_service", 0L) > 0, "the devices of g1 before they re-attach: " + byReason);
        // while g1 is down its devices' messages go through g2: g2 carried more uplink than its own devices sent
        long ownG2 = net.endpointStatistics(40 * S).stream().filter(e -> e.aggregator().equals("g2"))
                .mapToLong(EndpointRadioStatistics::uplinkSent).sum();
        assertTrue(cells.get(1).uplinkMessages() > ownG2, cells.get(1).uplinkMessages() + " vs " + ownG2);
        MmtcCounters m = net.mmtcCounters();
        assertEquals(m.msg3Transmissions(), cells.stream().mapToLong(CellRadioStatistics::msg3Transmissions).sum());
        assertEquals(m.uplinkNomaPairs(), cells.stream().mapToLong(CellRadioStatistics::uplinkNomaPairs).sum());
        assertEquals(m.pdschTransmissions(), cells.stream().mapToLong(CellRadioStatistics::pdschTransmissions).sum());
        assertEquals(m.downlinkNomaPairs(), cells.stream().mapToLong(CellRadioStatistics::downlinkNomaPairs).sum());
        assertTrue(cells.stream().mapToLong(CellRadioStatistics::rachPreambles).sum() > 0);
    }

    @Test
    void withoutAnOutageEveryMessageCountsAtItsDevicesOwnCell() {
        RadioNetwork net = new RadioNetwork(cells(), new RandomStreams(13));
        List<Message> ms = traffic(10 * S);
        drive(net, ms, 20 * S);
        List<EndpointRadioStatistics> dev = net.endpointStatistics(20 * S);
        for (CellRadioStatistics c : net.cellStatistics(20 * S)) {
            List<EndpointRadioStatistics> own = dev.stream().filter(e -> e.aggregator().equals(c.aggregator())).toList();
            assertEquals(sum(own, EndpointRadioStatistics::uplinkSent), c.uplinkMessages(), c.aggregator());
            assertEquals(sum(own, EndpointRadioStatistics::downlinkSent), c.downlinkMessages(), c.aggregator());
            assertEquals(own.size(), c.devices());
            assertEquals(0.0, c.outageS());
        }
    }

    @Test
    void aModelledPreambleCollidesWithAPoissonBackgroundWithProbabilityOneMinusExpMinusLambdaOverM() {
        // λ = 5400 accesses/s × 5 ms = 27 background preambles per occasion on M = 54; one device, one message at a time
        RadioConfig cfg = RadioNetworkTest.yaml("shadowing: false", "propagation: umi",
                "aggregators: [{name: g1, x_m: 0, y_m: 0, height_m: 10}]", "devices: [{endpoint: d1, x_m: 40, y_m: 0}]",
                "background: {rach_accesses_per_s: 5400}");
        RadioNetwork net = new RadioNetwork(cfg, new RandomStreams(5));
        List<Message> ms = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ms.add(new Message(i, "d1", "server", (i + 1) * 2 * S, 32, "mmtc", null));
        }
        drive(net, ms, 4010 * S);
        CellRadioStatistics c = net.cellStatistics(4010 * S).get(0);
        double q = 1 - Math.exp(-27.0 / 54);
        double share = c.rachCollisions() / (double) c.rachPreambles();
        assertTrue(c.rachPreambles() > 2000, "retries after collisions: " + c.rachPreambles());
        assertEquals(q, share, 4.5 * Math.sqrt(q * (1 - q) / c.rachPreambles()), "1 − exp(−λ/M)");
        assertEquals(net.mmtcCounters().backgroundPreambles(), c.backgroundPreambles());
    }

    private static long sum(List<EndpointRadioStatistics> l, java.util.function.ToLongFunction<EndpointRadioStatistics> f) {
        return l.stream().mapToLong(f).sum();
    }
}
