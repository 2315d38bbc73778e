package io.packetgrid.radio.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.radio.fading.Fading;
import io.packetgrid.radio.fading.QuasiStaticNa;
import io.packetgrid.radio.reliability.DeliveryTimeDistribution;
import io.packetgrid.radio.reliability.Hop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public analysis of a network's URLLC service: serving cells, per-round errors, paths, variants. */
class UrllcAnalysisTest {

    static RadioConfig yaml(String... lines) {
        return YamlFiles.read(String.join("\n", lines) + "\n", "radio.yaml", RadioConfig.class);
    }

    static final String[] TWO_CELLS = {"propagation: umi", "shadowing: false", "backhaul: 250us",
            "aggregators: [{name: west, x_m: 0, y_m: 0, height_m: 10}, {name: east, x_m: 400, y_m: 0, height_m: 10}]",
            "devices: [{endpoint: a, x_m: 20, y_m: 10}, {endpoint: b, x_m: 60, y_m: -30}, {endpoint: c, x_m: 390, y_m: 25}]",
            "urllc: {repetitions: 3, harq_rounds: 2}"};

    @Test
    void servingCellsAndCoreLatencies() {
        RadioNetwork net = new RadioNetwork(yaml(TWO_CELLS), new RandomStreams(1));
        UrllcAnalysis u = net.urllc();
        assertEquals("west", net.servingAggregator("a"));
        assertEquals("west", u.servingAggregator("b"));
        assertEquals("east", u.servingAggregator("c"));
        assertEquals(List.of("west", "east"), net.aggregators());
        long bh = 250_000;
        assertEquals(0, u.path("a", "b", 32).coreNs());
        assertEquals(2 * bh, u.path("a", "c", 32).coreNs());
        assertEquals(bh, u.path("a", "server", 32).coreNs());
        UrllcPath down = u.path("server", "c", 32);
        assertEquals(bh, down.extraNs());
        assertEquals(null, down.uplinkAggregator());
        assertEquals("east", down.downlinkAggregator());
        assertEquals(1, down.hops().size());
        PacketGridException e = assertThrows(PacketGridException.class, () -> u.servingAggregator("server"));
        assertTrue(e.getMessage().contains("wired"), e.getMessage());
    }

    @Test
    void roundFailuresAreTheFadingAveragesOfTheCombinedRepetitions() {
        RadioNetwork net = new RadioNetwork(yaml(TWO_CELLS), new RandomStreams(1));
        UrllcAnalysis u = net.urllc();
        int k = u.bits(32);
        assertEquals(8 * 37 + 16, k, "32 bytes + 5 header bytes + 16-bit CRC (TS 38.212 §7.2.1 below 3824 bits)");
        for (String dev : List.of("a", "c")) {
            double[] snrDb = u.meanSnrDb(dev);
            for (int m = 1; m <= 3; m++) {
                double snr = Math.pow(10, snrDb[0] / 10);
                Fading law = Fading.rayleigh(); // LOS is drawn: compare with what the network holds
                double mine = u.combinedRoundFailure(dev, true, 32, m);
                double ray = QuasiStaticNa.errorProbability(law.combined(m), u.blocklength(), k, m * snr, true);
                double ric = QuasiStaticNa.errorProbability(Fading.rician(Math.pow(10, 0.9)).combined(m), u.blocklength(), k,
                        m * snr, true);
                assertTrue(Math.abs(mine / ray - 1) < 1e-9 || Math.abs(mine / ric - 1) < 1e-9,
                        dev + " m=" + m + ": " + mine + " vs Rayleigh " + ray + " / Rician " + ric);
            }
            double[] rounds = u.roundFailure(dev, true, 32);
            assertEquals(2, rounds.length);
            assertEquals(u.combinedRoundFailure(dev, true, 32, 3), rounds[0], 0);
            assertTrue(u.combinedRoundFailure(dev, true, 32, 1) > u.combinedRoundFailure(dev, true, 32, 3));
        }
    }

    @Test
    void erasuresMixTheRepetitionCounts() {
        RadioConfig shared = yaml(TWO_CELLS).withCoexistence(new CoexistenceConfig(CoexistenceConfig.UplinkResources.SHARED,
                false, 0.05)).withBackground(new RadioConfig.BackgroundConfig(null, 0.2, null));
        RadioNetwork net = new RadioNetwork(shared, new RandomStreams(1));
        UrllcAnalysis u = net.urllc();
        double p = 0.25;   // 0.2 background + 0.05 mMTC
        assertEquals(p, u.erasureProbability(), 1e-15);
        double[] e = new double[4];
        e[0] = 1;
        for (int m = 1; m <= 3; m++) {
            e[m] = u.combinedRoundFailure("a", true, 32, m);
        }
        // ε' = Σ_m C(3, m)(1 − p)^m p^(3 − m) ε_m, by hand
        double hand = p * p * p * e[0] + 3 * (1 - p) * p * p * e[1] + 3 * (1 - p) * (1 - p) * p * e[2]
                + (1 - p) * (1 - p) * (1 - p) * e[3];
        assertEquals(hand, u.roundFailure("a", true, 32)[0], hand * 1e-14);
        // the downlink is never erased; with pre-emption, nor is the uplink
        assertEquals(u.combinedRoundFailure("a", false, 32, 3), u.roundFailure("a", false, 32)[0], 0);
        UrllcAnalysis pre = net.urllc(shared.withCoexistence(new CoexistenceConfig(CoexistenceConfig.UplinkResources.SHARED,
                true, 0.05)));
        assertEquals(0, pre.erasureProbability());
        assertEquals(e[3], pre.roundFailure("a", true, 32)[0], 0);
        // everything busy: every round fails
        UrllcAnalysis full = net.urllc(shared.withBackground(new RadioConfig.BackgroundConfig(null, 1.0, null)));
        assertEquals(1, full.roundFailure("a", true, 32)[0], 0);
    }

    @Test
    void aVariantOfTheSameLinksIsTheNetworkBuiltWithTheVariant() {
        RadioConfig base = yaml(TWO_CELLS[0], "backhaul: 250us", TWO_CELLS[3], TWO_CELLS[4], TWO_CELLS[5]);  // shadowing on
        RadioConfig variant = base.withUrllc(yaml("urllc: {repetitions: 1, harq_rounds: 3, symbols: 4}").urllc())
                .withCoexistence(new CoexistenceConfig(CoexistenceConfig.UplinkResources.SHARED, false, 0.01))
                .withBackground(new RadioConfig.BackgroundConfig(null, 0.1, null));
        for (long seed = 1; seed <= 4; seed++) {
            RadioNetwork net = new RadioNetwork(base, new RandomStreams(seed));
            RadioNetwork direct = new RadioNetwork(variant, new RandomStreams(seed));
            UrllcAnalysis viaBase = net.urllc(variant);
            for (String[] ab : new String[][] {{"a", "c"}, {"c", "b"}, {"a", "server"}, {"server", "b"}}) {
                DeliveryTimeDistribution x = direct.urllcAnalysis(ab[0], ab[1], 32);
                DeliveryTimeDistribution y = viaBase.path(ab[0], ab[1], 32).distribution();
                for (double d : new double[] {0.5e6, 1e6, 2e6, 4e6}) {
                    assertEquals(x.missProbability(d), y.missProbability(d), 1e-12 * x.missProbability(d), seed + " " + ab[0] + ab[1]);
                }
                assertEquals(direct.servingAggregator(ab[0].equals("server") ? ab[1] : ab[0]),
                        net.servingAggregator(ab[0].equals("server") ? ab[1] : ab[0]));
            }
        }
        RadioNetwork net = new RadioNetwork(base, new RandomStreams(1));
        assertSame(net.urllc(), net.urllc(base));
        RadioConfig moved = base.withDevices(List.of(new RadioConfig.DeviceConfig("a", 0.0, 0.0)));
        assertThrows(PacketGridException.class, () -> net.urllc(moved));
    }

    @Test
    void pathHopsAndTheAirInterface() {
        RadioNetwork net = new RadioNetwork(yaml(TWO_CELLS), new RandomStreams(2));
        UrllcPath p = net.urllc().path("a", "c", 32);
        assertEquals(2, p.hops().size());
        Hop up = p.hops().get(0);
        assertEquals(net.urllcUplinkTiming(), up.timing());
        DeliveryTimeDistribution air = DeliveryTimeDistribution.of(List.of(new Hop(up.timing(), up.roundFailure(), 0)), 0);
        assertEquals(air.missProbability(1e6), p.firstHop().missProbability(1e6), 0);
        assertEquals(net.urllcAnalysis("a", "c", 32).missProbability(3e6), p.distribution().missProbability(3e6), 0);
        assertNotEquals(p.firstHop().missProbability(1e6), p.distribution().missProbability(1e6));
    }

    @Test
    void coexistenceConfigurationIsReadStrictly() {
        RadioConfig c = yaml("coexistence: {urllc_uplink: shared, uplink_preemption: true, mmtc_share: 0.01}");
        assertTrue(c.coexistence().shared() && c.coexistence().uplinkPreemption() && !c.coexistence().erasures());
        assertEquals(0.01, c.coexistence().mmtcShare());
        assertEquals(CoexistenceConfig.UplinkResources.DEDICATED, RadioConfig.defaults().coexistence().urllcUplink());
        PacketGridException e = assertThrows(PacketGridException.class, () -> yaml("coexistence: {urllc_uplink: sometimes}"));
        assertTrue(e.userMessage().contains("coexistence.urllc_uplink"), e.userMessage());
        e = assertThrows(PacketGridException.class, () -> yaml("coexistence: {mmtc_share: 2}"));
        assertTrue(e.userMessage().contains("mmtc_share must be in [0, 1]"), e.userMessage());
        e = assertThrows(PacketGridException.class, () -> yaml("coexistence: {urllc_uplink: shared}", "mmtc: {pusch_units_per_slot: 65}"));
        assertTrue(e.userMessage().contains("pusch_units_per_slot ≤ 64"), e.userMessage());
    }
}
