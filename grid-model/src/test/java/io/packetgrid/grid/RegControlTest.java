package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.grid.control.RegulatorControl;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IEEE 13 with its RegControls acting: OpenDSS's static control iterations settle on taps 9, 6
 * and 9 (not the published 10/8/11, see ../shared/feeders/ieee13/SOURCES.md).
 */
class RegControlTest {

    @Test
    void regulatorsSettleWhereOpenDssDoes() {
        Path dir = SharedData.shared("feeders/ieee13");
        DssInterpreter dss = new DssInterpreter(null);
        dss.run(dir.resolve("IEEE13Nodeckt.dss"));
        Simulation sim = dss.simulation();
        List<RegulatorControl> regs = sim.regulators();
        assertEquals(3, regs.size());
        int[] taps = regs.stream().mapToInt(RegulatorControl::tapPosition).toArray();
        System.out.printf("IEEE13 RegControl taps: %d %d %d after %d control iterations%n", taps[0], taps[1], taps[2],
                sim.lastControlIterations());
        assertEquals(9, taps[0], "Reg1 (phase A)");
        assertEquals(6, taps[1], "Reg2 (phase B)");
        assertEquals(9, taps[2], "Reg3 (phase C)");
    }
}
