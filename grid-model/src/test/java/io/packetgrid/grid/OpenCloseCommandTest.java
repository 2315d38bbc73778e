package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.Feeder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script's {@code Open}/{@code Close} switch one terminal of a line, terminal 1 when none is given, every phase
 * conductor of it (OpenDSS ExecHelper.pas DoOpenCmd/DoCloseCmd; CktElement.pas Set_ActiveTerminal ignores the 0 a
 * missing terminal parses as, so a fresh element's terminal 1 is switched; Set_ConductorClosed(0) is every phase).
 * The oracle is a single-phase line open at its far end and still charged from the source (the Ferranti case): it
 * draws {@code S = |V|^2 conj(Y_in)}, {@code Y_in = jB/2 + 1 / (Z + 1/(jB/2))} from the pi model by hand; open at the
 * source end (terminal 1) it draws nothing.
 */
class OpenCloseCommandTest {
    private static final String SCRIPT = """
            Clear
            New Circuit.oc basekv=0.4 pu=1.0 phases=3 bus1=src MVAsc3=100000000 MVAsc1=100000000
            New Line.l1 phases=1 bus1=src.1 bus2=b.1 R1=1 X1=1 R0=1 X0=1 C1=100000 C0=100000 length=1
            New Load.b phases=1 bus1=b.1 kV=0.23 kW=1 pf=1 vminpu=0.5 vmaxpu=1.5
            Set voltagebases=[0.4]
            Calcvoltagebases
            """;

    private static Feeder feeder(Path dir, String commands) throws IOException {
        Path p = dir.resolve("oc.dss");
        Files.writeString(p, SCRIPT + commands + "Solve\n");
        Feeder f = Feeder.load(p);
        f.solve();
        return f;
    }

    /** kW, kvar the source delivers into the line open at its far end (the pi model by hand; 60 Hz, OpenDSS's default). */
    private static double[] farEndOpenKw() {
        double vs = 400 / Math.sqrt(3);
        double halfB = 2 * Math.PI * 60 * 100_000e-9 / 2;      // C1 = C0 = 100 uF per unit length: Cs = (2 C1 + C0) / 3
        // Y_in = j halfB + 1 / (Z + 1 / (j halfB)),  Z = 1 + j1
        double zr = 1;
        double zi = 1 - 1 / halfB;                               // Z + 1/(j halfB) = 1 + j (1 - 1/halfB)
        double d = zr * zr + zi * zi;
        double yr = zr / d;
        double yi = -zi / d + halfB;
        return new double[] {vs * vs * yr / 1000, -vs * vs * yi / 1000};   // S = |V|^2 conj(Y)
    }

    @Test
    void openWithoutATerminalOpensTerminalOneAndTheLineDrawsNothing(@TempDir Path dir) throws IOException {
        Feeder f = feeder(dir, "Open Line.l1\n");
        assertEquals(0, f.sourcePowerKw()[0], 1e-4);          // the source's own 4 mW of losses at most
        assertEquals(0, f.sourcePowerKw()[1], 1e-4);
        assertEquals(0, f.loadVoltagePu("b")[0], 1e-9, "the load behind the open terminal has no supply");
    }

    @Test
    void openingTerminalTwoLeavesTheLineChargedFromTheSource(@TempDir Path dir) throws IOException {
        Feeder f = feeder(dir, "Open Line.l1 2\n");
        double[] hand = farEndOpenKw();
        assertTrue(hand[1] < -1, "a meaningful check: the open line's charging, " + hand[1] + " kvar");
        assertEquals(hand[0], f.sourcePowerKw()[0], 1e-5 * Math.abs(hand[1]));
        assertEquals(hand[1], f.sourcePowerKw()[1], 1e-5 * Math.abs(hand[1]));
        Feeder named = feeder(dir, "Open Line.l1 term=2\n");
        assertEquals(hand[1], named.sourcePowerKw()[1], 1e-5 * Math.abs(hand[1]));
        Feeder closed = feeder(dir, "Open Line.l1 2\nClose Line.l1\n");   // closing terminal 1 leaves terminal 2 open
        assertEquals(hand[1], closed.sourcePowerKw()[1], 1e-5 * Math.abs(hand[1]));
        Feeder back = feeder(dir, "Open Line.l1 2\nClose Line.l1 2\n");
        assertTrue(back.sourcePowerKw()[0] > 0.9, "closed again, the load is served: " + back.sourcePowerKw()[0]);
    }

    @Test
    void aSingleConductorOrAThirdTerminalIsAnErrorNamingTheLine(@TempDir Path dir) {
        PacketGridException c = assertThrows(PacketGridException.class, () -> feeder(dir, "Open Line.l1 1 1\n"));
        assertTrue(c.userMessage().contains("oc.dss:7") && c.userMessage().contains("one conductor (1) is not implemented"),
                c.userMessage());
        PacketGridException t = assertThrows(PacketGridException.class, () -> feeder(dir, "Open Line.l1 3\n"));
        assertTrue(t.userMessage().contains("a line has terminals 1 and 2, not 3"), t.userMessage());
    }
}
