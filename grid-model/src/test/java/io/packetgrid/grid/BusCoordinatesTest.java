package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.BusXy;
import io.packetgrid.grid.api.Feeder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code BusCoords} files read as OpenDSS reads them, checked against the files read here on their own. */
class BusCoordinatesTest {

    /** The file's rows, split on tabs, blanks and commas: {bus, x, y}. */
    static List<String[]> rows(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (!line.isBlank()) {
                out.add(line.trim().split("[\\s,]+"));
            }
        }
        return out;
    }

    @Test
    void europeanLvMatchesItsBuscoordsFile() throws IOException {
        Path dir = SharedData.shared("feeders/european-lv");
        Feeder f = Feeder.load(dir.resolve("Master.dss"));
        Map<String, BusXy> xy = f.busCoordinates();
        List<String[]> file = rows(dir.resolve("Buscoords.txt"));
        assertEquals(906, file.size());
        assertEquals(file.size(), xy.size(), "every bus of the file is a bus of the feeder");
        for (int i : new int[] {0, 1, 33, 450, 904, 905}) {
            String[] r = file.get(i);
            BusXy p = xy.get(r[0]);
            assertEquals(Double.parseDouble(r[1]), p.x(), 0.0, "x of bus " + r[0]);
            assertEquals(Double.parseDouble(r[2]), p.y(), 0.0, "y of bus " + r[0]);
        }
        // file order, and the bus of LOAD1 (bus 34) has its coordinates
        assertEquals("1", xy.keySet().iterator().next());
        assertEquals(xy.get("34"), f.busXy(f.loadBus("LOAD1")));
        // the bundled copy of the feeder carries the same file
        assertEquals(xy, Feeder.europeanLv().busCoordinates());
    }

    @Test
    void ieee13MatchesItsCsvCaseInsensitively() throws IOException {
        Path dir = SharedData.shared("feeders/ieee13");
        Feeder f = Feeder.load(dir.resolve("IEEE13Nodeckt.dss"));
        List<String[]> file = rows(dir.resolve("IEEE13Node_BusXY.csv"));
        assertEquals(16, file.size());
        Map<String, BusXy> xy = f.busCoordinates();
        assertEquals(16, xy.size());
        for (String[] r : file) {
            BusXy p = f.busXy(r[0]);
            assertEquals(Double.parseDouble(r[1]), p.x(), 0.0, "x of " + r[0]);
            assertEquals(Double.parseDouble(r[2]), p.y(), 0.0, "y of " + r[0]);
            assertEquals(p, xy.get(r[0].toLowerCase(Locale.ROOT)));
        }
        assertEquals(new BusXy(200, 400), f.busXy("SOURCEBUS"));
        assertEquals(new BusXy(200, 300), f.busXy("rg60"));
    }

    static final String CIRCUIT = "New Circuit.t basekv=11 pu=1.0 phases=3 bus1=src MVAsc3=100 MVAsc1=80\n"
            + "New Line.l1 bus1=src bus2=Mid r1=0.2 x1=0.08 r0=0.8 x0=0.3 c1=0 c0=0 length=0.3 units=km\n"
            + "New Line.l2 bus1=mid bus2=end r1=0.2 x1=0.08 r0=0.8 x0=0.3 c1=0 c0=0 length=0.3 units=km\n"
            + "New Load.a phases=3 bus1=end kV=11 kW=100\n"
            + "Set voltagebases=[11]\nCalcvoltagebases\n";

    @Test
    void syntaxPathsAndOverridesAsOpenDss(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("geo"));
        // comments, commas and blanks, tabs, quoted names, any case; a bus not in the circuit is ignored
        Files.writeString(dir.resolve("geo/xy.csv"), "! coordinates\n\nSRC, 0, 0\n  mid\t10.5   -2 // a comment\n"
                + "'End',20,1e1\nnowhere 5 5\nmid 11 -3\n");
        Files.writeString(dir.resolve("geo/coords.dss"), "BusCoords xy.csv\n");
        Files.writeString(dir.resolve("master.dss"), CIRCUIT + "Redirect geo/coords.dss\nSolve\n");
        Feeder f = Feeder.load(dir.resolve("master.dss"));
        Map<String, BusXy> xy = f.busCoordinates();
        assertEquals(List.of("src", "mid", "end"), List.copyOf(xy.keySet()));
        assertEquals(new BusXy(0, 0), xy.get("src"));
        assertEquals(new BusXy(11, -3), f.busXy("MID"), "a later line for the same bus wins");
        assertEquals(new BusXy(20, 10), f.busXy("end"));
        assertNull(f.busXy("nowhere"));
        assertThrows(UnsupportedOperationException.class, () -> xy.put("x", new BusXy(1, 1)));
    }

    @Test
    void badLinesNameFileAndLine(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("geo"));
        Files.writeString(dir.resolve("geo/xy.csv"), "src 0 0\nmid 1\n");
        Files.writeString(dir.resolve("master.dss"), CIRCUIT + "BusCoords geo/xy.csv\n");
        PacketGridException e = assertThrows(PacketGridException.class, () -> Feeder.load(dir.resolve("master.dss")));
        assertEquals("geo/xy.csv:2", e.location());
        Files.writeString(dir.resolve("geo/xy.csv"), "src 0 0\n\nmid 1 two\n");
        e = assertThrows(PacketGridException.class, () -> Feeder.load(dir.resolve("master.dss")));
        assertEquals("geo/xy.csv:3", e.location());
        assertTrue(e.getMessage().contains("two"), e.getMessage());
        Files.writeString(dir.resolve("master.dss"), CIRCUIT + "BusCoords\n");
        e = assertThrows(PacketGridException.class, () -> Feeder.load(dir.resolve("master.dss")));
        assertEquals("master.dss:7", e.location());
        // a missing file only warns (coordinates do not change the power flow)
        Files.writeString(dir.resolve("master.dss"), CIRCUIT + "BusCoords none.csv\n");
        Feeder f = Feeder.load(dir.resolve("master.dss"));
        assertTrue(f.busCoordinates().isEmpty());
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("none.csv")), f.warnings().toString());
    }
}
