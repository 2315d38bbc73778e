package io.packetgrid.radio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.message.Delivery;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.radio.SharedData;
import io.packetgrid.radio.reliability.DeliveryTimeDistribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RadioNetwork: configuration, routing, determinism, URLLC against its analysis, an mMTC cell. */
class RadioNetworkTest {

    /** Records what the network decided, as the kernel would receive it. */
    static final class Recorder implements Delivery {
        final List<long[]> delivered = new ArrayList<>();
        final List<String> dropped = new ArrayList<>();

        @Override
        public void deliver(Message m, long atNs) {
            delivered.add(new long[] {m.id(), atNs});
        }

        @Override
        public void drop(Message m, String reason) {
            dropped.add(m.id() + ":" + reason);
        }
    }

    static RadioConfig yaml(String... lines) {
        return YamlFiles.read(String.join("\n", lines) + "\n", "radio.yaml", RadioConfig.class);
    }

    @Test
    void theDocumentedExampleIsValid() throws Exception {
        Path doc = SharedData.repositoryRoot().resolve("docs/radio-model.md");
        String md = Files.readString(doc);
        int at = md.indexOf("```yaml\nradio:");
        assertTrue(at >= 0, "the annotated example in docs/radio-model.md");
        String block = md.substring(at + "```yaml\n".length(), md.indexOf("```", at + 7));
        JsonNode tree = YamlFiles.mapper().readTree(block);
        RadioConfig cfg = YamlFiles.convert(tree.get("radio"), "radio-model.md", RadioConfig.class);
        assertEquals(2, cfg.aggregators().size());
        assertEquals(RadioConfig.defaults().mmtc(), cfg.mmtc());
        assertEquals(RadioConfig.defaults().urllc().symbols(), cfg.urllc().symbols());
        RadioNetwork net = new RadioNetwork(cfg, new RandomStreams(1));
        assertEquals(240, net.urllcBlocklength());
    }

    @Test
    void configurationErrorsAreOneLineWithTheField() {
        PacketGridException e = assertThrows(PacketGridException.class, () -> yaml("urllc:", "  symbolz: 2"));
        assertTrue(e.userMessage().startsWith("radio.yaml:2: urllc.symbolz: unknown field"), e.userMessage());
        e = assertThrows(PacketGridException.class, () -> yaml("numerology: 7"));
        assertTrue(e.userMessage().contains("numerology must be 0..3"), e.userMessage());
        e = assertThrows(PacketGridException.class, () -> yaml("mmtc:", "  xi: 2"));
        assertTrue(e.userMessage().contains("xi must be in [0, 1]"), e.userMessage());
        e = assertThrows(PacketGridException.class, () -> yaml("propagation: moon"));
        assertTrue(e.userMessage().contains("propagation"), e.userMessage());
        e = assertThrows(PacketGridException.class, () -> yaml("backhaul: soon"));
        assertTrue(e.userMessage().contains("backhaul: expected a duration"), e.userMessage());
    }

    @Test
    void wiredToWiredIsImmediateAndUnknownKindsFollowTheDefault() {
        RadioNetwork net = new RadioNetwork(yaml("wired: [server, scada]", "default_class: none"), new RandomStreams(1));
        Recorder out = new Recorder();
        net.submit(new Message(1, "server", "scada", 5, 10, "urllc", null), 5, out);
        assertEquals(5, out.delivered.get(0)[1]);
        PacketGridException e = assertThrows(PacketGridException.class,
                () -> net.submit(new Message(2, "dev", "server", 5, 10, "telemetry", null), 5, out));
        assertTrue(e.getMessage().contains("telemetry"), e.getMessage());
    }

    @Test
    void urllcUplinkSamplesItsExactDistribution() {
        // one device at the cell edge so that errors are visible; arrivals at random phases
        RadioConfig cfg = yaml("devices: [{endpoint: relay, x_m: 150, y_m: 0}]", "shadowing: false",
                "urllc: {harq_rounds: 3, repetitions: 1}");
        RadioNetwork net = new RadioNetwork(cfg, new RandomStreams(7));
        double[] snr = net.urllcMeanSnrDb("relay");
        DeliveryTimeDistribution d = net.urllcAnalysis("relay", "server", 32);
        assertTrue(d.lossProbability() > 1e-6 && d.lossProbability() < 0.2, "visible errors: " + d.lossProbability()
                + " at " + snr[0] + " dB");
        Recorder out = new Recorder();
        SplittableRandom r = new SplittableRandom(3);
        int n = 200_000;
        long[] sent = new long[n];
        for (int i = 0; i < n; i++) {
            sent[i] = i * 5_000_000L + r.nextLong(5_000_000L);
            net.submit(new Message(i, "relay", "server", sent[i], 32, "urllc", null), sent[i], out);
        }
        double[] deadlines = {0.5e6, 1e6, 1.5e6, 2.5e6, 3e6, 4e6};
        for (double dl : deadlines) {
            long ok = 0;
            for (long[] x : out.delivered) {
                if (x[1] - sent[(int) x[0]] <= dl) {
                    ok++;
                }
            }
            double p = d.cdf(dl);
            assertEquals(p, ok / (double) n, 4.5 * Math.sqrt(p * (1 - p) / n) + 1e-9, "deadline " + dl);
        }
        double loss = d.lossProbability();
        assertEquals(loss, out.dropped.size() / (double) n, 4.5 * Math.sqrt(loss * (1 - loss) / n) + 1e-9);
        assertEquals(n, out.delivered.size() + out.dropped.size());
    }

    @Test
    void urllcDeviceToDeviceThroughTwoAggregatorsSamplesItsDistribution() {
        RadioConfig cfg = yaml("aggregators: [{name: a, x_m: 0, y_m: 0}, {name: b, x_m: 1000, y_m: 0}]",
                "devices: [{endpoint: relay, x_m: 200, y_m: 0}, {endpoint: breaker, x_m: 800, y_m: 0}]",
                "urllc: {uplink: grant_based}", "backhaul: 1ms");
        RadioNetwork net = new RadioNetwork(cfg, new RandomStreams(11));
        DeliveryTimeDistribution d = net.urllcAnalysis("relay", "breaker", 20);
        Recorder out = new Recorder();
        SplittableRandom r = new SplittableRandom(5);
        int n = 100_000;
        long[] sent = new long[n];
        for (int i = 0; i < n; i++) {
            sent[i] = i * 10_000_000L + r.nextLong(10_000_000L);
            net.submit(new Message(i, "relay", "breaker", sent[i], 20, "urllc", null), sent[i], out);
        }
        for (double dl : new double[] {3e6, 4e6, 5e6, 6e6}) {
            long ok = out.delivered.stream().filter(x -> x[1] - sent[(int) x[0]] <= dl).count();
            double p = d.cdf(dl);
            assertEquals(p, ok / (double) n, 4.5 * Math.sqrt(p * (1 - p) / n) + 1e-9, "deadline " + dl);
        }
        assertTrue(d.missProbability(20e6) < 0.1, "miss " + d.missProbability(20e6));
        assertTrue(d.lossProbability() > 1e-6, "visible errors " + d.lossProbability());
    }

    @Test
    void sameSeedSameOutcomesOtherSeedOtherOutcomes() {
        List<String> a = runCell(40, 1, 1);
        List<String> b = runCell(40, 1, 2);
        List<String> c = runCell(40, 2, 1);
        assertEquals(a, b, "threads do not change anything");
        assertNotEquals(a, c);
        assertTrue(a.size() > 100);
    }

    @Test
    void anMmtcCellAccountsForEveryMessageAndPairsUsers() {
        RadioConfig cfg = yaml("mmtc: {noma: always, pusch_units_per_slot: 1, pdsch_units_per_slot: 1}",
                "background: {rach_accesses_per_s: 2000}");
        RandomStreams streams = new RandomStreams(5);
        RadioNetwork net = new RadioNetwork(cfg, streams);
        Federation f = cell(300, net);
        f.run(KernelOptions.of(5, 20 * SimTime.MIN));
        RadioStatistics s = net.statistics();
        ClassStatistics.Summary m = s.of(ServiceClass.MMTC);
        assertEquals(m.sent(), m.delivered() + m.lost() + s.inFlight());
        assertTrue(m.delivered() > 0.8 * m.sent(), m.toString());
        // nothing can be faster than PRACH wait + Msg3 delay + one slot + processing + backhaul
        assertTrue(m.latencyP50Ms() > 4 + 0.5 + 2, m.toString());
        MmtcCounters k = net.mmtcCounters();
        assertTrue(k.uplinkNomaPairs() > 0 && k.downlinkNomaPairs() > 0, k.toString());
        assertTrue(k.backgroundPreambles() > 0);
        ClassStatistics.Summary u = s.of(ServiceClass.URLLC);
        assertTrue(u.sent() > 0);
        assertEquals(u.sent(), u.delivered() + u.lost());
    }

    @Test
    void backgroundContentionCostsPreambles() {
        double quiet = attemptsWith(0);
        double busy = attemptsWith(20_000);
        assertTrue(busy > quiet + 0.1, quiet + " vs " + busy);
    }

    private static double attemptsWith(double bg) {
        RadioConfig cfg = yaml("background: {rach_accesses_per_s: " + bg + "}");
        RadioNetwork net = new RadioNetwork(cfg, new RandomStreams(9));
        cell(100, net).run(KernelOptions.of(9, 10 * SimTime.MIN));
        return net.statistics().of(ServiceClass.MMTC).meanAttempts();
    }

    private static List<String> runCell(int devices, long seed, int threads) {
        List<String> log = new ArrayList<>();
        RadioNetwork net = new RadioNetwork(RadioConfig.defaults(), new RandomStreams(seed))
                .onOutcome(o -> log.add(o.toString()));
        cell(devices, net).run(KernelOptions.of(seed, 15 * SimTime.MIN).withThreads(threads));
        // the factory route (streams from the run itself) gives the same outcomes
        List<String> viaFactory = new ArrayList<>();
        Federation f = cell(devices, net);
        f.network(RadioNetwork.factory(RadioConfig.defaults(), n -> n.onOutcome(o -> viaFactory.add(o.toString()))));
        f.run(KernelOptions.of(seed, 15 * SimTime.MIN).withThreads(threads));
        assertEquals(log, viaFactory);
        return log;
    }

    private static Federation cell(int devices, RadioNetwork net) {
        Federation f = new Federation();
        f.add(new Server());
        for (int i = 0; i < devices; i++) {
            f.add(new Device("dev" + i));
        }
        f.network(net);
        return f;
    }

    /** Sends an energy-packet request every minute at its own phase; relays a URLLC trip to dev0 every 7th. */
    static final class Device implements Federate {
        private final String name;
        private long next;
        private int count;

        Device(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long initialize(Setup s) {
            s.endpoint(name);
            next = (long) (s.random().nextDouble() * SimTime.MIN);
            return next;
        }

        @Override
        public long step(Step step) {
            if (step.now() >= next) {
                step.send(name, "server", null, 24, "mmtc");
                if (++count % 7 == 0 && !name.equals("dev0")) {
                    step.send(name, "dev0", null, 16, "urllc");
                }
                next += SimTime.MIN;
            }
            return next;
        }
    }

    /** Answers every mMTC request. */
    static final class Server implements Federate {
        @Override
        public String name() {
            return "server";
        }

        @Override
        public long initialize(Setup s) {
            s.endpoint("server");
            return SimTime.NEVER;
        }

        @Override
        public long step(Step step) {
            for (Message m : step.inbox()) {
                step.send("server", m.from(), null, 8, "mmtc");
            }
            return SimTime.NEVER;
        }
    }
}
