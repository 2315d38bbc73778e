package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code feeder.on_nonconvergence}. With the solver limited to 4 iterations ({@code Set maxiterations=4}),
 * some of the evening's power flows cannot converge: by default the run fails, naming the feeder, the grid
 * step and the nodes whose voltage changed most; with {@code hold_last} it completes, reports the steps
 * held, and each held step's row in grid.csv repeats the previous step's results.
 */
class NonConvergenceTest {
    @TempDir
    Path out;

    static String scenario(String policy) {
        String y = Scenarios.evening("{model: ideal}", "{name: uncontrolled, control: local}")
                .replace("duration: 3h", "duration: 1h")
                .replace("    - Edit Transformer.TR1 Taps=[1.05 1.0]", "    - Edit Transformer.TR1 Taps=[1.05 1.0]\n    - Set maxiterations=4")
                .replace("  script: builtin:european-lv", "  script: builtin:european-lv" + (policy == null ? "" : "\n  on_nonconvergence: " + policy));
        assertTrue(y.contains("maxiterations=4"), "the scenario changed shape");
        return y;
    }

    @Test
    void failNamesTheFeederTheStepAndTheWorstNodes() {
        PacketGridException e = assertThrows(PacketGridException.class, () -> Scenarios.run(scenario(null), out.resolve("a"), 1));
        String m = e.userMessage();
        assertTrue(m.matches("(?s).*feeder f1, grid step \\d+ \\(t=[^)]*\\).*did not converge in 4 iterations.*worst nodes .*"), m);
    }

    @Test
    void holdLastKeepsTheLastSolutionAndCountsTheSteps() throws Exception {
        Summary s = Scenarios.run(scenario("hold_last"), out.resolve("b"), 1);
        long held = (long) Scenarios.metric(s, "uncontrolled", "grid_steps_held");
        List<String> rows = Files.readAllLines(out.resolve("b/uncontrolled/grid.csv"));
        assertEquals(62, rows.size(), "a row per minute, 0 to 60");
        assertTrue(held > 0 && held < 61, "some steps held: " + held);
        // a held step repeats the previous step's power-flow results (a solved step never matches them exactly)
        int repeats = 0;
        for (int i = 2; i < rows.size(); i++) {
            String[] a = rows.get(i - 1).split(",");
            String[] b = rows.get(i).split(",");
            if (a[4].equals(b[4]) && a[7].equals(b[7]) && a[8].equals(b[8])) {   // source_kw, v_min_pu, v_max_pu
                repeats++;
            }
        }
        boolean firstHeld = rows.get(1).contains("NaN") || rows.get(1).split(",")[4].isEmpty();
        assertEquals(held, repeats + (firstHeld ? 1 : 0), "held steps = rows repeating their predecessor");
    }
}
