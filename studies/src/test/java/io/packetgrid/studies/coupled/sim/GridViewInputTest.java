package io.packetgrid.studies.coupled.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.packet.ConnectionPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The grid-aware server's view takes the households' powers as read at device steps (with the fleet's
 * meter), not as replies change them in between: its time then says which packets the powers
 * include, and the gate keeps counting the others. Between power flows it estimates every voltage
 * through the sensitivities, V_i = V_i(pf) + Σ_j S_ij·(P_j − P_j(pf)).
 */
class GridViewInputTest {
    static final long S = 1_000_000_000L;
    static final ValueKey<double[]> HOUSES = ValueKey.ofArray("fleet/point_kw", 1e-9);
    static final ValueKey<double[]> METER = ValueKey.ofArray("fleet/meter_kw", 0);
    static final ValueKey<double[]> VOLTS = ValueKey.ofArray("grid/v_pu", 0);
    static final ValueKey<double[]> SENS = ValueKey.ofArray("grid/sens", 0);
    static final ValueKey<Double> LOADING = ValueKey.ofDouble("grid/loading_pct", 0);

    /** Device steps at 0 and 10 s; at 5 s a reply starts a 4 kW packet at household 0, published at once. */
    static final class Fleet implements Federate {
        public String name() {
            return "fleet";
        }

        public long initialize(Setup s) {
            s.publishes(HOUSES, new double[] {1, 2});
            s.publishes(METER, new double[] {0, 3, 0});
            return 0;
        }

        public long step(Step s) {
            long t = s.now();
            if (t == 0) {
                s.publish(HOUSES, new double[] {1, 2});
                s.publish(METER, new double[] {0, 3, 0});
                return 5 * S;
            }
            if (t == 5 * S) {
                s.publish(HOUSES, new double[] {5, 2});
                return 10 * S;
            }
            s.publish(HOUSES, new double[] {5, 3});
            s.publish(METER, new double[] {10 * S, 8, 0});
            return SimTime.NEVER;
        }
    }

    /** One power flow at t = 0. */
    static final class Grid implements Federate {
        public String name() {
            return "grid";
        }

        public long initialize(Setup s) {
            s.publishes(VOLTS, new double[0]);
            s.publishes(SENS, new double[0]);
            s.publishes(LOADING, 0.0);
            s.after("fleet");
            return 0;
        }

        public long step(Step s) {
            s.publish(VOLTS, new double[] {0.98, 0.95});
            s.publish(SENS, new double[] {-0.001, -0.0005, -0.0005, -0.002});
            s.publish(LOADING, 50.0);
            return SimTime.NEVER;
        }
    }

    /** The server's side: refreshes the view at 0, 5, 7 and 10 s and notes what it says. */
    static final class Server implements Federate {
        final GridViewInput view;
        final List<double[]> seen = new ArrayList<>();
        final long[] at = {0, 5 * S, 7 * S, 10 * S};
        int next;

        Server(GridViewInput view) {
            this.view = view;
        }

        public String name() {
            return "server";
        }

        public long initialize(Setup s) {
            view.declare(s);
            s.after("fleet");
            s.after("grid");
            return 0;
        }

        public long step(Step s) {
            view.refresh(s);
            ConnectionPoint h0 = new ConnectionPoint(1, 1);
            ConnectionPoint h1 = new ConnectionPoint(2, 1);
            seen.add(new double[] {s.now(), view.voltagePu(h0), view.voltagePu(h1), view.updatedNs(), view.flowInputNs(),
                    view.upstream(h0).get(0).loadingPu()});
            next++;
            return next < at.length ? at[next] : SimTime.NEVER;
        }
    }

    @Test
    void theViewMovesWithTheMeterNotWithRepliesBetweenDeviceSteps() {
        GridViewInput view = new GridViewInput(VOLTS, SENS, LOADING, HOUSES, METER, new int[] {1, 1}, new int[] {0, 1}, 2, 100);
        Server server = new Server(view);
        new Federation().add(new Fleet()).add(new Grid()).add(server).run(KernelOptions.of(1, 20 * S));
        assertEquals(4, server.seen.size());
        for (int k = 0; k < 3; k++) { // at 0, 5 and 7 s: the power flow's voltages, dated 0
            double[] r = server.seen.get(k);
            assertEquals(0.98, r[1], 1e-15);
            assertEquals(0.95, r[2], 1e-15);
            assertEquals(0, r[3]);
            assertEquals(0, r[4]);
            assertEquals(0.5, r[5], 1e-15);
        }
        // at 10 s the reading {5, 3} kW against the flow's {1, 2}: ΔP = {4, 1}
        double[] r = server.seen.get(3);
        assertEquals(0.98 - 0.001 * 4 - 0.0005 * 1, r[1], 1e-15);
        assertEquals(0.95 - 0.0005 * 4 - 0.002 * 1, r[2], 1e-15);
        assertEquals(10 * S, r[3]);
        assertEquals(10 * S, r[4]);
        assertEquals(0.5 + 5.0 / 100, r[5], 1e-15, "transformer: its loading plus the 5 kW more over 100 kVA");
    }

    /** Publishes scripted arrays at scripted times: {time, key, value} rows in time order (the test's fleet or grid). */
    static final class Script implements Federate {
        final String name;
        final List<Object[]> rows;
        final List<ValueKey<double[]>> keys;
        final String after;
        int next;

        Script(String name, List<ValueKey<double[]>> keys, List<Object[]> rows, String after) {
            this.name = name;
            this.keys = keys;
            this.rows = rows;
            this.after = after;
        }

        public String name() {
            return name;
        }

        public long initialize(Setup s) {
            for (ValueKey<double[]> k : keys) {
                s.publishes(k, new double[0]);
            }
            if (after != null) {
                s.after(after);
            }
            return (long) rows.get(0)[0];
        }

        @SuppressWarnings("unchecked")
        public long step(Step s) {
            while (next < rows.size() && (long) rows.get(next)[0] == s.now()) {
                s.publish((ValueKey<double[]>) rows.get(next)[1], (double[]) rows.get(next)[2]);
                next++;
            }
            return next < rows.size() ? (long) rows.get(next)[0] : SimTime.NEVER;
        }
    }

    /**
     * Between power flows only a few households' power moves: the estimate at every household must be the very
     * number the whole sum V_i(pf) + Σ_j S_ij·(P_j − P_j(pf)) gives, written out here term by term over every j in
     * order (bits compared), also for a flow voltage of −0.0 or +0.0 and for a matrix with a NaN entry; and each
     * sensitivity column the gate asks for is the matrix's column, also after the matrix changed.
     */
    @Test
    void theEstimateIsTheWholeSumWhenFewHouseholdsMoved() {
        int n = 40;
        java.util.Random r = new java.util.Random(7);
        double[] v = new double[n];
        double[] s1 = new double[n * n];
        double[] s2 = new double[n * n];
        double[] p0 = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.9 + 0.2 * r.nextDouble();
            p0[i] = 5 * r.nextDouble();
        }
        v[3] = -0.0;
        v[5] = 0.0;
        for (int i = 0; i < n * n; i++) {
            s1[i] = -0.01 * r.nextDouble();
            s2[i] = -0.01 * r.nextDouble();
        }
        s2[2 * n + 7] = Double.NaN;   // row 2, column 7: a NaN times a zero is NaN
        // row 3 (flow voltage −0.0): every moved household's term is −0.0 and an unmoved one's +0.0, so the whole sum
        // is +0.0 where the moved terms alone would leave −0.0; row 5 (+0.0): signed zeros too
        s1[3 * n] = 0.001;
        s1[3 * n + 1] = -0.0;
        s1[3 * n + 17] = 0.0;
        s1[3 * n + 39] = 0.0;
        for (int j : new int[] {1, 17, 39}) {
            s1[5 * n + j] = -0.0;
        }
        double[] p1 = p0.clone();
        p1[1] += 4.5;
        p1[17] -= 2.25;
        p1[39] = 0.0;
        double[] p2 = p0.clone();
        p2[20] += 3;
        ValueKey<double[]> houses = ValueKey.ofArray("f/point_kw", 0);
        ValueKey<double[]> meter = ValueKey.ofArray("f/meter_kw", 0);
        ValueKey<double[]> volts = ValueKey.ofArray("g/v_pu", 0);
        ValueKey<double[]> sens = ValueKey.ofArray("g/sens", 0);
        ValueKey<Double> loading = ValueKey.ofDouble("g/loading_pct", 0);
        Script fleet = new Script("f", List.of(houses, meter), List.of(
                new Object[] {0L, houses, p0}, new Object[] {0L, meter, new double[] {0, 0, 0}},
                new Object[] {10 * S, houses, p1}, new Object[] {10 * S, meter, new double[] {10 * S, 0, 0}},
                new Object[] {60 * S, houses, p0}, new Object[] {60 * S, meter, new double[] {60 * S, 0, 0}},
                new Object[] {70 * S, houses, p2}, new Object[] {70 * S, meter, new double[] {70 * S, 0, 0}}), null);
        Script grid = new Script("g", List.of(volts, sens), List.of(
                new Object[] {0L, volts, v}, new Object[] {0L, sens, s1},
                new Object[] {60 * S, volts, v.clone()}, new Object[] {60 * S, sens, s2}), "f");
        int[] phases = new int[n];
        int[] load = new int[n];
        for (int i = 0; i < n; i++) {
            phases[i] = 1;
            load[i] = i;
        }
        GridViewInput view = new GridViewInput(volts, sens, loading, houses, meter, phases, load, n, 100);
        List<double[]> estimates = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        Federate server = new Federate() {
            public String name() {
                return "server";
            }

            public long initialize(Setup st) {
                view.declare(st);
                st.publishes(loading, 50.0);
                st.after("g");
                return 0;
            }

            public long step(Step st) {
                view.refresh(st);
                if (st.now() % (60 * S) == 0) { // a power flow's own step: the next device step is read against it
                    return st.now() + 10 * S;
                }
                double[] e = new double[n];
                for (int i = 0; i < n; i++) {
                    e[i] = view.voltagePu(new ConnectionPoint(i + 1, 1));
                }
                estimates.add(e);
                double[] c = new double[n];
                view.dvDpPuPerKwColumn(new ConnectionPoint(8, 1), c);
                columns.add(c);
                view.dvDpPuPerKwColumn(new ConnectionPoint(8, 1), c); // asked again: the same column
                columns.add(c.clone());
                return st.now() == 10 * S ? 60 * S : SimTime.NEVER;
            }
        };
        new Federation().add(fleet).add(grid).add(server).run(KernelOptions.of(1, 100 * S));
        assertEquals(4, columns.size());
        double[][] flowSens = {s1, s2};
        double[][] moved = {p1, p2};
        for (int k = 0; k < 2; k++) {
            double[] sm = flowSens[k];
            for (int i = 0; i < n; i++) {
                double want = v[i];
                for (int j = 0; j < n; j++) {
                    want += sm[i * n + j] * (moved[k][j] - p0[j]);
                }
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(estimates.get(k)[i]),
                        "household " + i + " after flow " + k + ": " + want + " vs " + estimates.get(k)[i]);
                for (int c = 2 * k; c < 2 * k + 2; c++) {
                    assertEquals(Double.doubleToRawLongBits(sm[i * n + 7]), Double.doubleToRawLongBits(columns.get(c)[i]),
                            "column of household 8, row " + i);
                }
            }
        }
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(estimates.get(0)[3]), "−0.0 and zeros: +0.0");
        assertEquals(Double.NaN, estimates.get(1)[2], "the NaN entry's row");
    }
}
