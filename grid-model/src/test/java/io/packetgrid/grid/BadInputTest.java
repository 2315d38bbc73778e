package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.dss.DssInterpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear PacketGridException naming file:line or the bus, never a result. */
class BadInputTest {
    static final String SOURCE = "New Circuit.bad basekv=11 pu=1 phases=3 bus1=src MVAsc3=100 MVAsc1=80\n";

    static PacketGridException fails(Path dir, String script) throws IOException {
        Path f = dir.resolve("bad.dss");
        Files.writeString(f, script);
        DssInterpreter dss = new DssInterpreter(dir.resolve("out"));
        return assertThrows(PacketGridException.class, () -> {
            dss.run(f);
            dss.simulation();
        });
    }

    static void oneLine(PacketGridException e, String expectedLocation) {
        String msg = e.userMessage();
        assertTrue(!msg.contains("\n"), "one line: " + msg);
        assertTrue(e.location().startsWith(expectedLocation), "location " + e.location() + " should start with " + expectedLocation + " (" + msg + ")");
    }

    @Test
    void truncatedFileMidDefinition(@TempDir Path dir) throws IOException {
        PacketGridException e = fails(dir, SOURCE + "New Line.l1 bus1=src bus2=b1 r1=0.1 x1=0.1 length=\n");
        oneLine(e, "bad.dss:2");
    }

    @Test
    void unknownClass(@TempDir Path dir) throws IOException {
        PacketGridException e = fails(dir, SOURCE + "New Widget.w1 bus1=src\n");
        oneLine(e, "bad.dss:2");
        assertTrue(e.getMessage().contains("Widget"));
    }

    @Test
    void unknownProperty(@TempDir Path dir) throws IOException {
        PacketGridException e = fails(dir, SOURCE + "New Load.x bus1=src kV=11 kW=10 colour=red\n");
        oneLine(e, "bad.dss:2");
        assertTrue(e.getMessage().contains("colour"));
    }

    @Test
    void unimplementedPropertyThatChangesThePowerFlow(@TempDir Path dir) throws IOException {
        PacketGridException e = fails(dir, SOURCE + "New Generator.g bus1=src kV=11 kW=10 dispvalue=0.5\n");
        oneLine(e, "bad.dss:2");
    }

    @Test
    void missingRedirectedFile(@TempDir Path dir) throws IOException {
        PacketGridException e = fails(dir, SOURCE + "Redirect nowhere/lines.dss\n");
        oneLine(e, "bad.dss:2");
        assertTrue(e.getMessage().contains("not found"));
    }

    @Test
    void busWithNoPathToASource(@TempDir Path dir) throws IOException {
        PacketGridException e = fails(dir, SOURCE + "New Line.l1 bus1=src bus2=b1 r1=0.1 x1=0.1 length=1\n"
                + "New Load.island bus1=far kV=11 kW=10\nSolve\n");
        oneLine(e, "bad.dss:4");
        assertTrue(e.getMessage().contains("far"), e.getMessage());
    }

    @Test
    void singularSystem(@TempDir Path dir) throws IOException {
        // a wye winding whose neutral is a node of its own, with no anti-float admittance: nothing ties it down
        PacketGridException e = fails(dir, SOURCE
                + "New Transformer.t phases=3 windings=2 buses=[src lv.1.2.3.4] conns=[delta wye] kVs=[11 0.4] kVAs=[400 400] ppm_antifloat=0\n"
                + "Solve\n");
        oneLine(e, "bad.dss:3");
        assertTrue(e.getMessage().contains("singular") && e.getMessage().contains("lv"), e.getMessage());
    }

    @Test
    void nonConvergence(@TempDir Path dir) throws IOException {
        // 2 MW of constant power at the end of a weak 400 V line: no power-flow solution exists
        PacketGridException e = fails(dir, "New Circuit.weak basekv=0.4 pu=1 phases=3 bus1=src MVAsc3=10 MVAsc1=10\n"
                + "New Line.l1 bus1=src bus2=far r1=0.3 x1=0.1 r0=0.9 x0=0.3 length=1 units=km\n"
                + "New Load.big phases=3 bus1=far kV=0.4 kW=2000 pf=0.95 vminpu=0 vlowpu=0 vmaxpu=2\nSolve\n");
        oneLine(e, "bad.dss:4");
        assertTrue(e.getMessage().contains("did not converge") && e.getMessage().contains("far"), e.getMessage());
    }
}
