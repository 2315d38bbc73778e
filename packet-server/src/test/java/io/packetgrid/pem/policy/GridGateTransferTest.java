package io.packetgrid.pem.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The grid gate with transfer sensitivities, on a two-branch radial single-phase LV network whose
 * sensitivity matrix is known in closed form.
 *
 * <pre>
 *   source ──R0── J ──Ra── A1 ──Ra── A2 ──Ra── A3        R0 = 0.05 Ω, Ra = 0.10 Ω, Rb = 0.15 Ω
 *                 └───Rb── B1                            (loop resistances, phase + neutral)
 * </pre>
 * LinDistFlow (Baran &amp; Wu, IEEE TPWRD 4(2), 1989), unity power factor, V ≈ 1 pu:
 * {@code ΔV_k = −Σ_j R_kj·P_j / V²} with R_kj the resistance of the path k and j share with the source.
 * Per kW at 230 V: {@code dV_k/dP_j = −R_kj·1000/230² = −R_kj·κ}, κ = 0.0189036 pu/(Ω·kW).
 * Shared resistances: A_i–A_j: R0 + Ra·min(i, j) (0.15, 0.25, 0.35 Ω), B1–B1: R0 + Rb = 0.20 Ω,
 * A_i–B1: R0 = 0.05 Ω.
 */
class GridGateTransferTest {
    static final long S = 1_000_000_000L;
    static final long MIN = 60 * S;
    static final double KAPPA = 1000.0 / (230.0 * 230.0);
    static final ConnectionPoint A1 = new ConnectionPoint(1, 1);
    static final ConnectionPoint A2 = new ConnectionPoint(2, 1);
    static final ConnectionPoint A3 = new ConnectionPoint(3, 1);
    static final ConnectionPoint B1 = new ConnectionPoint(4, 1);
    static final List<ConnectionPoint> POINTS = List.of(A1, A2, A3, B1);

    /** Shared path resistance, Ω (hand table from the figure). */
    static double shared(int i, int j) {
        double r0 = 0.05;
        double ra = 0.10;
        double rb = 0.15;
        boolean bi = i == 3;
        boolean bj = j == 3;
        if (bi && bj) {
            return r0 + rb;
        }
        if (bi || bj) {
            return r0;
        }
        return r0 + ra * (Math.min(i, j) + 1);
    }

    static double[] matrix() {
        double[] s = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                s[i * 4 + j] = -shared(i, j) * KAPPA;
            }
        }
        return s;
    }

    /** The last power flow: A1 0.960, A2 0.945, A3 0.935, B1 0.970 pu. */
    static MapGridView view(boolean transfer) {
        MapGridView v = new MapGridView().voltage(1, 1, 0.960).voltage(2, 1, 0.945).voltage(3, 1, 0.935).voltage(4, 1, 0.970);
        if (transfer) {
            v.sensitivities(POINTS, matrix());
        } else { // own sensitivities only: the behaviour before transfer sensitivities
            double[] m = matrix();
            for (int k = 0; k < 4; k++) {
                v.sensitivity(POINTS.get(k).bus(), 1, m[k * 4 + k]);
            }
        }
        return v.updated(0);
    }

    static PacketRequest req(long id, ConnectionPoint at, double kw) {
        return new PacketRequest(id, 1, DeviceClass.WATER_HEATER, kw, 0, 5 * MIN, at);
    }

    static TrackingPolicy acceptAll(GridGate gate) {
        return TrackingPolicy.builder().mode(PolicyMode.ACCEPT_ALL).gate(gate).build();
    }

    @Test
    void closedFormEntries() {
        // spot checks of the table: A3 from A1 shares R0 + Ra = 0.15 Ω; A3 from B1 only R0
        double[] m = matrix();
        assertEquals(-0.15 * 1000 / 52900, m[2 * 4], 1e-15);
        assertEquals(-0.35 * 1000 / 52900, m[2 * 4 + 2], 1e-15);
        assertEquals(-0.05 * 1000 / 52900, m[2 * 4 + 3], 1e-15);
        assertEquals(-0.0028355, m[2 * 4], 1e-7);
    }

    @Test
    void twoPacketsOnOneBranchCannotTogetherPushAThirdHouseholdPastTheLimit() {
        GridGate gate = new GridGate(GridLimits.en50160(), view(true));
        TrackingPolicy p = acceptAll(gate);
        // EV 7 kW at A1: A1 0.960 − 0.15κ·7 = 0.94015, A3 0.935 − 0.15κ·7 = 0.91515, B1 0.970 − 0.05κ·7 = 0.96338: admit
        assertTrue(p.decide(List.of(req(1, A1, 7)), 0).get(0).accepted());
        assertEquals(0.935 - 0.15 * KAPPA * 7, gate.predictedPu(A3, 0), 1e-12);
        assertEquals(0.915151, gate.predictedPu(A3, 0), 1e-6);
        // heater 5 kW at A2, 10 s later: its own point 0.945 − 0.15κ·7 − 0.25κ·5 = 0.90152 stays inside,
        // but A3 would fall to 0.935 − 0.15κ·7 − 0.25κ·5 = 0.89152 < 0.90: deny
        PacketReply heater = p.decide(List.of(req(2, A2, 5)), 10 * S).get(0);
        assertEquals(DenyReason.VOLTAGE, heater.reason());
        assertEquals(0.891521, 0.935 - 0.15 * KAPPA * 7 - 0.25 * KAPPA * 5, 1e-6);
        // the heater alone would have been fine for A3 (0.935 − 0.25κ·5 = 0.91137); so is a heater on the other
        // branch: A3 0.91515 − 0.05κ·5 = 0.91043, B1 0.970 − 0.05κ·7 − 0.20κ·5 = 0.94448
        assertTrue(p.decide(List.of(req(3, B1, 5)), 20 * S).get(0).accepted());
        assertEquals(0.935 - 0.15 * KAPPA * 7 - 0.05 * KAPPA * 5, gate.predictedPu(A3, 20 * S), 1e-12);
        assertEquals(2, gate.unseenPackets());
    }

    @Test
    void withoutTransferSensitivitiesBothPacketsPassAsBefore() {
        // the situation of the coupled study's report: each packet passes its own-node check
        GridGate gate = new GridGate(GridLimits.en50160(), view(false));
        TrackingPolicy p = acceptAll(gate);
        assertTrue(p.decide(List.of(req(1, A1, 7)), 0).get(0).accepted());
        // A2: 0.945 − 0.25κ·5 = 0.92137 (packets elsewhere unknown to it)
        assertTrue(p.decide(List.of(req(2, A2, 5)), 10 * S).get(0).accepted());
    }

    @Test
    void aViewThatComputesSensitivitiesFromTheNetworkDecidesTheSame() {
        // a GridView with only the interface's methods (no matrix, no column copy): transfer sensitivities from
        // the closed form, points listed, voltages fixed
        double[] volts = {0.960, 0.945, 0.935, 0.970};
        GridView formula = new GridView() {
            public double voltagePu(ConnectionPoint at) {
                int i = POINTS.indexOf(at);
                return i < 0 ? Double.NaN : volts[i];
            }

            public double dvDpPuPerKw(ConnectionPoint at) {
                return dvDpPuPerKw(at, at);
            }

            public double dvDpPuPerKw(ConnectionPoint at, ConnectionPoint from) {
                int i = POINTS.indexOf(at);
                int j = POINTS.indexOf(from);
                return i < 0 || j < 0 ? Double.NaN : -shared(i, j) * KAPPA;
            }

            public List<ConnectionPoint> points() {
                return POINTS;
            }

            public List<AssetLoading> upstream(ConnectionPoint at) {
                return List.of();
            }

            public long updatedNs() {
                return 0;
            }
        };
        TrackingPolicy p = acceptAll(new GridGate(GridLimits.en50160(), formula));
        assertTrue(p.decide(List.of(req(1, A1, 7)), 0).get(0).accepted());
        assertEquals(DenyReason.VOLTAGE, p.decide(List.of(req(2, A2, 5)), 10 * S).get(0).reason());
        assertTrue(p.decide(List.of(req(3, B1, 5)), 20 * S).get(0).accepted());
    }

    @Test
    void inOneBatchTheOrderDecidesWhichOfTheTwoGoes() {
        GridGate gate = new GridGate(GridLimits.en50160(), view(true));
        List<PacketReply> r = acceptAll(gate).decide(List.of(req(2, A2, 5), req(1, A1, 7)), 0);
        // heater first: A3 0.91137, A2 0.92137 → admit; then the EV: A1 0.960 − 0.15κ·(5 + 7) = 0.92597 fine,
        // A3 0.89152 → deny
        assertTrue(r.get(0).accepted());
        assertEquals(DenyReason.VOLTAGE, r.get(1).reason());
    }

    @Test
    void anEndedOrInterruptedPacketNoLongerCounts() {
        GridGate gate = new GridGate(GridLimits.en50160(), view(true));
        TrackingPolicy p = acceptAll(gate);
        assertTrue(p.decide(List.of(req(1, A1, 7)), 0).get(0).accepted()); // runs [0, 300 s)
        assertEquals(DenyReason.VOLTAGE, p.decide(List.of(req(2, A2, 5)), 299 * S).get(0).reason());
        assertTrue(p.decide(List.of(req(2, A2, 5)), 300 * S).get(0).accepted(), "the EV packet ended at 300 s");
        assertEquals(1, gate.unseenPackets());

        GridGate gate2 = new GridGate(GridLimits.en50160(), view(true));
        TrackingPolicy p2 = acceptAll(gate2);
        assertTrue(p2.decide(List.of(req(1, A1, 7)), 0).get(0).accepted());
        p2.onEvent(new DeviceEvent(1, DeviceEvent.Type.INTERRUPT, 7, A1), 30 * S);
        assertEquals(0.935, gate2.predictedPu(A3, 30 * S), 1e-12);
        assertTrue(p2.decide(List.of(req(2, A2, 5)), 40 * S).get(0).accepted(), "the EV stopped at 30 s");
    }

    @Test
    void packetsTheLastPowerFlowDidNotSeeStillCount() {
        MapGridView v = view(true);
        GridGate gate = new GridGate(GridLimits.en50160(), v);
        TrackingPolicy p = acceptAll(gate);
        assertTrue(p.decide(List.of(req(1, A1, 7)), 0).get(0).accepted());
        // refreshed at 60 s with a power flow of the powers at 0 (before the EV started): the EV still counts
        v.updated(60 * S, 0);
        assertEquals(1, gate.unseenPackets(), "accepted at the flow input time: not in it");
        assertEquals(DenyReason.VOLTAGE, p.decide(List.of(req(2, A2, 5)), 60 * S).get(0).reason());
        // refreshed at 120 s with a power flow that includes the EV (its voltages from the closed form)
        v.voltage(1, 1, 0.960 - 0.15 * KAPPA * 7).voltage(2, 1, 0.945 - 0.15 * KAPPA * 7)
                .voltage(3, 1, 0.935 - 0.15 * KAPPA * 7).voltage(4, 1, 0.970 - 0.05 * KAPPA * 7).updated(120 * S);
        assertEquals(0.915151, gate.predictedPu(A3, 120 * S), 1e-6, "the EV is counted once, in the voltage");
        assertEquals(0, gate.unseenPackets());
        assertEquals(DenyReason.VOLTAGE, p.decide(List.of(req(2, A2, 5)), 120 * S).get(0).reason(),
                "the same decision from the new voltages");
    }

    @Test
    void injectionMayNotLiftANeighbourOverTheUpperLimitButConsumptionIsNotBlockedByIt() {
        // sunny noon: A1 1.070, A2 1.090, A3 1.095, B1 1.05
        MapGridView v = new MapGridView().voltage(1, 1, 1.070).voltage(2, 1, 1.090).voltage(3, 1, 1.095)
                .voltage(4, 1, 1.05).sensitivities(POINTS, matrix()).updated(0);
        TrackingPolicy p = acceptAll(new GridGate(GridLimits.en50160(), v));
        // a battery discharging 5 kW at A1 raises A2 and A3 by 0.15κ·5 = 0.01418: A3 → 1.10918 > 1.10
        assertEquals(DenyReason.VOLTAGE, p.decide(List.of(req(1, A1, -5)), 0).get(0).reason());
        // on the other branch it raises A3 by only 0.05κ·5 = 0.00473 → 1.09973; B1 → 1.05 + 0.2κ·5 = 1.06890
        assertTrue(p.decide(List.of(req(2, B1, -5)), 0).get(0).accepted());
        // consumption lowers every point: never denied for the upper limit
        assertTrue(p.decide(List.of(req(3, A1, 7)), 0).get(0).accepted());
    }

    @Test
    void irepLimitsAreNotPredictiveAndIgnoreOtherNodes() {
        // two EVs at A1: A3 would reach 0.935 − 0.15κ·14 = 0.89530; EN 50160 with prediction denies the second
        TrackingPolicy en = acceptAll(new GridGate(GridLimits.en50160(), view(true)));
        assertTrue(en.decide(List.of(req(1, A1, 7)), 0).get(0).accepted());
        assertEquals(DenyReason.VOLTAGE, en.decide(List.of(req(2, A1, 7)), 0).get(0).reason());
        // IREP 2022 Algorithm 1 looks only at the requesting node's measured voltage (A1 0.96 in [0.95, 1.05])
        TrackingPolicy irep = acceptAll(new GridGate(GridLimits.irep2022(), view(true)));
        assertTrue(irep.decide(List.of(req(1, A1, 7)), 0).get(0).accepted());
        assertTrue(irep.decide(List.of(req(2, A1, 7)), 0).get(0).accepted());
    }

    /** A packet in the direct reference: accepted at, runs until, at point, kW, device. */
    private record Ref(long acceptedNs, long endNs, int point, double kw, long device) {
    }

    @Test
    void incrementalSumsAgreeWithADirectRecomputation() {
        // property: on random radial networks and random accept / end / interrupt / refresh sequences, the gate
        // decides as a direct evaluation of V_k + Σ_j S_kj·P_j over the running unseen packets would
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261126L);
        int decisions = 0;
        int denials = 0;
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + rng.nextInt(9);
            int[] parent = new int[n];
            double[] toRoot = new double[n];   // path resistance to the source, Ω
            for (int i = 0; i < n; i++) {
                parent[i] = i == 0 ? -1 : rng.nextInt(i + 1) - 1;  // −1: straight from the source
                toRoot[i] = (parent[i] < 0 ? 0 : toRoot[parent[i]]) + 0.02 + 0.2 * rng.nextDouble();
            }
            double[] m = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i * n + j] = -sharedResistance(i, j, parent, toRoot) * KAPPA;
                }
            }
            List<ConnectionPoint> pts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pts.add(new ConnectionPoint(10 + i, 1 + i % 3));
            }
            double[] v = new double[n];
            MapGridView view = new MapGridView().sensitivities(pts, m);
            long now = 0;
            long flowInput = 0;
            randomVoltages(rng, view, pts, v);
            view.updated(now, flowInput);
            TrackingPolicy policy = acceptAll(new GridGate(GridLimits.en50160(), view));
            List<Ref> running = new ArrayList<>();
            long nextDevice = 1;
            for (int op = 0; op < 200; op++) {
                now += (long) (rng.nextDouble() * 20) * S;
                final long t = now;
                final long seen = flowInput;
                running.removeIf(r -> r.endNs() <= t || r.acceptedNs() < seen);
                double u = rng.nextDouble();
                if (u < 0.75) {
                    int a = rng.nextInt(n);
                    double kw = new double[] {-5, 2, 4.5, 7}[rng.nextInt(4)];
                    long dur = (30 + rng.nextInt(570)) * S;
                    long id = nextDevice++;
                    PacketRequest r = new PacketRequest(id, 1, DeviceClass.BATTERY, kw, 0, dur, pts.get(a));
                    boolean expect = admissible(a, kw, v, m, n, running);
                    boolean got = policy.decide(List.of(r), now).get(0).accepted();
                    assertEquals(expect, got, "trial " + trial + " op " + op);
                    decisions++;
                    if (got) {
                        running.add(new Ref(now, now + dur, a, kw, id));
                    } else {
                        denials++;
                    }
                } else if (u < 0.85 && !running.isEmpty()) {
                    Ref stop = running.remove(rng.nextInt(running.size()));
                    policy.onEvent(new DeviceEvent(stop.device(), DeviceEvent.Type.INTERRUPT, Math.abs(stop.kw()), pts.get(stop.point())), now);
                } else {
                    flowInput = Math.max(flowInput, now - (long) (rng.nextDouble() * 60) * S); // power flows in order
                    randomVoltages(rng, view, pts, v);
                    view.updated(now, flowInput);
                }
            }
        }
        assertTrue(denials > decisions / 10 && denials < decisions * 9 / 10, "both outcomes exercised: " + denials + "/" + decisions);
    }

    private static double sharedResistance(int i, int j, int[] parent, double[] toRoot) {
        // the deepest common ancestor-or-self of i and j
        for (int a = i; a >= 0; a = parent[a]) {
            for (int b = j; b >= 0; b = parent[b]) {
                if (a == b) {
                    return toRoot[a];
                }
            }
        }
        return 0;
    }

    private static void randomVoltages(UniformRandomProvider rng, MapGridView view, List<ConnectionPoint> pts, double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.905 + 0.09 * rng.nextDouble();
            view.voltage(pts.get(i).bus(), pts.get(i).phase(), v[i]);
        }
    }

    /** The gate's rule evaluated directly (EN 50160 limits, non-directional, predictive). */
    private static boolean admissible(int a, double kw, double[] v, double[] m, int n, List<Ref> running) {
        for (int k = 0; k < n; k++) {
            double before = v[k];
            for (Ref r : running) {
                before += m[k * n + r.point()] * r.kw();
            }
            double d = m[k * n + a] * kw;
            double after = before + d;
            if (k == a) {
                if (v[k] < 0.90 || v[k] > 1.10 || (kw > 0 && after < 0.90) || (kw < 0 && after > 1.10)) {
                    return false;
                }
            } else if ((d < 0 && after < 0.90) || (d > 0 && after > 1.10)) {
                return false;
            }
        }
        return true;
    }
}
