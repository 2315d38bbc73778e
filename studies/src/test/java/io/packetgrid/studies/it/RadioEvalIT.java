package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code radio eval} and {@code bench radio} end to end through the real launcher (CLI.md): every
 * file of ../shared/radio in, all columns out in the same order with at least 13 significant digits
 * and within the README's tolerances, and bad input as one line naming row and column.
 */
class RadioEvalIT {

    @ParameterizedTest
    @ValueSource(strings = {"awgn", "awgn-maxrate", "awgn-minsnr", "rayleigh", "noma", "noma-uplink", "aloha"})
    void sharedVectorsRoundTrip(String kind, @TempDir Path dir) throws Exception {
        Path shared = Launcher.shared();
        assumeTrue(shared != null, "../shared not found beside the repository: test skipped");
        Path in = shared.resolve("radio").resolve(kind + "-examples.csv");
        Path out = dir.resolve("out/" + kind + ".csv");
        Launcher.Result r = Launcher.run(dir, "radio", "eval", kind, "--in", in.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.stderr());
        List<String> want = Files.readAllLines(in);
        List<String> got = Files.readAllLines(out);
        assertEquals(want.get(0), got.get(0), "same columns in the same order");
        assertEquals(want.size(), got.size());
        String[] cols = want.get(0).split(",");
        for (int i = 1; i < want.size(); i++) {
            String[] w = want.get(i).split(",");
            String[] g = got.get(i).split(",");
            assertEquals(w.length, g.length);
            for (int c = 0; c < w.length; c++) {
                if (w[c].matches("[a-z]+")) {
                    assertEquals(w[c], g[c]);
                    continue;
                }
                double x = Double.parseDouble(w[c]);
                double y = Double.parseDouble(g[c]);
                String col = cols[c];
                if (w[c].matches("-?\\d\\.\\d{12}e[-+]\\d+")) { // a computed column of the reference
                    assertTrue(g[c].matches("-?\\d\\.\\d{12,}e[-+]\\d+"), "13+ significant digits: " + g[c]);
                }
                if (col.startsWith("snr_min_db")) {
                    assertEquals(x, y, 1e-6, col);
                } else if (kind.equals("rayleigh") && (col.equals("eps") || col.equals("eps_nolog"))) {
                    assertEquals(x, y, Math.abs(x) * 1e-6, col);
                } else {
                    assertEquals(x, y, Math.abs(x) * 1e-9, kind + ":" + (i + 1) + " " + col);
                }
            }
        }
    }

    @Test
    void readsColumnsByNameAndIgnoresOthers(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "note,M,p,N\nfirst,48,0.005,50\n");
        Launcher.Result r = Launcher.run(dir, "radio", "eval", "aloha", "--in", "in.csv", "--out", "out.csv");
        assertEquals(0, r.exit(), r.stderr());
        List<String> out = Files.readAllLines(dir.resolve("out.csv"));
        assertEquals("N,p,M,p_success,p_collision,throughput,throughput_per_channel,G,poisson_per_channel", out.get(0));
        assertTrue(out.get(1).startsWith("50,0.005,48,9.949085729506"), out.get(1));
    }

    @Test
    void badRowsAreOneLineNamingRowAndColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("n.csv"), "channel,n,k_bits,snr_db\ncomplex,150,100,2\ncomplex,0,100,2\n");
        Files.writeString(dir.resolve("eps.csv"), "channel,n,k_bits,eps\nreal,100,60,1.5\n");
        Files.writeString(dir.resolve("ch.csv"), "channel,n,k_bits,snr_db\nquaternion,150,100,2\n");
        Files.writeString(dir.resolve("short.csv"), "channel,n,k_bits,snr_db\ncomplex,150\n");
        Files.writeString(dir.resolve("text.csv"), "channel,n,k_bits,snr_db\ncomplex,150,lots,2\n");
        Object[][] cases = {
            {"awgn", "n.csv", "packetgrid: n.csv:3: column n: n must be > 0, got 0\n"},
            {"awgn-minsnr", "eps.csv", "packetgrid: eps.csv:2: column eps: eps must be in (0, 1), got 1.5\n"},
            {"awgn", "ch.csv", "packetgrid: ch.csv:2: column channel: unknown channel 'quaternion' (expected real or complex)\n"},
            {"awgn", "short.csv", "packetgrid: short.csv:2: column k_bits: missing value (the row has 2 fields, the header 4)\n"},
            {"awgn", "text.csv", "packetgrid: text.csv:2: column k_bits: expected a decimal number, got 'lots'\n"},
        };
        for (Object[] c : cases) {
            Launcher.Result r = Launcher.run(dir, "radio", "eval", (String) c[0], "--in", (String) c[1], "--out", "o.csv");
            assertEquals(1, r.exit(), r.stderr());
            assertEquals(c[2], r.stderr());
            assertFalse(Files.exists(dir.resolve("o.csv")), "nothing written on error");
        }
        Launcher.Result u = Launcher.run(dir, "radio", "eval", "fading", "--in", "n.csv", "--out", "o.csv");
        assertEquals(2, u.exit());
        assertTrue(u.stderr().startsWith("packetgrid: unknown KIND 'fading'"), u.stderr());
        Launcher.Result m = Launcher.run(dir, "radio", "eval", "rayleigh", "--in", "n.csv", "--out", "o.csv");
        assertEquals("packetgrid: n.csv:1: missing column 'snr_avg_db' (rayleigh needs n,k_bits,snr_avg_db)\n", m.stderr());
    }

    @Test
    void benchRadioPrintsItsJsonLast(@TempDir Path dir) throws Exception {
        Launcher.Result r = Launcher.run(dir, "bench", "radio", "--evals", "200000", "--repeats", "1", "--devices", "200",
                "--hours", "0.1", "--cell-repeats", "1");
        assertEquals(0, r.exit(), r.stderr());
        String out = r.stdout();
        JsonNode json = new ObjectMapper().readTree(out.substring(out.lastIndexOf("\n{") + 1));
        for (String f : Stream.of("awgn_evals_per_second", "rayleigh_evals_per_second", "cell_wall_seconds").toList()) {
            assertTrue(json.get(f).asDouble() > 0, f);
        }
    }
}
