package io.packetgrid.studies.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.message.IdealNetwork;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.fault.FaultAnalysis;
import io.packetgrid.grid.fault.FaultSpec;
import io.packetgrid.grid.fault.FaultType;
import io.packetgrid.grid.protection.Measurements;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.policy.EventEstimator;
import io.packetgrid.pem.policy.TargetSignal;
import io.packetgrid.pem.policy.TrackingPolicy;
import io.packetgrid.pem.policy.TrackingRule;
import io.packetgrid.pem.sim.Control;
import io.packetgrid.pem.sim.DeviceAgent;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.pem.sim.HouseholdDevices;
import io.packetgrid.pem.sim.PacketServerFederate;
import io.packetgrid.pem.sim.ServerInputs;
import io.packetgrid.radio.network.RadioConfig;
import io.packetgrid.radio.network.RadioNetwork;
import io.packetgrid.radio.network.RadioOutcome;
import io.packetgrid.radio.network.ServiceClass;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import io.packetgrid.studies.protection.scenario.ProtectionScenario;
import io.packetgrid.studies.protection.sim.ProtectionCoSimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * A fault on the European LV feeder (the built-in example's protection: feeder relay r1 and breaker cb1 at
 * LINE1, recloser relay r2 and rec2 at LINE271, PV units pv1..pv3) in the co-simulation kernel: the right
 * breaker opens at the time the settings give, first over an ideal network, then over the radio model
 * with the PEM fleet's mMTC traffic on the same cells, where each message adds the latency the radio
 * model reported for it.
 *
 * <p>Expected times from the settings, by hand: r2's definite-time stages (30 ms) plus rec2's 30 ms
 * opening: rec2 opens 60 ms after inception, and r2's start output (20 ms) blocks r1's 30 ms fast stage,
 * so cb1 stays closed. For a fault above LINE271 r2 sees nothing: r1's fast stage (30 ms) plus cb1's
 * 50 ms: cb1 opens at 80 ms, the island forms, and each PV unit stops 0.3 ms (processing) + 20 ms
 * (disconnect) after the transfer trip arrives.
 */
class EuropeanLvTripTest {
    static final long TF = SimTime.parse("10s");
    static final long MS = 1_000_000L;

    static ProtectionScenario example() {
        return ProtectionScenarios.variants(ProtectionScenarios.builtIn(), "example", Map.of()).get(0).scenario();
    }

    static RadioConfig radio(ProtectionSystem sys, RadioConfig r) {
        List<RadioConfig.DeviceConfig> devs = new ArrayList<>();
        for (int d = 0; d < sys.endpoints().size(); d++) {
            devs.add(new RadioConfig.DeviceConfig(sys.endpoints().get(d), sys.position(d)[0], sys.position(d)[1]));
        }
        return new RadioConfig(r.carrierGhz(), r.numerology(), r.propagation(), r.bsAboveRooftopM(), r.deviceHeightM(),
                r.uePowerDbm(), r.bsPowerDbm(), r.carrierBandwidthMhz(), r.ueNoiseFigureDb(), r.bsNoiseFigureDb(), r.shadowing(),
                r.fastFading(), r.logTerm(), r.aggregators(), devs, r.deviceArea(), List.of("server"), r.backhaul(), r.urllc(),
                r.mmtc(), r.defaultClass(), r.background());
    }

    @Test
    void faultBeyondTheRecloserOpensTheRecloserOnlyIdealNetwork() {
        ProtectionSystem sys = ProtectionSystem.build(example(), null);
        FaultSpec f = FaultSpec.of("500", FaultType.LINE_TO_GROUND, 0.05);
        ProtectionCoSimulation.Outcome o = ProtectionCoSimulation.run(sys, f, TF, TF + SimTime.parse("2s"), 1, s -> new IdealNetwork(),
                List.of());
        assertEquals(TF + 60 * MS, o.breakerOpenNs().get("rec2"));
        assertEquals(SimTime.NEVER, o.breakerOpenNs().get("cb1"), "r1 is blocked by r2");
        assertEquals(TF + 20 * MS, o.blockArrivalsNs().get("r1").get(0));
    }

    @Test
    void theRecloserRecloses() {
        // rec2 has one 500 ms dead time. Permanent fault: open at 60 ms, reclose at 560 ms, r2's 30 ms stage
        // trips again and rec2 opens at 620 ms for good. Temporary fault (extinguished once de-energised):
        // open at 60 ms, reclose at 560 ms, supply restored.
        ProtectionCoSimulation.Outcome p = ProtectionCoSimulation.run(ProtectionSystem.build(example(), null),
                FaultSpec.of("500", FaultType.LINE_TO_GROUND, 0.05), false, TF, TF + SimTime.parse("3s"), 1, s -> new IdealNetwork(),
                List.of());
        assertEquals(List.of(TF + 60 * MS, TF + 620 * MS), p.opensNs().get("rec2"));
        assertEquals(List.of(TF + 560 * MS), p.closesNs().get("rec2"));
        assertTrue(p.lockedOut().get("rec2"));
        assertEquals(SimTime.NEVER, p.breakerOpenNs().get("cb1"), "blocked again on the second shot");
        ProtectionCoSimulation.Outcome t = ProtectionCoSimulation.run(ProtectionSystem.build(example(), null),
                FaultSpec.of("500", FaultType.LINE_TO_GROUND, 0.05), true, TF, TF + SimTime.parse("3s"), 1, s -> new IdealNetwork(),
                List.of());
        assertEquals(List.of(TF + 60 * MS), t.opensNs().get("rec2"));
        assertEquals(List.of(TF + 560 * MS), t.closesNs().get("rec2"));
        assertTrue(!t.lockedOut().get("rec2"));
    }

    @Test
    void faultAboveTheRecloserOpensTheFeederBreakerAndTripsTheDgIdealNetwork() {
        ProtectionSystem sys = ProtectionSystem.build(example(), null);
        FaultSpec f = FaultSpec.of("101", FaultType.LINE_TO_GROUND, 0.05);
        ProtectionCoSimulation.Outcome o = ProtectionCoSimulation.run(sys, f, TF, TF + SimTime.parse("2s"), 1, s -> new IdealNetwork(),
                List.of());
        assertEquals(TF + 80 * MS, o.breakerOpenNs().get("cb1"));
        assertEquals(SimTime.NEVER, o.breakerOpenNs().get("rec2"));
        // pv1's voltage dips below its 0.88 pu start: the permit (sent at r1's 20 ms start) trips it at
        // 20 + 0.3 + 20 ms; pv2 and pv3 do not see the fault and trip on the transfer trip sent when the
        // island forms at 80 ms: + 0.3 ms + 20 ms
        assertEquals(TF + 20 * MS + 300_000 + 20 * MS, o.dgStopNs().get("pv1"));
        assertEquals("permissive", o.dgCause().get("pv1"));
        for (String pv : List.of("pv2", "pv3")) {
            assertEquals(TF + 80 * MS + 300_000 + 20 * MS, o.dgStopNs().get(pv));
            assertEquals("transfer trip dtt_islanding", o.dgCause().get(pv));
        }
    }

    @Test
    void inverseTimeStageTripsAtTheIecTime() {
        // a resistive three-phase fault whose current at r1 lies between the 350 A inverse stage and the
        // 600 A definite stage: only the standard inverse stage acts, t = 0.1 · 0.14 / ((I/350)^0.02 − 1).
        // Without the PV units, so that nothing changes the current while the stage integrates.
        String text = ProtectionScenarios.builtIn();
        text = text.substring(0, text.indexOf("\ndg:")) + "\n" + text.substring(text.indexOf("\nmessages:"));
        ProtectionSystem sys = ProtectionSystem.build(ProtectionScenarios.read(text.substring(0, text.indexOf("\nvariants:")) + "\n",
                "no-dg"), null);
        FaultAnalysis fa = sys.preFault().analysis();
        double lo = 0.2;
        double hi = 2.0;
        double current = 0;
        for (int it = 0; it < 60; it++) {
            double r = 0.5 * (lo + hi);
            current = Measurements.currents(fa.solve(FaultSpec.of("101", FaultType.THREE_PHASE_GROUND, r)),
                    sys.relays().get(0).terminal()).maxPhaseA();
            if (current > 480) {
                lo = r;
            } else {
                hi = r;
            }
        }
        double r = 0.5 * (lo + hi);
        Measurements.Currents c = Measurements.currents(fa.solve(FaultSpec.of("101", FaultType.THREE_PHASE_GROUND, r)),
                sys.relays().get(0).terminal());
        double expected = 0.1 * 0.14 / (Math.pow(c.maxPhaseA() / 350.0, 0.02) - 1);
        assertTrue(c.maxPhaseA() > 350 && c.maxPhaseA() < 600 && c.residualA() < 150, "fault in the inverse-only band");
        ProtectionCoSimulation.Outcome o = ProtectionCoSimulation.run(sys, FaultSpec.of("101", FaultType.THREE_PHASE_GROUND, r), TF,
                TF + SimTime.parse("5s"), 1, s -> new IdealNetwork(), List.of());
        assertEquals(expected, (o.relayTripNs().get("r1") - TF) / 1e9, 2e-9);
        assertEquals(o.relayTripNs().get("r1") + 50 * MS, o.breakerOpenNs().get("cb1"));
    }

    @Test
    void withRadioDelayAndThePemFleetOnTheSameCells() {
        // the same faults with the fleet's mMTC traffic on the same cells and without it: in both, every message adds
        // exactly the latency the radio model reported for that message (the draws differ, the identity holds)
        ProtectionScenario sc = example();
        for (int fleet : new int[] {40, 0}) {
            for (String bus : List.of("500", "101")) {
                ProtectionSystem sys = ProtectionSystem.build(sc, null);
                FaultSpec f = FaultSpec.of(bus, FaultType.LINE_TO_GROUND, 0.05);
                List<RadioOutcome> outcomes = new ArrayList<>();
                ProtectionCoSimulation.Outcome o = ProtectionCoSimulation.run(sys, f, TF, TF + SimTime.parse("2s"), 3,
                        RadioNetwork.factory(radio(sys, sc.radio()), n -> n.onOutcome(outcomes::add)),
                        fleet == 0 ? List.of() : pemFleet(sys, fleet));
                List<RadioOutcome> urllc = outcomes.stream().filter(x -> x.serviceClass() == ServiceClass.URLLC).toList();
                assertEquals(fleet > 0, outcomes.stream().anyMatch(x -> x.serviceClass() == ServiceClass.MMTC),
                        "the fleet's mMTC traffic shares the cells, or there is none");
                if (bus.equals("500")) {
                    assertEquals(TF + 60 * MS, o.breakerOpenNs().get("rec2"), "local trip: no radio on the path");
                    RadioOutcome block = urllc.stream().filter(x -> x.to().equals("protection/r1")).findFirst().orElseThrow();
                    assertTrue(block.delivered());
                    assertEquals(TF + 20 * MS + block.latencyNs(), o.blockArrivalsNs().get("r1").get(0));
                    assertEquals(SimTime.NEVER, o.breakerOpenNs().get("cb1"), "the block arrived in time");
                    RadioOutcome permit = urllc.stream().filter(x -> x.to().equals("protection/pv1")).findFirst().orElseThrow();
                    assertEquals(TF + 20 * MS + permit.latencyNs() + 300_000 + 20 * MS, o.dgStopNs().get("pv1"));
                } else {
                    long open = TF + 80 * MS;
                    assertEquals(open, o.breakerOpenNs().get("cb1"));
                    for (String pv : List.of("pv2", "pv3")) {
                        RadioOutcome trip = urllc.stream().filter(x -> x.to().equals("protection/" + pv) && x.sentNs() == open)
                                .findFirst().orElseThrow();
                        assertTrue(trip.delivered());
                        assertEquals(open + trip.latencyNs() + 300_000 + 20 * MS, o.dgStopNs().get(pv), pv);
                        assertTrue(trip.latencyNs() > 0, "radio latency");
                    }
                }
            }
        }
    }

    /** Water heaters under PEM at the feeder's homes sending their requests through the same radio. */
    static List<Federate> pemFleet(ProtectionSystem sys, int n) {
        List<DeviceAgent> agents = new ArrayList<>();
        PemAutomaton.Config pem = HouseholdDevices.pem(SimTime.parse("20s"), SimTime.parse("5m"), SimTime.parse("2s"));
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        for (int i = 0; i < n; i++) {
            agents.add(HouseholdDevices.waterHeater(i + 1, new ConnectionPoint(0, 1), Control.PEM, pem, rng, 3600, 10));
        }
        TrackingPolicy policy = TrackingPolicy.builder().target(TargetSignal.constant(Double.POSITIVE_INFINITY))
                .estimator(new EventEstimator(0)).rule(TrackingRule.RELAY).build();
        return List.of(new DeviceFleetFederate("pem", agents, SimTime.parse("1s"), "server", 0),
                new PacketServerFederate("server", "server", policy, ServerInputs.NONE, SimTime.parse("1m")));
    }
}
