package io.packetgrid.pem.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server decisions in crafted situations. */
class TrackingPolicyTest {
    static final long S = 1_000_000_000L;
    static final long MIN = 60 * S;

    static PacketRequest req(long id, DeviceClass c, double kw) {
        return new PacketRequest(id, 1, c, kw, 0, 5 * MIN, new ConnectionPoint((int) id, 1));
    }

    static PacketRequest at(long id, int bus, double kw) {
        return new PacketRequest(id, 1, DeviceClass.WATER_HEATER, kw, 0, 5 * MIN, new ConnectionPoint(bus, 1));
    }

    @Test
    void relayAcceptsWhileTheErrorIsPositive() {
        // ACC 2017: accept iff e = r − y > 0, each acceptance taking the 5 kW average rating
        TrackingPolicy p = TrackingPolicy.builder().target(TargetSignal.constant(12)).rule(TrackingRule.RELAY)
                .nominalKw(5).build();
        List<PacketReply> r = p.decide(List.of(req(1, DeviceClass.WATER_HEATER, 4.5), req(2, DeviceClass.WATER_HEATER, 4.5),
                req(3, DeviceClass.WATER_HEATER, 4.5), req(4, DeviceClass.WATER_HEATER, 4.5)), 0);
        // e: 12 → 7 → 2 → −3: three accepted (the third overshoots, as a relay does), the fourth denied
        assertEquals(List.of(true, true, true, false), r.stream().map(PacketReply::accepted).toList());
        assertEquals(DenyReason.TRACKING, r.get(3).reason());
    }

    @Test
    void halfPacketRuleNeedsHalfAPacketOfHeadroom() {
        // IREP 2022: accept iff e ≥ P/2
        TrackingPolicy p = TrackingPolicy.builder().target(TargetSignal.constant(12)).rule(TrackingRule.HALF_PACKET).build();
        List<PacketReply> r = p.decide(List.of(req(1, DeviceClass.WATER_HEATER, 5), req(2, DeviceClass.WATER_HEATER, 5),
                req(3, DeviceClass.WATER_HEATER, 5)), 0);
        // e: 12 ≥ 2.5 yes → 7 ≥ 2.5 yes → 2 < 2.5 no
        assertEquals(List.of(true, true, false), r.stream().map(PacketReply::accepted).toList());
    }

    @Test
    void acceptedPacketsRunForTheRequestedLengthFromNow() {
        TrackingPolicy p = TrackingPolicy.builder().build();
        PacketReply r = p.decide(List.of(req(1, DeviceClass.WATER_HEATER, 4.5)), 100 * S).get(0);
        assertTrue(r.accepted());
        assertEquals(100 * S, r.startNs());
        assertEquals(5 * MIN, r.durationNs());
        TrackingPolicy capped = TrackingPolicy.builder().maxPacketNs(MIN).build();
        assertEquals(MIN, capped.decide(List.of(req(1, DeviceClass.WATER_HEATER, 4.5)), 0).get(0).durationNs());
    }

    @Test
    void communityPriorityDecidesWhoGetsTheLastHeadroom() {
        // the founders' question, as data: the cooker goes before the EV charger
        CommunityRules cookerFirst = new CommunityRules(List.of(DeviceClass.COOKER, DeviceClass.EV_CHARGER), Map.of(), Fairness.ARRIVAL);
        // headroom 5 kW; half-packet rule. Cooker (3 kW): 5 ≥ 1.5 → accepted, e = 2; EV (7 kW): 2 < 3.5 → denied
        TrackingPolicy p = TrackingPolicy.builder().target(TargetSignal.constant(5)).rules(cookerFirst).build();
        List<PacketReply> r = p.decide(List.of(req(1, DeviceClass.EV_CHARGER, 7), req(2, DeviceClass.COOKER, 3)), 0);
        assertTrue(r.get(1).accepted(), "cooker first");
        assertFalse(r.get(0).accepted(), "the EV charger no longer fits");
    }

    @Test
    void reversedPriorityServesTheEvFirst() {
        CommunityRules evFirst = new CommunityRules(List.of(DeviceClass.EV_CHARGER, DeviceClass.COOKER), Map.of(), Fairness.ARRIVAL);
        // EV (7 kW): 5 ≥ 3.5 → accepted, e = −2; cooker: −2 < 1.5 → denied
        TrackingPolicy p = TrackingPolicy.builder().target(TargetSignal.constant(5)).rules(evFirst).build();
        List<PacketReply> r = p.decide(List.of(req(2, DeviceClass.COOKER, 3), req(1, DeviceClass.EV_CHARGER, 7)), 0);
        assertTrue(r.get(1).accepted());
        assertFalse(r.get(0).accepted());
        assertEquals(DenyReason.TRACKING, r.get(0).reason());
    }

    @Test
    void longestWaitingGoesFirst() {
        CommunityRules fair = new CommunityRules(List.of(), Map.of(), Fairness.LONGEST_WAITING);
        double[] target = {0};
        TrackingPolicy p = TrackingPolicy.builder().target(now -> target[0]).rules(fair).build();
        // device 7 is denied at t = 0 (no headroom); at t = 60 s both 3 and 7 ask, headroom for one
        p.decide(List.of(req(7, DeviceClass.WATER_HEATER, 5)), 0);
        target[0] = 5;
        List<PacketReply> r = p.decide(List.of(req(3, DeviceClass.WATER_HEATER, 5), req(7, DeviceClass.WATER_HEATER, 5)), 60 * S);
        assertFalse(r.get(0).accepted());
        assertTrue(r.get(1).accepted(), "the device waiting since t = 0 goes first");
        assertEquals(1, p.waitingDevices()); // device 3 now waits
    }

    @Test
    void arrivalOrderWithoutFairnessRule() {
        TrackingPolicy p = TrackingPolicy.builder().target(TargetSignal.constant(5)).build();
        List<PacketReply> r = p.decide(List.of(req(3, DeviceClass.WATER_HEATER, 5), req(7, DeviceClass.WATER_HEATER, 5)), 0);
        assertTrue(r.get(0).accepted());
        assertFalse(r.get(1).accepted());
    }

    @Test
    void voltageGateDeniesOutOfLimitNodesAndAcceptsUnmeasuredOnes() {
        // IREP 2022 Algorithm 1: reject if the node's voltage is outside [Vmin, Vmax]; unmeasured → accept
        MapGridView grid = new MapGridView().voltage(10, 1, 0.93).voltage(11, 1, 1.00).voltage(12, 1, 1.06).updated(0);
        TrackingPolicy p = TrackingPolicy.builder().gate(new GridGate(GridLimits.irep2022(), grid)).build();
        List<PacketReply> r = p.decide(List.of(at(1, 10, 4.5), at(2, 11, 4.5), at(3, 12, 4.5), at(4, 99, 4.5)), 0);
        assertEquals(DenyReason.VOLTAGE, r.get(0).reason());
        assertTrue(r.get(1).accepted());
        assertEquals(DenyReason.VOLTAGE, r.get(2).reason()); // IREP rejects at any violation
        assertTrue(r.get(3).accepted(), "unmeasured node");
    }

    @Test
    void directionalGateLetsConsumptionHelpAnOvervoltage() {
        MapGridView grid = new MapGridView().voltage(12, 1, 1.12).updated(0);
        GridLimits directional = new GridLimits(0.90, 1.10, 1.0, true, false);
        TrackingPolicy p = TrackingPolicy.builder().mode(PolicyMode.ACCEPT_ALL).gate(new GridGate(directional, grid)).build();
        List<PacketReply> r = p.decide(List.of(at(1, 12, 4.5), at(2, 12, -5)), 0);
        assertTrue(r.get(0).accepted(), "consumption lowers an overvoltage");
        assertEquals(DenyReason.VOLTAGE, r.get(1).reason(), "injection would raise it further");
    }

    @Test
    void sensitivityPredictsTheVoltageAfterThePacketsAcceptedSinceTheLastPowerFlow() {
        // 0.915 pu, dV/dP = −0.002 pu/kW: a 4.5 kW packet → 0.906 (ok); a second → 0.897 < 0.90 (deny)
        MapGridView grid = new MapGridView().voltage(5, 2, 0.915).sensitivity(5, 2, -0.002).updated(0);
        TrackingPolicy p = TrackingPolicy.builder().gate(new GridGate(GridLimits.en50160(), grid)).build();
        PacketRequest a = new PacketRequest(1, 1, DeviceClass.WATER_HEATER, 4.5, 0, 5 * MIN, new ConnectionPoint(5, 2));
        PacketRequest b = new PacketRequest(2, 1, DeviceClass.WATER_HEATER, 4.5, 0, 5 * MIN, new ConnectionPoint(5, 2));
        List<PacketReply> r = p.decide(List.of(a, b), 0);
        assertTrue(r.get(0).accepted());
        assertEquals(DenyReason.VOLTAGE, r.get(1).reason());
        // a fresh power flow (the new voltage includes the first packet) resets the bookkeeping
        grid.voltage(5, 2, 0.906).updated(10 * S);
        assertEquals(DenyReason.VOLTAGE, p.decide(List.of(b), 10 * S).get(0).reason());
        grid.voltage(5, 2, 0.95).updated(20 * S);
        assertTrue(p.decide(List.of(b), 20 * S).get(0).accepted());
    }

    @Test
    void loadingGateProtectsTheTransformer() {
        // 100 kVA transformer at 0.92 pu: 4.5 kW → 0.965 (ok), another → 1.01 > 1.0 (deny)
        MapGridView grid = new MapGridView().path(7, List.of("tx1", "line7")).loading("tx1", 0.92, 100)
                .loading("line7", 0.3, 50).updated(0);
        TrackingPolicy p = TrackingPolicy.builder().gate(new GridGate(GridLimits.en50160(), grid)).build();
        List<PacketReply> r = p.decide(List.of(at(1, 7, 4.5), at(2, 7, 4.5), at(3, 8, 4.5)), 0);
        assertTrue(r.get(0).accepted());
        assertEquals(DenyReason.LOADING, r.get(1).reason());
        assertTrue(r.get(2).accepted(), "bus 8 is not behind tx1 in this view");
    }

    @Test
    void rampLimitAllowsAboutSixtyPacketsPerMinute() {
        // ACC 2017: 300 kW/min ≈ 60 packets of 5 kW per minute; burst of one 10-s step (50 kW)
        TrackingPolicy p = TrackingPolicy.builder().mode(PolicyMode.ACCEPT_ALL).ramp(RampLimiter.perMinute(300, 10)).build();
        int accepted = 0;
        for (int sec = 0; sec < 60; sec++) {
            for (int k = 0; k < 20; k++) { // 20 requests per second offered
                if (p.decide(List.of(req(sec * 100L + k + 1, DeviceClass.WATER_HEATER, 5)), sec * S).get(0).accepted()) {
                    accepted++;
                }
            }
        }
        // burst 50 kW (10 packets) + 59 s × 5 kW/s (59 packets) = 69 packets in the first minute
        assertEquals(69, accepted);
        assertEquals(DenyReason.RAMP_LIMIT, p.decide(List.of(req(99_999, DeviceClass.WATER_HEATER, 5)), 59 * S).get(0).reason());
    }

    @Test
    void classCapLimitsWhatOneClassHoldsAtOnce() {
        CommunityRules cap = new CommunityRules(List.of(), Map.of(DeviceClass.EV_CHARGER, 10.0), Fairness.ARRIVAL);
        TrackingPolicy p = TrackingPolicy.builder().rules(cap).build();
        List<PacketReply> r = p.decide(List.of(req(1, DeviceClass.EV_CHARGER, 7), req(2, DeviceClass.EV_CHARGER, 7),
                req(3, DeviceClass.WATER_HEATER, 7)), 0);
        assertTrue(r.get(0).accepted());
        assertEquals(DenyReason.CLASS_CAP, r.get(1).reason());
        assertTrue(r.get(2).accepted());
        // after the first EV packet expires there is room again
        assertTrue(p.decide(List.of(req(2, DeviceClass.EV_CHARGER, 7)), 5 * MIN).get(0).accepted());
    }

    @Test
    void denyAllAndModeSchedule() {
        TrackingPolicy p = TrackingPolicy.builder().modes(new TrackingPolicy.ModeSchedule(new long[] {Long.MIN_VALUE, 60 * S},
                new PolicyMode[] {PolicyMode.DENY_ALL, PolicyMode.ACCEPT_ALL})).target(TargetSignal.constant(0)).build();
        assertEquals(DenyReason.DENY_ALL, p.decide(List.of(req(1, DeviceClass.WATER_HEATER, 5)), 0).get(0).reason());
        assertTrue(p.decide(List.of(req(1, DeviceClass.WATER_HEATER, 5)), 60 * S).get(0).accepted());
    }

    @Test
    void eventEstimateFollowsAcceptsExpiriesOptOutsAndRejoins() {
        // IREP 2022: demand rises with accepts and opt-outs, falls with expiries and interruptions
        EventEstimator e = new EventEstimator(100);
        e.onAccepted(5, 0, 300 * S);
        e.onAccepted(4.5, 10 * S, 310 * S);
        assertEquals(109.5, e.estimateKw(20 * S), 1e-12);
        e.onEvent(new DeviceEvent(9, DeviceEvent.Type.OPT_OUT_ON, 5.5, ConnectionPoint.UNKNOWN), 30 * S);
        assertEquals(115, e.estimateKw(30 * S), 1e-12);
        assertEquals(110, e.estimateKw(300 * S), 1e-12); // first packet expired
        e.onEvent(new DeviceEvent(9, DeviceEvent.Type.REJOIN, 5.5, ConnectionPoint.UNKNOWN), 305 * S);
        assertEquals(104.5, e.estimateKw(305 * S), 1e-12);
        assertEquals(100, e.estimateKw(310 * S), 1e-12);
        assertEquals(2, e.expired());
    }

    @Test
    void anInterruptedPacketIsNotSubtractedAgainAtItsExpiry() {
        EventEstimator e = new EventEstimator(0);
        e.onAccepted(7, 4.5, 0, 300 * S);
        e.onAccepted(8, -5, 0, 300 * S); // a battery discharging
        assertEquals(-0.5, e.estimateKw(0), 1e-12);
        e.onEvent(new DeviceEvent(7, DeviceEvent.Type.INTERRUPT, 4.5, ConnectionPoint.UNKNOWN), 100 * S);
        e.onEvent(new DeviceEvent(8, DeviceEvent.Type.INTERRUPT, 5, ConnectionPoint.UNKNOWN), 100 * S);
        assertEquals(0, e.estimateKw(100 * S), 1e-12, "a stopped discharge raises demand");
        assertEquals(0, e.estimateKw(300 * S), 1e-12, "no second subtraction at the timers' end");
        assertEquals(0, e.activePackets());
    }

    @Test
    void measuredEstimateAddsOnlyPacketsNotYetInTheMeasurement() {
        MeasuredEstimator m = new MeasuredEstimator();
        m.measure(1000, 0);
        m.onAccepted(5, 0, 300 * S);      // accepted at the measurement's time: not in it yet
        assertEquals(1005, m.estimateKw(0), 1e-12);
        m.measure(1010, 10 * S);          // the next meter reading includes it
        assertEquals(1010, m.estimateKw(10 * S), 1e-12);
    }

    @Test
    void selfSufficiencyAndPvSurplusTargets() {
        SiteMeasurements site = new SiteMeasurements();
        site.update(30, 12, 0);
        assertEquals(18, new PvSurplusTarget(site).targetKw(0), 1e-12);
        assertEquals(18, new SelfSufficiencyTarget(site, 0).targetKw(0), 1e-12);
        assertEquals(28, new SelfSufficiencyTarget(site, 10).targetKw(0), 1e-12);
        site.update(5, 12, 1);
        assertEquals(0, new PvSurplusTarget(site).targetKw(1), 1e-12);
        assertEquals(-7, new SelfSufficiencyTarget(site, 0).targetKw(1), 1e-12); // zero import: a battery should discharge
    }

    @Test
    void referenceAndScheduleSignals() {
        ReferenceSignal r = new ReferenceSignal(new long[] {0, 10 * S}, new double[] {100, 200});
        assertEquals(150, r.targetKw(5 * S), 1e-12);
        assertEquals(200, r.targetKw(20 * S), 1e-12);
        ScheduleTarget s = new ScheduleTarget(new long[] {0, 3600 * S}, new double[] {50, 80});
        assertEquals(50, s.targetKw(3599 * S), 0);
        assertEquals(80, s.targetKw(3600 * S), 0);
    }
}
