package io.packetgrid.grid.protection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.Feeder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device's terminal found by name, and what it measures there, on a feeder small enough to check by hand: a
 * 416 V source, one 1 km line of 0.1 Ω (no shunt capacitance) from bus a to bus b, and a balanced 30 kW
 * constant-power load at b, unity power factor. Each phase then carries I = 10 kW / |V_b,ln| through both ends
 * of the line (a series element, no shunt branch), and the residual of a balanced set is zero.
 */
class ElementTerminalTest {
    static final String SCRIPT = String.join("\n",
            "Clear",
            "Set DefaultBaseFrequency=50",
            "New Circuit.t basekv=0.416 pu=1.0 phases=3 bus1=a R1=0.0001 X1=0.0001 R0=0.0001 X0=0.0001",
            "New Line.L1 bus1=a bus2=b phases=3 R1=0.1 X1=0 R0=0.1 X0=0 C1=0 C0=0 length=1 units=km",
            "New Load.ld phases=3 bus1=b kV=0.416 kW=30 pf=1 model=1 conn=wye",
            "Set voltagebases=[0.416]",
            "Calcvoltagebases",
            "Solve",
            "");

    static Feeder feeder;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("t.dss");
        Files.writeString(script, SCRIPT);
        feeder = Feeder.load(script);
        feeder.solve();
    }

    @Test
    void aBareNameIsALineAndTheTerminalKnowsItsBusAndNodes() {
        ElementTerminal far = ElementTerminal.of(feeder, "r1", "l1", 2);
        assertEquals("Line.l1", far.elementName());
        assertEquals(2, far.terminal());
        assertEquals(List.of("a", "b"), far.elementBuses());
        assertEquals("b", far.bus());
        assertArrayEquals(new int[] {feeder.nodes().node("b", 1), feeder.nodes().node("b", 2), feeder.nodes().node("b", 3)},
                far.nodes(feeder));
    }

    @Test
    void aMissingElementOrTerminalIsOneLineNamingTheDevice() {
        assertEquals("r1: element Line.NOPE is not in this feeder",
                assertThrows(PacketGridException.class, () -> ElementTerminal.of(feeder, "r1", "NOPE", 1)).userMessage());
        assertEquals("r2: element Load.nope is not in this feeder",
                assertThrows(PacketGridException.class, () -> ElementTerminal.of(feeder, "r2", "Load.nope", 1)).userMessage());
        assertEquals("r3: Line.l1 has no terminal 3",
                assertThrows(PacketGridException.class, () -> ElementTerminal.of(feeder, "r3", "line.l1", 3)).userMessage());
        assertEquals("r4: Line.l1 has no terminal 0",
                assertThrows(PacketGridException.class, () -> ElementTerminal.of(feeder, "r4", "L1", 0)).userMessage());
    }

    @Test
    void bothEndsOfTheLineCarryTheLoadCurrent() {
        double vLn = feeder.loadVoltage("ld")[0];
        double expectedA = 10_000.0 / vLn;
        for (int t = 1; t <= 2; t++) {
            Measurements.Currents c = Measurements.currents(feeder, ElementTerminal.of(feeder, "r", "Line.L1", t));
            assertEquals(3, c.phaseA().length);
            for (double a : c.phaseA()) {
                assertEquals(expectedA, a, 1e-6 * expectedA, "terminal " + t);
            }
            assertEquals(0, c.residualA(), 1e-6 * expectedA, "terminal " + t);
        }
    }
}
