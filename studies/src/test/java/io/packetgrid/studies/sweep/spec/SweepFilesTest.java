package io.packetgrid.studies.sweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.sweep.Fixture;
import io.packetgrid.studies.sweep.plan.SweepPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepFilesTest {
    @TempDir
    Path tmp;

    private String error(String body) {
        Fixture f = new Fixture(tmp);
        return assertThrows(PacketGridException.class, () -> SweepPlan.of(SweepFiles.read(f.sweep(body)))).userMessage();
    }

    @Test
    void readsAxesZipSeedsMetricsAndPlots() {
        Fixture f = new Fixture(tmp);
        SweepSpec s = SweepFiles.read(f.sweep("""
                name: demo
                axes:
                  x: {from: 0, to: 1, step: 0.5}
                  n: [1, 2]
                zip:
                  - nested.a: [0.1, 0.2]
                    label: [p, q]
                replications: 3
                metrics: [y, noisy.z]
                plots:
                  - {metric: linear.y, x: x, series: n, where: {nested.a: 0.2}}
                """));
        assertEquals("demo", s.name());
        assertEquals("sweep-test", s.kind());
        assertEquals(List.of("x", "n", "nested.a", "label"), s.sweptFields().stream().map(SweepField::column).toList());
        assertEquals(3 * 2 * 2, s.pointCount());
        assertEquals(List.of(1L, 2L, 3L), s.seeds(), "replications start at the base scenario's seed");
        assertEquals(List.of("y", "noisy.z"), s.metrics().stream().map(MetricRequest::text).toList());
        assertNull(s.metrics().get(0).variant());
        assertEquals("sweep.yaml:10: metrics[1]", s.metrics().get(1).location());
        assertEquals("sweep.yaml:5: axes.n", s.sweptFields().get(1).location());
        assertEquals("sweep.yaml:7: zip[0].nested.a", s.sweptFields().get(2).location());
    }

    @Test
    void withoutSeedsTheBaseScenariosSeedRunsOnce() {
        Fixture f = new Fixture(tmp);
        assertEquals(List.of(1L), SweepFiles.read(f.sweep("axes: {x: [1, 2]}\n")).seeds());
        assertEquals(List.of(7L, 3L), SweepFiles.read(f.sweep("seeds: [7, 3]\n")).seeds());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // unknown or misplaced sweep fields, one line each with file:line
            "axis: {x: [1]}                              | sweep.yaml:2: axis: unknown field 'axis' (known: axes, base, keep_outputs, metrics, name, plots, replications, seeds, set, slurm, zip)",
            "axes: {'pem..x': [1]}                       | sweep.yaml:2: axes: 'pem..x' is not a field path (expected names separated by dots, list entries as [i], e.g. pem.packet_minutes or households[2].kw)",
            "axes: {x: {from: 0, to: 1, step: -1}}       | sweep.yaml:2: axes.x: range from 0 to 1 is never reached with step -1 (to must be ≤ from)",
            "axes: {x: {from: 0, to: 1, step: 0}}        | sweep.yaml:2: axes.x: range step must not be 0",
            "axes: {seed: [1, 2]}                        | sweep.yaml:2: axes.seed: cannot be swept: seeds are set with seeds: [..] or replications: N",
            "axes: {x.a: [1, 2]}                         | sweep.yaml:2: axes.x.a: 'x' is a number in the base scenario, not a section with fields",
            "axes: {'label[2]': [1, 2]}                  | sweep.yaml:2: axes.label[2]: 'label' is not a list in the base scenario",
            "seeds: [1, 2.5]                             | sweep.yaml:2: seeds[1]: expected an integer, got '2.5'",
            "seeds: [1]\\nreplications: 2               | sweep.yaml:3: replications: give either seeds: [..] or replications: N, not both",
            "replications: 0                             | sweep.yaml:2: replications: expected a number of seeds from 1 to 1000000, got '0'",
            "metrics: [a.b.c]                            | sweep.yaml:2: metrics[0]: expected a metric name or variant.metric, got 'a.b.c'",
            "slurm: {mem: lots}                          | sweep.yaml:2: slurm.mem: expected a memory size like 2G or 500M, got 'lots'",
            "slurm: {tasks: 4, cpu: 2}                   | sweep.yaml:2: slurm.cpu: unknown field 'cpu' (known: account, cpus_per_task, max_running, mem, options, partition, tasks, time)",
    })
    void badSweepFilesAreOneLine(String body, String message) {
        assertEquals(message, error(body.replace("\\n", "\n")));
    }

    @Test
    void overlappingFieldsAreRefused() {
        assertEquals("sweep.yaml:6: axes.nested: would replace set.nested.a, which is inside it",
                error("set:\n  nested.a: 1\naxes:\n  x: [1]\n  nested: [{a: 1}]\n"));
        assertEquals("sweep.yaml:5: zip[0].x: is already set by axes.x",
                error("axes: {x: [1, 2]}\nzip:\n  - n: [1, 2]\n    x: [3, 4]\n"));
    }

    @Test
    void aLaterFieldMayRefineASectionSetEarlier() {
        Fixture f = new Fixture(tmp);
        SweepSpec s = SweepFiles.read(f.sweep("set:\n  nested: {a: 1}\naxes:\n  nested.a: [2, 3]\n"));
        assertEquals(List.of("nested.a"), s.sweptFields().stream().map(SweepField::column).toList());
        // also where the base scenario has a plain value: an earlier axis makes it a section
        SweepPlan p = SweepPlan.of(SweepFiles.read(f.sweep("axes:\n  label: [{a: 1, b: 1}, {a: 2, b: 2}]\n  label.a: [3]\n")));
        assertEquals(3, p.scenario(p.runs().get(1)).get("label").get("a").intValue());
        assertEquals(2, p.scenario(p.runs().get(1)).get("label").get("b").intValue());
    }

    @Test
    void pointsThatRunTheSameScenarioAreRefused() {
        assertEquals("sweep.yaml: points p0 and p1 run the same scenario: a later field overrides what an earlier one varies "
                + "(label={\"a\":1}, label.a=3 vs label={\"a\":2}, label.a=3)",
                error("axes:\n  label: [{a: 1}, {a: 2}]\n  label.a: [3]\n"));
    }

    @Test
    void zippedFieldsNeedEqualLengths() {
        assertEquals("sweep.yaml:4: zip[0].label: has 3 values but n has 2; zipped fields vary together and need the same number of values",
                error("zip:\n  - n: [1, 2]\n    label: [a, b, c]\n"));
    }

    @Test
    void plotsMustCoverTheVariedAxes() {
        assertEquals("sweep.yaml:4: plots[0]: the sweep also varies 'n' (2 values); fix it with where: {n: value} or plot it as series",
                error("axes: {x: [1, 2], n: [1, 2]}\nplots:\n  - {metric: y, x: x}\n"));
        assertEquals("sweep.yaml:4: plots[0].x: 'q' is not a swept field (swept: x, n)",
                error("axes: {x: [1, 2], n: [1, 2]}\nplots:\n  - {metric: y, x: q}\n"));
        assertEquals("sweep.yaml:4: plots[0].where.n: value 3 is not one of the axis's values",
                error("axes: {x: [1, 2], n: [1, 2]}\nplots:\n  - {metric: y, x: x, where: {n: 3}}\n"));
    }

    @Test
    void theBaseScenarioMustExistAndNameAKnownKind() {
        assertEquals("sweep.yaml:1: base: no such scenario file " + tmp.resolve("nope.yaml"),
                assertThrows(PacketGridException.class, () -> SweepFiles.read(new Fixture(tmp).write("sweep.yaml", "base: nope.yaml\n"))).userMessage());
        Fixture f = new Fixture(tmp);
        f.write("other.yaml", "kind: no-such-study\n");
        String m = assertThrows(PacketGridException.class, () -> SweepFiles.read(f.write("sweep.yaml", "base: other.yaml\n"))).userMessage();
        assertEquals("other.yaml: kind: unknown study kind 'no-such-study'", m.substring(0, m.indexOf(" (known:")));
    }

    @Test
    void theBuiltInDefaultScenarioCanBeSwept() {
        Fixture f = new Fixture(tmp);
        SweepSpec s = SweepFiles.read(f.write("sweep.yaml", "base: builtin:default\naxes: {name: [a, b]}\n"));
        assertEquals("built-in default scenario", s.baseSource());
        assertNull(s.base());
        assertNull(s.baseDir());
        assertEquals("sweep.yaml:1: base: unknown built-in scenario 'builtin:other' (known: builtin:default)",
                assertThrows(PacketGridException.class, () -> SweepFiles.read(f.write("sweep.yaml", "base: builtin:other\n"))).userMessage());
    }

    @Test
    void aMissingSweepFileIsNamed() {
        assertEquals(tmp.resolve("x.yaml") + ": no such sweep file",
                assertThrows(PacketGridException.class, () -> SweepFiles.read(tmp.resolve("x.yaml"))).userMessage());
    }
}
