package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.dss.DssInterpreter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mode-5 monitor (Monitor.pas TakeSample, mode 5: the solution object's variables, in this order), as EPRI's
 * ckt5 and the IEEE 123 yearly run scripts of OpenDSS's test repository define one on the source
 * ({@code New Monitor.MS2 vsource.source mode=5}). Expected values from their definitions in Solution.pas and
 * Dynamics.pas: daily mode is 1, yearly 2; a one-hour step is 1 h; OpenDSS's default limits are 15 power-flow
 * iterations and 10 control iterations; the solution count grows by one per power-flow solution.
 */
class MonitorSolutionVariablesTest {
    @Test
    void solutionVariablesInOpenDssOrder(@TempDir Path dir) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText("New Circuit.c basekv=12.47 pu=1.0 phases=3 bus1=src MVAsc3=100 MVAsc1=80\n"
                + "New Line.l bus1=src bus2=b r1=0.2 x1=0.4 r0=0.6 x0=1.2 length=1 units=km\n"
                + "New Load.a bus1=b phases=3 kV=12.47 kW=900 pf=0.9 daily=default\n"
                + "New Monitor.ms vsource.source mode=5\nSet voltagebases=[12.47]\nCalcvoltagebases\n"
                + "Set mode=daily number=3 stepsize=1h\nSolve\nSet year=1\nSet mode=yearly number=2\nSolve\n", dir, "t.dss");
        assertEquals("hour,t(sec),TotalIterations,ControlIteration,MaxIterations,MaxControlIterations,Converged,IntervalHrs,"
                + "SolutionCount,Mode,Frequency,Year,SolveSnap_uSecs,TimeStep_uSecs", dss.monitor("ms").header());
        List<float[]> rows = dss.monitor("ms").rows();
        assertEquals(2, rows.size(), "Set mode= clears the monitor: the two yearly steps");
        float[] last = rows.get(1);
        assertEquals(2, last[0], 1e-9, "hour");
        assertTrue(last[2] >= 2 && last[2] <= 15, "iterations of the last solution (at least 2, OpenDSS's minimum)");
        assertEquals(1, last[3], 1e-9, "one control iteration: no controls");
        assertEquals(15, last[4], 1e-9);
        assertEquals(10, last[5], 1e-9);
        assertEquals(1, last[6], 1e-9, "converged");
        assertEquals(1.0, last[7], 1e-9, "one-hour step");
        assertEquals(rows.get(0)[8] + 1, last[8], 1e-9, "one more power-flow solution");
        assertTrue(last[8] >= 5, "3 daily and 2 yearly solutions so far");
        assertEquals(2, last[9], 1e-9, "yearly mode's number");
        assertEquals(60, last[10], 1e-9);
        assertEquals(1, last[11], 1e-9, "Set year=1");
        assertTrue(last[12] > 0 && last[13] >= last[12], "this program's own times (microseconds)");
    }
}
