package io.packetgrid.studies.protection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Monte Carlo of {@code protection validate}: the analytic (exact conditional) estimate of every row
 * agrees with the sampled estimate of the same samples within its confidence interval where both are
 * feasible (miss probabilities ≥ 10⁻³); results do not depend on the thread count; bad input gives one
 * line naming the field.
 */
class ValidatorTest {

    /** The built-in example with a poor radio (a far cell, one repetition) so that misses are frequent. */
    static String poorRadio(int samples) {
        String s = ProtectionScenarios.builtIn();
        s = s.substring(0, s.indexOf("\nvariants:"));
        s = s.replace("samples: 10000", "samples: " + samples);
        s = s.replace("    - {name: gnb1, x_m: 15, y_m: -25, height_m: 10}\n    - {name: gnb2, x_m: 110, y_m: -90, height_m: 10}",
                "    - {name: gnb1, x_m: 350, y_m: 250, height_m: 10}");
        s = s.replace("repetitions: 4, harq_rounds: 2", "repetitions: 1, harq_rounds: 2");
        return s + "\n";
    }

    static ProtectionValidator.Result run(String text, Map<String, Object> overrides, int threads) {
        List<ProtectionScenarios.Variant> vs = ProtectionScenarios.variants(text, "test.yaml", overrides);
        ProtectionSystem sys = ProtectionSystem.build(vs.get(0).scenario(), null);
        List<ProtectionValidator.Variant> variants = new ArrayList<>();
        for (ProtectionScenarios.Variant v : vs) {
            variants.add(ProtectionValidator.Variant.of(v, sys));
        }
        return ProtectionValidator.run(sys, variants, threads, n -> { });
    }

    @Test
    void analyticAgreesWithSampledWhereBothAreFeasible() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("confidence", 0.999);
        ProtectionValidator.Result r = run(poorRadio(3000), o, 2);
        int compared = 0;
        for (ProtectionValidator.RowResult x : r.table()) {
            if (!x.method().equals("analytic") || x.missProbability() < 1e-3 || x.trials() < 200) {
                continue;
            }
            compared++;
            double[] ci = x.sampledCi();
            assertTrue(x.analytic() >= ci[0] && x.analytic() <= ci[1], x.row().schemeName() + "/" + x.row().requirementName()
                    + ": analytic " + x.analytic() + " outside the sampled interval " + ci[0] + ".." + ci[1] + " (" + x.misses() + "/"
                    + x.trials() + ")");
        }
        assertTrue(compared >= 6, "rows compared: " + compared);
    }

    @Test
    void resultsDoNotDependOnThreadsAndTheExampleShowsPassAndFail() throws IOException {
        String text = ProtectionScenarios.builtIn().replace("samples: 10000", "samples: 300");
        ProtectionValidator.Result one = run(text, Map.of(), 1);
        ProtectionValidator.Result two = run(text, Map.of(), 2);
        ProtectionSystem sys = ProtectionSystem.build(ProtectionScenarios.read(text, "x"), null);
        assertEquals(ProtectionReport.summary(one, sys), ProtectionReport.summary(two, sys));
        assertEquals(ProtectionReport.ccdfCsv(one, sys), ProtectionReport.ccdfCsv(two, sys));
        Map<String, Boolean> allPass = new LinkedHashMap<>();
        for (ProtectionValidator.RowResult x : one.table()) {
            allPass.merge(x.variant().name(), x.pass(), Boolean::logicalAnd);
        }
        assertEquals(Map.of("baseline", true, "one_repetition", false, "busy_cell", false, "busy_cell_preemption", true), allPass);
    }

    @Test
    void theShippedExampleIsTheBuiltInOne() throws IOException {
        Path shipped = io.packetgrid.studies.it.Launcher.root().resolve("studies/scenarios/protection-example.yaml");
        assertEquals(ProtectionScenarios.builtIn(), Files.readString(shipped, StandardCharsets.UTF_8));
    }

    static PacketGridException bad(String from, String to) {
        String text = ProtectionScenarios.builtIn().replace(from, to);
        assertFalse(text.equals(ProtectionScenarios.builtIn()), "the replacement applies");
        return assertThrows(PacketGridException.class, () -> {
            List<ProtectionScenarios.Variant> vs = ProtectionScenarios.variants(text, "s.yaml", Map.of());
            ProtectionSystem.build(vs.get(0).scenario(), null);
        });
    }

    @Test
    void badInputIsOneClearLine() {
        assertEquals("relays[1].element: element Line.LINE9999 is not in this feeder",
                bad("element: Line.LINE271\n", "element: Line.LINE9999\n").userMessage());
        assertEquals("faults.buses[0]: bus 9999 is not in this feeder",
                bad("faults:                   # every", "faults:\n  buses: [\"9999\"]\n# every").userMessage());
        assertEquals("dg[0].load: load LOAD999 is not in this feeder", bad("load: LOAD34", "load: LOAD999").userMessage());
        assertEquals("schemes[1].upstream: no relay named 'r9'", bad("upstream: r1", "upstream: r9").userMessage());
        PacketGridException e = bad("curve: si, pickup_a: 350", "curve: xx, pickup_a: 350");
        assertTrue(e.userMessage().startsWith("s.yaml:") && e.userMessage().contains("curve must be si, vi, ei, lti or dt"),
                e.userMessage());
        PacketGridException v = bad("set: {radio: {urllc: {repetitions: 1}}}", "set: {relays: []}");
        assertTrue(v.userMessage().contains("variants[1].set.relays") && !v.userMessage().contains("\n"), v.userMessage());
    }

    @Test
    void aScenarioWithNothingToValidateIsAnErrorNotAnEmptyPass() {
        String text = ProtectionScenarios.builtIn();
        int from = text.indexOf("requirements:\n");
        int to = text.indexOf("\nplacement:");
        String none = text.substring(0, from) + "requirements: []\n" + text.substring(to);
        assertEquals("requirements: none given: protection validate needs at least one requirement to check",
                assertThrows(PacketGridException.class, () -> run(none.substring(0, none.indexOf("\nvariants:")) + "\n", Map.of(), 1))
                        .userMessage());
    }
}
