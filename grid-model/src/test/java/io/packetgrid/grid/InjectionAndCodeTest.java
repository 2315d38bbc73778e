package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.CMatrix;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.model.PowerDelivery;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.series.PvDriver;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generators/PV as constant-power injections, and LineCode Kron reduction of a neutral. */
class InjectionAndCodeTest {
    static final String BASE = "New Circuit.inj basekv=0.4 pu=1.0 phases=3 bus1=src MVAsc3=20 MVAsc1=20\n"
            + "New Line.l1 bus1=src bus2=b r1=0.2 x1=0.08 r0=0.6 x0=0.24 c1=0 c0=0 length=0.2 units=km\n"
            + "New Load.h phases=1 bus1=b.1 kV=0.23 kW=4 pf=0.95 vminpu=0.5 vmaxpu=1.5\n";

    static Simulation run(Path dir, String extra) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(BASE + extra + "Set tolerance=1e-12 maxiterations=100\nSolve\n", dir, "inj.dss");
        return dss.simulation();
    }

    @Test
    void pvInjectsItsPowerAndRaisesTheVoltage(@TempDir Path dir) {
        Simulation without = run(dir, "");
        Simulation with = run(dir, "New PVSystem.pv phases=1 bus1=b.1 kV=0.23 Pmpp=6 kVA=6 irradiance=1 pf=1\n");
        double[] v0 = new double[2];
        double[] v1 = new double[2];
        without.solver().voltage(without.network().node("b", 1), v0);
        with.solver().voltage(with.network().node("b", 1), v1);
        assertTrue(Math.hypot(v1[0], v1[1]) > Math.hypot(v0[0], v0[1]) + 1.0, "6 kW of PV lifts the node");
        double[] s = ElementFlows.terminalPowers(with.solver(), ((PvDriver) with.ders().get(0)).pv());
        assertEquals(-6000.0, s[0], 1e-6, "the PV delivers 6 kW (power into its terminal is -6 kW)");
        double[] src = GridResults.sourcePower(with.solver());
        double[] loss = GridResults.losses(with.solver());
        assertEquals(src[0], 4000.0 - 6000.0 + loss[0], 1e-6);
    }

    @Test
    void generatorFollowsItsKwAndKvar(@TempDir Path dir) {
        Simulation sim = run(dir, "New Generator.g phases=3 bus1=b kV=0.4 kW=9 kvar=3\n");
        double[] s = ElementFlows.terminalPowers(sim.solver(), sim.injections().get(0).generator());
        assertEquals(-9000.0, s[0], 1e-6);
        assertEquals(-3000.0, s[1], 1e-6);
    }

    /** Kron reduction of conductor 4: Z' = Zpp - Zpn Znn^-1 Znp (Kersting eq. 4.28), by hand for one entry. */
    @Test
    void lineCodeKronReducesTheNeutral(@TempDir Path dir) {
        String code = "New LineCode.four nphases=4 units=km\n"
                + "~ rmatrix=[0.5 | 0.1 0.5 | 0.1 0.1 0.5 | 0.1 0.1 0.1 0.8]\n"
                + "~ xmatrix=[0.9 | 0.4 0.9 | 0.3 0.4 0.9 | 0.4 0.3 0.4 1.0]\n"
                + "~ cmatrix=[10 | -2 10 | -2 -2 10 | -1 -1 -1 8]\n"
                + "~ neutral=4 Kron=yes\n"
                + "New Line.k bus1=b bus2=c linecode=four length=1 units=km\n";
        Simulation sim = run(dir, code);
        Line k = null;
        for (PowerDelivery d : sim.network().deliveries()) {
            if (d.name().equalsIgnoreCase("Line.k")) {
                k = (Line) d;
            }
        }
        assertEquals(3, k.connection().conductors());
        double[] re = new double[36];
        double[] im = new double[36];
        k.seriesY(re, im);
        CMatrix y = new CMatrix(3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                y.set(i, j, re[i * 6 + j], im[i * 6 + j]);
            }
        }
        CMatrix z = y.inverse();
        // z11' = z11 - z14 z41 / z44 with z11 = 0.5+j0.9, z14 = 0.1+j0.4, z44 = 0.8+j1.0
        double[] z14sq = {0.1 * 0.1 - 0.4 * 0.4, 2 * 0.1 * 0.4};
        double den = 0.8 * 0.8 + 1.0 * 1.0;
        double qr = (z14sq[0] * 0.8 + z14sq[1] * 1.0) / den;
        double qi = (z14sq[1] * 0.8 - z14sq[0] * 1.0) / den;
        assertEquals(0.5 - qr, z.re(0, 0), 1e-9);
        assertEquals(0.9 - qi, z.im(0, 0), 1e-9);
    }
}
