package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.series.SolveMode;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voltages of nodes without injections filled in by the radial sweep against one sparse
 * substitution through the whole factor (the solver's other way to the same linear equations),
 * and the cases where the sweep must not be used (loops, cut-off nodes).
 */
class RadialFillTest {

    /** Largest |V_sweep - V_substitution| over all nodes (V). */
    static double difference(PowerFlowSolver s) {
        int n = s.network().nodeCount();
        double[] r1 = new double[n];
        double[] i1 = new double[n];
        double[] r2 = new double[n];
        double[] i2 = new double[n];
        s.voltages(r1, i1);
        s.voltagesBySubstitution(r2, i2);
        double worst = 0;
        for (int j = 0; j < n; j++) {
            worst = Math.max(worst, Math.hypot(r1[j] - r2[j], i1[j] - i2[j]));
        }
        return worst;
    }

    @Test
    void europeanLvSweepEqualsSubstitutionOverTheDay() {
        Feeder f = Feeder.europeanLv();
        f.setMode(SolveMode.YEARLY);
        double worst = 0;
        for (int minute = 1; minute <= 1440; minute += 37) {
            f.setTimeHours(minute / 60.0);
            f.solve();
            assertTrue(f.simulation().solver().isRadialFill());
            worst = Math.max(worst, difference(f.simulation().solver()));
        }
        System.out.printf(Locale.ROOT, "European LV radial fill vs substitution: max |dV| %.2e V%n", worst);
        assertTrue(worst < 1e-6, "max |dV| " + worst);
        // a cut-off part (LINE1 open): nodes without a path to the source are not swept
        f.setSwitch("LINE1", true);
        f.solve();
        assertFalse(f.simulation().solver().isRadialFill());
        assertEquals(0.0, f.loadVoltage("LOAD1")[0], 0.0);
    }

    @Test
    void ieee13WithShuntCapacitanceAndRegulators() {
        Path dir = SharedData.shared("feeders/ieee13");
        DssInterpreter dss = new DssInterpreter(null);
        dss.run(dir.resolve("IEEE13Nodeckt.dss"));
        PowerFlowSolver s = dss.simulation().solver();
        double worst = difference(s);
        System.out.printf(Locale.ROOT, "IEEE 13 (radial fill %b) vs substitution: max |dV| %.2e V%n", s.isRadialFill(), worst);
        assertTrue(worst < 1e-6 * 2400, "max |dV| " + worst);
    }

    @Test
    void aLoopIsNotSwept(@TempDir Path dir) {
        String script = "New Circuit.loop basekv=0.4 pu=1.0 phases=3 bus1=a MVAsc3=20 MVAsc1=18\n"
                + "New Line.ab bus1=a bus2=b r1=0.2 x1=0.08 r0=0.8 x0=0.3 c1=0 c0=0 length=0.1 units=km\n"
                + "New Line.bc bus1=b bus2=c r1=0.2 x1=0.08 r0=0.8 x0=0.3 c1=0 c0=0 length=0.1 units=km\n"
                + "New Line.ca bus1=c bus2=a r1=0.2 x1=0.08 r0=0.8 x0=0.3 c1=0 c0=0 length=0.2 units=km\n"
                + "New Line.cd bus1=c bus2=d r1=0.2 x1=0.08 r0=0.8 x0=0.3 c1=0 c0=0 length=0.1 units=km\n"
                + "New Load.d phases=1 bus1=d.1 kV=0.23 kW=5 kvar=1\n"
                + "Set voltagebases=[0.4]\nCalcvoltagebases\nSolve\n";
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(script, dir, "loop.dss");
        PowerFlowSolver s = dss.simulation().solver();
        assertFalse(s.isRadialFill());
        assertTrue(difference(s) < 1e-9);
        // the same without the loop is swept, to the same voltages
        DssInterpreter radial = new DssInterpreter(null);
        radial.runText(script.replace("New Line.ca", "! New Line.ca"), dir, "radial.dss");
        PowerFlowSolver r = radial.simulation().solver();
        assertTrue(r.isRadialFill());
        assertTrue(difference(r) < 1e-9, "max |dV| " + difference(r));
    }
}
