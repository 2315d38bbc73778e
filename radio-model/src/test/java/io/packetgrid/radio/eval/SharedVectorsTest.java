package io.packetgrid.radio.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.packetgrid.radio.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of ../shared/radio against the evaluators behind {@code radio eval}, with the tolerances
 * of ../shared/radio/README.md ("Suggested tolerances"): relative 1e-9 for the AWGN, NOMA, outage,
 * Makki and ALOHA columns (and the intermediate C, V, SINR, log2 M columns), relative 1e-6 for the
 * Rayleigh {@code eps} and {@code eps_nolog} (numerical integration), k_max and first_decoded exact,
 * snr_min_db absolute 1e-6 dB. The reference values were computed with 40-digit arithmetic and
 * printed to 13 digits, so the printing alone limits agreement to about 5e-13. Also checks that the
 * output columns are exactly the file's columns, in its order.
 */
class SharedVectorsTest {

    static Stream<Arguments> files() {
        List<Path> files = SharedData.radioCsvFiles();
        if (files.isEmpty()) {
            return Stream.of(Arguments.of((Path) null));
        }
        return files.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyRowWithinTheReadmeTolerances(Path file) {
        assumeTrue(file != null, "../shared/radio not found beside the repository root: shared reference data absent, test skipped");
        String name = file.getFileName().toString();
        assertTrue(name.endsWith("-examples.csv"), "unexpected file " + name);
        EvalKind kind = EvalKind.byName(name.substring(0, name.length() - "-examples.csv".length()));
        assertNotNull(kind, "no radio eval kind for " + name);
        assertEquals(SharedData.header(file), kind.columns(), "column order of " + name);
        List<Map<String, String>> rows = SharedData.readCsv(file);
        assertFalse(rows.isEmpty());
        Map<String, Double> worst = new TreeMap<>();
        int line = 1;
        for (Map<String, String> row : rows) {
            line++;
            String[] out = kind.evaluate(new Row(row));
            List<String> cols = kind.columns();
            for (int i = 0; i < cols.size(); i++) {
                String c = cols.get(i);
                String expected = row.get(c);
                if (kind.inputs().contains(c)) {
                    assertEquals(expected.trim(), out[i], name + ":" + line + " input " + c + " echoed");
                    continue;
                }
                double want = Double.parseDouble(expected);
                double got = Double.parseDouble(out[i]);
                String where = name + ":" + line + " " + c + ": expected " + expected + ", got " + out[i];
                if (c.equals("k_max") || c.equals("first_decoded")) {
                    assertEquals(want, got, 0, where);
                    continue;
                }
                if (c.startsWith("snr_min_db")) {
                    double err = Math.abs(got - want);
                    worst.merge(c + " (abs dB)", err, Math::max);
                    assertTrue(err <= 1e-6, where);
                    continue;
                }
                double tol = kind == EvalKind.RAYLEIGH && (c.equals("eps") || c.equals("eps_nolog")) ? 1e-6 : 1e-9;
                double rel = want == 0 ? Math.abs(got) : Math.abs(got / want - 1);
                worst.merge(c, rel, Math::max);
                assertTrue(rel <= tol, where + " (relative error " + rel + " > " + tol + ")");
            }
        }
        StringBuilder b = new StringBuilder("max error " + name + ":");
        worst.forEach((c, e) -> b.append(String.format(Locale.ROOT, " %s=%.1e", c, e)));
        System.out.println(b);
    }

    @Test
    void everySharedFileHasAKind() {
        Path dir = SharedData.radioDir();
        for (Path f : SharedData.radioCsvFiles()) {
            String n = f.getFileName().toString();
            assertNotNull(EvalKind.byName(n.replace("-examples.csv", "")), "a kind for " + n + " in " + dir);
        }
    }
}
