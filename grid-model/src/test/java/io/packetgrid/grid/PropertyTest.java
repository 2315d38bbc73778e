package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.series.LoadDriver;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invariants of any solved network: power balance, Kirchhoff's current law, symmetry, vector groups. */
class PropertyTest {

    static DssInterpreter ieee13Tight() {
        Path dir = SharedData.shared("feeders/ieee13");
        DssInterpreter dss = new DssInterpreter(null);
        dss.run(dir.resolve("IEEE13Nodeckt.dss"));
        dss.runText("Set tolerance=1e-11 maxiterations=200\nSolve\n", dir, "tight.dss");
        return dss;
    }

    /** Sum of the currents leaving every node into all elements (A), largest magnitude over nodes. */
    static double worstKcl(Simulation sim, double[] scale) {
        Network net = sim.network();
        int n = net.nodeCount();
        double[] sr = new double[n];
        double[] si = new double[n];
        double[] mag = new double[n];
        for (CircuitElement e : net.elements()) {
            double[][] f = ElementFlows.solve(sim.solver(), e);
            int[] nodes = net.nodesOf(e);
            for (int k = 0; k < nodes.length; k++) {
                if (nodes[k] >= 0) {
                    sr[nodes[k]] += f[2][k];
                    si[nodes[k]] += f[3][k];
                    mag[nodes[k]] = Math.max(mag[nodes[k]], Math.hypot(f[2][k], f[3][k]));
                }
            }
        }
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.hypot(sr[i], si[i]));
            scale[0] = Math.max(scale[0], mag[i]);
        }
        return worst;
    }

    @Test
    void kirchhoffCurrentLawHoldsAtEveryNode() {
        Simulation sim = ieee13Tight().simulation();
        double[] scale = {0};
        double worst = worstKcl(sim, scale);
        System.out.printf(Locale.ROOT, "IEEE13 KCL: worst node residual %.3e A (largest current %.1f A)%n", worst, scale[0]);
        assertTrue(worst < 1e-6 * scale[0], "KCL residual " + worst);
    }

    @Test
    void sourcePowerEqualsLoadsPlusLosses() {
        Simulation sim = ieee13Tight().simulation();
        double[] src = GridResults.sourcePower(sim.solver());
        double[] loss = GridResults.losses(sim.solver());
        double lp = 0;
        double lq = 0;
        for (LoadDriver d : sim.loads()) {
            Load l = d.load();
            double[][] f = ElementFlows.solve(sim.solver(), l);
            for (int k = 0; k < f[0].length; k++) {
                lp += f[0][k] * f[2][k] + f[1][k] * f[3][k];
                lq += f[1][k] * f[2][k] - f[0][k] * f[3][k];
            }
        }
        System.out.printf(Locale.ROOT, "IEEE13 balance: source %.4f kW = loads %.4f kW + losses %.4f kW%n", src[0] / 1e3, lp / 1e3, loss[0] / 1e3);
        assertEquals(src[0], lp + loss[0], 1e-6 * src[0]);
        assertEquals(src[1], lq + loss[1], 1e-6 * Math.abs(src[1]));
    }

    @Test
    void symmetricNetworkWithBalancedLoadGivesBalancedVoltages(@TempDir Path dir) {
        String script = "New Circuit.sym basekv=11 pu=1.0 phases=3 bus1=src MVAsc3=100 MVAsc1=80\n"
                + "New Transformer.t phases=3 windings=2 buses=[src lv] conns=[delta wye] kVs=[11 0.4] kVAs=[400 400] XHL=4 %R=0.5\n"
                + "New Line.l1 bus1=lv bus2=b1 r1=0.2 x1=0.08 r0=0.8 x0=0.3 c1=0 c0=0 length=0.3 units=km\n"
                + "New Line.l2 bus1=b1 bus2=b2 r1=0.3 x1=0.08 r0=1.2 x0=0.3 c1=0 c0=0 length=0.2 units=km\n"
                + "New Load.bal phases=3 bus1=b2 kV=0.4 kW=120 kvar=40\n"
                + "New Load.motor phases=3 bus1=b1 conn=delta kV=0.4 kW=30 pf=0.85 model=5\n"
                + "Set voltagebases=[11 0.4]\nCalcvoltagebases\nSet tolerance=1e-12 maxiterations=100\nSolve\n";
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(script, dir, "sym.dss");
        Simulation sim = dss.simulation();
        for (String bus : new String[] {"lv", "b1", "b2"}) {
            double[][] v = new double[3][2];
            for (int p = 0; p < 3; p++) {
                sim.solver().voltage(sim.network().node(bus, p + 1), v[p]);
            }
            double m0 = Math.hypot(v[0][0], v[0][1]);
            double a0 = Math.toDegrees(Math.atan2(v[0][1], v[0][0]));
            for (int p = 1; p < 3; p++) {
                assertEquals(m0, Math.hypot(v[p][0], v[p][1]), 1e-9 * m0, bus + " magnitude phase " + (p + 1));
                double a = Math.toDegrees(Math.atan2(v[p][1], v[p][0]));
                double d = ((a0 - a) % 360 + 360) % 360;
                assertEquals(120.0 * p, d, 1e-7, bus + " angle phase " + (p + 1));
            }
        }
    }

    /**
     * Vector groups (IEC 60076-1, clock notation): Dyn11 has the LV phase-to-neutral voltage
     * leading the HV one by 30 degrees (11 x 30 = 330 degrees lag); OpenDSS's default (ANSI) delta-wye
     * is Dyn1, LV lagging by 30 degrees. Unloaded, with negligible impedance, the shift is exact.
     */
    @Test
    void dyn11ShiftsByPlusThirtyDegrees(@TempDir Path dir) {
        for (String group : new String[] {"euro", "ansi"}) {
            String script = "New Circuit.vg basekv=11 pu=1.0 phases=3 bus1=hv MVAsc3=1e6 MVAsc1=1e6\n"
                    + "New Transformer.t phases=3 windings=2 buses=[hv lv] conns=[delta wye] kVs=[11 0.4] kVAs=[400 400] XHL=4 LeadLag="
                    + group + "\n"
                    + "New Load.tiny phases=3 bus1=lv kV=0.4 kW=0.001 kvar=0\n"
                    + "Set tolerance=1e-12\nSolve\n";
            DssInterpreter dss = new DssInterpreter(null);
            dss.runText(script, dir, "vg.dss");
            Simulation sim = dss.simulation();
            for (int p = 1; p <= 3; p++) {
                double[] h = new double[2];
                double[] l = new double[2];
                sim.solver().voltage(sim.network().node("hv", p), h);
                sim.solver().voltage(sim.network().node("lv", p), l);
                double shift = Math.toDegrees(Math.atan2(l[1], l[0]) - Math.atan2(h[1], h[0]));
                shift = ((shift + 180) % 360 + 360) % 360 - 180;
                assertEquals(group.equals("euro") ? 30.0 : -30.0, shift, 1e-4, group + " phase " + p);
                assertEquals(400.0 / Math.sqrt(3), Math.hypot(l[0], l[1]), 0.01, "ratio, phase " + p);
            }
        }
    }
}
