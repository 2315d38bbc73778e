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
}
