package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.result.NodeVoltage;
import io.packetgrid.grid.series.Simulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomly mutated copies of the shared scripts: each run must end in a clean
 * {@link PacketGridException} (one line, with a location) or in a finite solution; anything else
 * (a Java exception, NaN voltages) fails. Seeded, so failures reproduce.
 */
class FuzzTest {
    private static final String[] JUNK = {"=", "[", "]", "(", ")", "|", "~", ".", "..", "0", "-1", "1e309", "x", "!", "//",
        "New", "Line.", "bus1=", "kV=", "Solve", "\"", "'", "Redirect", "phases=0", "phases=-3", "nan", ",,", "1.2.3"};

    @Test
    void mutatedScriptsFailCleanlyOrSolve(@TempDir Path tmp) throws IOException {
        Path ieee = SharedData.shared("feeders/ieee13");
        String master = Files.readString(ieee.resolve("IEEE13Nodeckt.dss"), StandardCharsets.ISO_8859_1);
        String codes = Files.readString(ieee.resolve("IEEELineCodes.DSS"), StandardCharsets.ISO_8859_1);
        SplittableRandom rnd = new SplittableRandom(20261126L);
        int clean = 0;
        int solved = 0;
        for (int run = 0; run < 300; run++) {
            Path dir = Files.createDirectory(tmp.resolve("r" + run));
            boolean mutateCodes = rnd.nextInt(5) == 0;
            Files.writeString(dir.resolve("IEEE13Nodeckt.dss"), mutateCodes ? master : mutate(master, rnd), StandardCharsets.ISO_8859_1);
            Files.writeString(dir.resolve("IEEELineCodes.DSS"), mutateCodes ? mutate(codes, rnd) : codes, StandardCharsets.ISO_8859_1);
            DssInterpreter dss = new DssInterpreter(dir.resolve("out"));
            dss.setMaxSteps(2000);
            try {
                dss.run(dir.resolve("IEEE13Nodeckt.dss"));
                if (dss.hasCircuit()) {
                    Simulation sim = dss.simulation();
                    if (sim.solved()) {
                        List<NodeVoltage> v = GridResults.voltages(sim.solver());
                        for (NodeVoltage nv : v) {
                            assertTrue(Double.isFinite(nv.vmagV()) && Double.isFinite(nv.vangleDeg()), "run " + run + ": " + nv);
                        }
                        solved++;
                    }
                }
            } catch (PacketGridException e) {
                assertTrue(!e.userMessage().contains("\n"), "run " + run + ": multi-line message " + e.userMessage());
                assertTrue(!e.location().isEmpty(), "run " + run + ": no location in " + e.userMessage());
                clean++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("run " + run + " ended in " + e + " (mutated script kept in " + dir + ")", e);
            }
        }
        System.out.printf("fuzz: 300 mutated scripts, %d clean errors, %d solved%n", clean, solved);
    }

    static String mutate(String text, SplittableRandom rnd) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + rnd.nextInt(3);
        for (int k = 0; k < edits && s.length() > 0; k++) {
            int pos = rnd.nextInt(s.length());
            switch (rnd.nextInt(6)) {
                case 0 -> s.setLength(pos);                                   // truncate
                case 1 -> s.deleteCharAt(pos);                                // drop a character
                case 2 -> s.insert(pos, JUNK[rnd.nextInt(JUNK.length)]);      // insert junk
                case 3 -> {                                                   // drop a line
                    int a = s.lastIndexOf("\n", pos);
                    int b = s.indexOf("\n", pos);
                    if (a >= 0 && b > a) {
                        s.delete(a, b);
                    }
                }
                case 4 -> {                                                   // duplicate a line
                    int a = s.lastIndexOf("\n", pos);
                    int b = s.indexOf("\n", pos);
                    if (a >= 0 && b > a) {
                        s.insert(b, s.substring(a, b));
                    }
                }
                default -> s.setCharAt(pos, (char) (' ' + rnd.nextInt(95)));  // replace a character
            }
        }
        return s.toString();
    }
}
