package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.series.SolveMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Solve} takes every {@code Set} option and applies it before solving (OpenDSS ExecCommands:
 * Solve is DoSetCmd(1)); the solution modes keep OpenDSS's defaults (Solution.pas Set_Mode) and
 * choose the shapes as Load.pas SetNominalLoad does. References: a constant-power load draws its
 * nominal power times the multipliers exactly; the steps solved are counted by a monitor.
 */
class SolveOptionsTest {
    static final String BASE = "New Circuit.s basekv=0.4 pu=1.0 phases=3 bus1=src MVAsc3=2000 MVAsc1=2000\n"
            + "New Line.l bus1=src bus2=b r1=0.05 x1=0.02 r0=0.1 x0=0.04 c1=0 c0=0 length=1 units=km\n"
            + "New Loadshape.d npts=24 interval=1 mult=(0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0 0.9 0.8 0.7 0.6 0.5 0.4 0.3 0.2 0.1 0.2 "
            + "0.3 0.4 0.5 0.6)\n"
            + "New Loadshape.u npts=4 sinterval=1 mult=(0.25 0.5 0.75 1.0)\n"
            + "New Load.x bus1=b phases=3 kV=0.4 kW=10 pf=1 model=1 vminpu=0.5 vmaxpu=1.5 daily=d\n"
            + "New Monitor.m Load.x mode=1 ppolar=no\n";

    static DssInterpreter run(Path dir, String script) {
        DssInterpreter dss = new DssInterpreter(dir.resolve("out"));
        dss.runText(BASE + script, dir, "solve.dss");
        return dss;
    }

    static double loadKw(Simulation sim) {
        return ElementFlows.terminalPowers(sim.solver(), sim.loads().get(0).load())[0] / 1000.0;
    }

    @Test
    void solveAppliesItsOptionsBeforeSolving(@TempDir Path dir) {
        DssInterpreter dss = run(dir, "Solve loadmult=0.5\n");
        assertEquals(5.0, loadKw(dss.simulation()), 1e-9, "Solve loadmult=0.5 solves at half load");
        DssInterpreter same = run(dir, "Set loadmult=0.5\nSolve\n");
        assertEquals(loadKw(same.simulation()), loadKw(dss.simulation()), 0.0);
    }

    @Test
    void solveRunsTheModeAndNumberItIsGiven(@TempDir Path dir) {
        DssInterpreter dss = run(dir, "Solve mode=daily number=24 stepsize=1h\n");
        assertEquals(SolveMode.DAILY, dss.mode());
        assertEquals(24, dss.monitor("m").samples(), "24 hourly steps");
        // daily shape at hour 5 (the 5th step) is 0.5: 5 kW, 5/3 kW on phase 1
        assertEquals(5.0 / 3.0, dss.monitor("m").rows().get(4)[2], 1e-5);
    }

    @Test
    void unknownSolveOptionIsAnErrorWithFileAndLine(@TempDir Path dir) {
        PacketGridException e = assertThrows(PacketGridException.class, () -> run(dir, "Solve bogus=1\n"));
        assertEquals("solve.dss:7", e.location());
        assertTrue(e.getMessage().contains("bogus") && e.getMessage().contains("Solve"), e.getMessage());
    }

    @Test
    void dutyModeSteppsOneSecondOnTheDutyShapeOrElseTheDailyOne(@TempDir Path dir) {
        // no duty shape: the daily one drives the load (Load.pas CalcDutyMult)
        DssInterpreter dss = run(dir, "Set mode=duty number=3\nSolve\n");
        Simulation sim = dss.simulation();
        assertEquals(1.0, sim.stepSec(), 0.0, "duty mode's step is 1 s");
        assertTrue(sim.timedControls(), "duty mode runs controls time-driven");
        assertEquals(3.0, sim.secondsInHour(), 1e-12);
        assertEquals(6.0, loadKw(sim), 1e-9, "daily shape at t = 3 s: nearest point 0, which wraps to the last (0.6)");
        DssInterpreter duty = run(dir, "Load.x.duty=u\nSet mode=duty number=3\nSolve\n");
        assertEquals(7.5, loadKw(duty.simulation()), 1e-9, "duty shape at 3 s: 0.75");
    }

    @Test
    void peakDayIgnoresTheLoadMultiplierAndRestartsAtHourZero(@TempDir Path dir) {
        DssInterpreter dss = run(dir, "Set loadmult=3\nSet mode=peakday number=10\nSolve\nSolve\n");
        assertEquals(10.0, loadKw(dss.simulation()), 1e-9, "hour 10 of the daily shape (1.0) x 10 kW, load multiplier ignored");
        assertEquals(10, dss.simulation().hour(), "the second solve restarted at hour 0");
    }

    @Test
    void timeModeSolvesBeforeAdvancing(@TempDir Path dir) {
        DssInterpreter dss = run(dir, "Set LoadShapeClass=daily\nSet mode=time stepsize=1h\nSet hour=3\nSolve\n");
        // solved at hour 3 (the third point, 0.3), then the time moves on to hour 4
        assertEquals(3.0, loadKw(dss.simulation()), 1e-9);
        assertEquals(4, dss.simulation().hour());
    }

    @Test
    void setModeRevertsToTheDefaultControlMode(@TempDir Path dir) {
        DssInterpreter dss = run(dir, "Set controlmode=time\nSet mode=daily\nSolve\nSet controlmode=static\nSet mode=duty number=1\n"
                + "Solve\nSet mode=daily\nSolve\n");
        assertTrue(!dss.simulation().timedControls(), "daily after duty reverts to the last controlmode set (static)");
    }

    @Test
    void modesNotImplementedAreErrors(@TempDir Path dir) {
        PacketGridException e = assertThrows(PacketGridException.class, () -> run(dir, "Set mode=harmonic\n"));
        assertEquals("solve.dss:7", e.location());
        assertTrue(e.getMessage().contains("Harmonic"), e.getMessage());
        PacketGridException u = assertThrows(PacketGridException.class, () -> run(dir, "Set mode=nonsense\n"));
        assertTrue(u.getMessage().contains("unknown solution mode"), u.getMessage());
    }
}
