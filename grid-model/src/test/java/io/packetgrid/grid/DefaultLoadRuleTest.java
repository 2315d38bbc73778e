package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.series.LoadDriver;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenDSS's default load rule: a model-1 load becomes the constant impedance that draws its
 * nominal power at {@code vmaxpu} (1.05 pu of its kV) above that voltage. The European LV feeder
 * runs at about 252 V, above 1.05 x 230 = 241.5 V, so its loads draw {@code P (V/241.5)^2}.
 */
class DefaultLoadRuleTest {

    @Test
    void europeanLvLoadsAboveVmaxpuAreConstantImpedance() {
        DssInterpreter def = EuropeanLvTest.load("Set mode=yearly number=566 stepsize=1m\nSolve\n");
        DssInterpreter pq = EuropeanLvTest.load(EuropeanLvTest.CONSTANT_PQ + "Set mode=yearly number=566 stepsize=1m\nSolve\n");
        Simulation a = def.simulation();
        Simulation b = pq.simulation();
        double maxDiff = 0;
        double maxLaw = 0;
        int above = 0;
        for (int k = 0; k < a.loads().size(); k++) {
            LoadDriver da = a.loads().get(k);
            Load la = da.load();
            double[][] f = ElementFlows.solve(a.solver(), la);
            double v = Math.hypot(f[0][0] - f[0][1], f[1][0] - f[1][1]);
            double p = (f[0][0] * f[2][0] + f[1][0] * f[3][0]) + (f[0][1] * f[2][1] + f[1][1] * f[3][1]);
            double[][] g = ElementFlows.solve(b.solver(), b.loads().get(k).load());
            double vb = Math.hypot(g[0][0] - g[0][1], g[1][0] - g[1][1]);
            maxDiff = Math.max(maxDiff, Math.abs(v - vb));
            double vmax = 1.05 * 230.0;
            // hand law: P = Pnom (V / (vmaxpu Vbase))^2 above vmaxpu, Pnom between vminpu and vmaxpu
            double expected = la.nominalKw() * 1000.0 * (v > vmax ? (v / vmax) * (v / vmax) : 1.0);
            if (v > vmax) {
                above++;
            }
            maxLaw = Math.max(maxLaw, Math.abs(p - expected) / expected);
            assertEquals(expected, p, 1e-9 * expected + 1e-9, la.name());
        }
        System.out.printf(Locale.ROOT, "default rule at minute 566: %d of 55 loads above vmaxpu; max |dV| vs constant PQ = %.3f V; "
                + "P law max rel. error %.2e%n", above, maxDiff, maxLaw);
        assertTrue(above >= 30, "most loads sit above 241.5 V on this feeder: " + above);
        assertTrue(maxDiff > 0.1 && maxDiff < 0.6, "the default rule moves voltages by a few tenths of a volt: " + maxDiff);
    }

    /**
     * Hand check on one line: a 10 kW unity-pf load (kV=0.23) fed at 1.1 x 400/sqrt(3) = 254.03 V
     * through Zs = 0.001 + j0.001 ohm and a 0.05 ohm line. Above 241.5 V it is the impedance
     * Z = (1.05 x 230)^2 / 10 kW = 5.832225 ohm, so V = E Z / (Zs + Zline + Z).
     */
    @Test
    void singleLoadAboveVmaxpuMatchesTheVoltageDivider(@TempDir Path dir) {
        String script = "New Circuit.hand basekv=0.4 pu=1.1 phases=3 bus1=src R1=0.001 X1=0.001 R0=0.001 X0=0.001\n"
                + "New Line.l1 phases=1 bus1=src.1 bus2=ld.1 r1=0.05 x1=0 r0=0.05 x0=0 c1=0 c0=0 length=1\n"
                + "New Load.h phases=1 bus1=ld.1 kV=0.23 kW=10 pf=1\n"
                + "Set tolerance=1e-12 maxiterations=100\nSolve\n";
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(script, dir, "hand.dss");
        Simulation sim = dss.simulation();
        double e = 1.1 * 400.0 / Math.sqrt(3.0);
        double z = Math.pow(1.05 * 230.0, 2) / 10000.0;
        // (E z) / ((0.001 + 0.05 + z) + j 0.001)
        double dr = 0.001 + 0.05 + z;
        double di = 0.001;
        double vr = e * z * dr / (dr * dr + di * di);
        double vi = -e * z * di / (dr * dr + di * di);
        double[] v = new double[2];
        sim.solver().voltage(sim.network().node("ld", 1), v);
        assertEquals(Math.hypot(vr, vi), Math.hypot(v[0], v[1]), 1e-6);
        List<LoadDriver> loads = sim.loads();
        assertEquals(1, loads.size());
    }
}
