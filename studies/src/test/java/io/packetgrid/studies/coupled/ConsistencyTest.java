package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.kernel.ProgressListener;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.HouseholdPlanner;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.VariantSpec;
import io.packetgrid.studies.report.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariants of the coupled study that hold whatever the models' numbers: the feeder's power balance,
 * the server's ledger against what the devices ran, and the network's effect on PEM.
 */
class ConsistencyTest {
    @TempDir
    Path out;

    /** The three variants of the default on the evening, over the radio. */
    @Test
    void energyBalanceAndLedgerOverTheRadio() {
        Summary s = Scenarios.run(Scenarios.evening("{model: radio}", "{name: uncontrolled, control: local}",
                "{name: pem, control: pem}", "{name: pem_grid_aware, control: pem, grid_aware: true}"), out, 2);
        for (String v : List.of("uncontrolled", "pem", "pem_grid_aware")) {
            double src = Scenarios.metric(s, v, "source_energy_kwh");
            double loads = Scenarios.metric(s, v, "load_energy_kwh");
            double losses = Scenarios.metric(s, v, "loss_energy_kwh");
            assertTrue(src > 100 && losses > 0, v + ": a loaded feeder");
            // source = loads + losses within 0.1 % (each side computed on its own from the node voltages)
            assertEquals(src, loads + losses, 1e-3 * src, v + ": energy balance");
        }
        for (String v : List.of("pem", "pem_grid_aware")) {
            double granted = Scenarios.metric(s, v, "packets_granted");
            double executed = Scenarios.metric(s, v, "packets_executed");
            double lost = Scenarios.metric(s, v, "accept_replies_lost");
            double ignored = Scenarios.metric(s, v, "accept_replies_ignored");
            double inFlight = Scenarios.metric(s, v, "accept_replies_in_flight");
            assertTrue(granted > 100, v + ": packets were granted");
            // every packet in the server's ledger ran at its device, except acceptances the radio lost, those still
            // on their way at the end, and those that arrived when the device could no longer use them
            assertEquals(granted, executed + lost + inFlight + ignored, 0.0, v + ": ledger = executed + lost + in flight + ignored");
            assertTrue(lost + inFlight + ignored <= 0.02 * granted, v + ": nearly every granted packet ran");
            assertTrue(Scenarios.metric(s, v, "latency_p50_ms") > 1, v + ": the radio takes time");
        }
    }

    @Test
    void idealNetworkLosesNothingAndTheLedgerMatchesExactly() {
        Summary s = Scenarios.run(Scenarios.evening("{model: ideal}", "{name: uncontrolled, control: local}",
                "{name: pem, control: pem}"), out, 1);
        assertEquals(0.0, Scenarios.metric(s, "pem", "radio_loss_pct"));
        assertEquals(0.0, Scenarios.metric(s, "pem", "messages_lost"));
        assertEquals(0.0, Scenarios.metric(s, "pem", "latency_p99_ms"));
        assertEquals(0.0, Scenarios.metric(s, "pem", "reply_timeouts"));
        assertEquals(Scenarios.metric(s, "pem", "packets_granted"), Scenarios.metric(s, "pem", "packets_executed"));
        assertEquals(0.0, Scenarios.metric(s, "pem", "accept_replies_ignored"));
    }

    private record Setup(CoupledScenario s, FeederTemplate template, List<FeederPlan> plans, VariantRunner runner) {
    }

    private static Setup setup(String yaml) {
        CoupledScenario s = YamlFiles.read(yaml, "test.yaml", CoupledScenario.class);
        FeederTemplate t = FeederTemplate.load(s.feeder(), null, "test.yaml: feeder", s.start().seconds() / 3600, s.gridStep().ns(),
                (int) (s.duration().ns() / s.gridStep().ns()) + 1);
        List<FeederPlan> plans = new HouseholdPlanner(s, t, "test.yaml").plan();
        return new Setup(s, t, plans, new VariantRunner(s, t, plans));
    }

    private static List<Feeder> feeders(Setup u) {
        List<Feeder> f = new ArrayList<>();
        for (int i = 0; i < u.plans().size(); i++) {
            f.add(u.template().newFeeder());
        }
        return f;
    }

    private static VariantSpec pem(String network) {
        return YamlFiles.read("{name: pem, control: pem, mode: accept_all, network: " + network + "}", "v", VariantSpec.class);
    }

    /** With an ideal network, the coupled run's PEM is the pure PEM (fleet and server alone, no grid, no radio). */
    @Test
    void idealNetworkGivesThePurePemResults() {
        Setup u = setup(Scenarios.evening("{model: ideal}", "{name: pem, control: pem, mode: accept_all}"));
        VariantResult coupled = u.runner().run(pem("{model: ideal}"), feeders(u), null, null, 1, ProgressListener.NONE);
        VariantResult pure = u.runner().run(pem("{model: ideal}"), null, null, null, 1, ProgressListener.NONE);
        assertArrayEquals(pure.flexKw(), coupled.flexKw(), "flexible power, step by step");
        assertEquals(pure.feeders().get(0).fleet().requests(), coupled.feeders().get(0).fleet().requests());
        assertEquals(pure.feeders().get(0).fleet().executed(), coupled.feeders().get(0).fleet().executed());
        assertTrue(coupled.feeders().get(0).fleet().requests() > 100);
    }

    /** Lost messages and late replies change what the devices do: timeouts and retries, late starts. */
    @Test
    void radioEffectsChangeDeviceBehaviour() {
        Setup u = setup(Scenarios.evening("{model: ideal}", "{name: pem, control: pem, mode: accept_all}"));
        VariantResult ideal = u.runner().run(pem("{model: ideal}"), null, null, null, 1, ProgressListener.NONE);
        VariantResult lossy = u.runner().run(pem("{model: fixed, delay: 20ms, loss: 0.2}"), null, null, null, 1, ProgressListener.NONE);
        VariantResult late = u.runner().run(pem("{model: fixed, delay: 6s}"), null, null, null, 1, ProgressListener.NONE);
        assertEquals(0, ideal.feeders().get(0).fleet().timeouts());
        assertTrue(lossy.feeders().get(0).fleet().timeouts() > 50, "lost requests/replies time out and the device draws again");
        assertTrue(lossy.traffic().acceptsLost() > 0, "some acceptances were lost");
        assertEquals(lossy.feeders().get(0).ledgerAccepted(), lossy.traffic().acceptsSent(), "every acceptance went to the network");
        assertEquals(lossy.traffic().acceptsDelivered(), lossy.feeders().get(0).fleet().executed()
                + lossy.feeders().get(0).fleet().acceptsIgnored(), "every delivered acceptance ran or was refused by its device");
        assertFalse(java.util.Arrays.equals(ideal.flexKw(), lossy.flexKw()), "losses change the fleet's power");
        // replies 12 s after the request come after the 5 s reply timeout: the device starts late (packet-server PemAutomaton)
        assertTrue(late.feeders().get(0).fleet().lateStarts() > 20, "late acceptances start late");
        assertEquals(late.traffic().acceptsDelivered(), late.feeders().get(0).fleet().executed()
                + late.feeders().get(0).fleet().acceptsIgnored(), "late acceptances are run or refused, never lost");
    }

    /**
     * Variants running side by side share the households' plans: they must not share mutable state
     * (packet-server's hot-water draws keep a read cursor, for one).
     */
    @Test
    void variantsSideBySideEqualVariantsAlone() throws Exception {
        Setup u = setup(Scenarios.evening("{model: ideal}", "{name: pem, control: pem, mode: accept_all}"));
        VariantResult alone = u.runner().run(pem("{model: ideal}"), null, null, null, 1, ProgressListener.NONE);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<VariantResult>> side = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                side.add(pool.submit(() -> u.runner().run(pem("{model: ideal}"), null, null, null, 1, ProgressListener.NONE)));
            }
            for (java.util.concurrent.Future<VariantResult> f : side) {
                assertArrayEquals(alone.flexKw(), f.get().flexKw(), "flexible power, side by side");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A feeder reused by the next run (network rebuilt) gives the results of a freshly parsed one. */
    @Test
    void reusedFeedersEqualFreshOnes() {
        Setup u = setup(Scenarios.evening("{model: ideal}", "{name: uncontrolled, control: local}"));
        VariantSpec local = u.s().variants().get(0);
        List<Feeder> f = feeders(u);
        VariantResult first = u.runner().run(pem("{model: ideal}"), f, null, null, 1, ProgressListener.NONE);
        VariantResult again = u.runner().run(local, f, null, null, 1, ProgressListener.NONE);
        VariantResult fresh = u.runner().run(local, feeders(u), null, null, 1, ProgressListener.NONE);
        assertTrue(first.feeders().get(0).grid().steps > 0);
        assertArrayEquals(fresh.feeders().get(0).grid().vMinPu, again.feeders().get(0).grid().vMinPu);
        assertArrayEquals(fresh.feeders().get(0).grid().lossesKw, again.feeders().get(0).grid().lossesKw);
    }
}
