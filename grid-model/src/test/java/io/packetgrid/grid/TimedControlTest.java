package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.control.RegulatorControl;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Time-driven regulator control (OpenDSS controlmode=time): a change waits for its delay in
 * simulated time and then moves one tap per {@code tapdelay} (re-queued from the present time, so
 * one tap per one-minute step); the IEEE 13 regulators walk up and settle near the static positions.
 */
class TimedControlTest {

    @Test
    void tapsMoveOneStepPerMinuteToTheStaticPositions() {
        Path dir = SharedData.shared("feeders/ieee13");
        DssInterpreter dss = new DssInterpreter(null);
        dss.run(dir.resolve("IEEE13Nodeckt.dss"));
        List<int[]> history = new ArrayList<>();
        dss.setTimeSeriesRunner((sim, n) -> {
            for (int i = 0; i < n; i++) {
                sim.step();
                history.add(sim.regulators().stream().mapToInt(RegulatorControl::tapPosition).toArray());
            }
        });
        dss.runText("Transformer.Reg1.Taps=[1 1]\nTransformer.Reg2.Taps=[1 1]\nTransformer.Reg3.Taps=[1 1]\n"
                + "Set controlmode=time\nSet mode=daily number=30 stepsize=1m\nSolve\n", dir, "timed.dss");
        Simulation sim = dss.simulation();
        int[] first = history.get(0);
        for (int t : first) {
            assertTrue(Math.abs(t) <= 1, "one tap in the first minute");
        }
        for (int k = 1; k < history.size(); k++) {
            for (int r = 0; r < 3; r++) {
                assertTrue(Math.abs(history.get(k)[r] - history.get(k - 1)[r]) <= 1, "at most one tap per minute");
            }
        }
        int[] last = history.get(history.size() - 1);
        for (int k = history.size() - 6; k < history.size(); k++) {
            assertArrayEquals(last, history.get(k), "settled for the last minutes");
        }
        // the walk is path dependent (each regulator sees the others' taps); it ends within one tap
        // of the static positions 9/6/9, inside the band
        int[] stat = {9, 6, 9};
        for (int r = 0; r < 3; r++) {
            assertTrue(Math.abs(last[r] - stat[r]) <= 1, "regulator " + (r + 1) + " at " + last[r]);
        }
        assertEquals(3, sim.regulators().size());
    }
}
