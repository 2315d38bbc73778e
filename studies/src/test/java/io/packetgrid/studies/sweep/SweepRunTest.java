package io.packetgrid.studies.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.record.CsvFormat;
import io.packetgrid.studies.sweep.plan.Run;
import io.packetgrid.studies.sweep.plan.SweepPlan;
import io.packetgrid.studies.sweep.results.Collected;
import io.packetgrid.studies.sweep.results.Collector;
import io.packetgrid.studies.sweep.store.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps of the test-only study kind, in this JVM: results by hand, determinism, resume, errors. */
class SweepRunTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

    private Fixture fixture() {
        return new Fixture(tmp);
    }

    private static String text(Path f) throws IOException {
        return Files.readString(f, StandardCharsets.UTF_8);
    }

    private static long lines(Path f) throws IOException {
        return Files.exists(f) ? Files.readAllLines(f).size() : 0;
    }

    @Test
    void resultsAreOneRowPerPointAndSeedWithParametersAndMetricsCheckableByHand() throws IOException {
        Fixture f = fixture();
        SweepPlan plan = Sweeps.plan(f.sweep("""
                axes:
                  x: [1, 2.5]
                  n: {from: 0, to: 2, step: 1}
                seeds: [1, 2]
                metrics: [linear.y, label_len, z]
                """));
        Path dir = tmp.resolve("out");
        Sweeps.run(plan, dir, 2, 0, 1, out);
        StringBuilder expected = new StringBuilder("point,seed,id,x,n,linear.y,linear.label_len,noisy.z\n");
        for (Run r : plan.runs()) {
            double x = r.params().get(0).doubleValue();
            int n = r.params().get(1).intValue();
            double z = x + new RandomStreams(r.seed()).stream("noise").nextDouble();
            expected.append(r.point()).append(',').append(r.seed()).append(',').append(r.id()).append(',')
                    .append(CsvFormat.number(x)).append(',').append(n).append(',')
                    .append(CsvFormat.number(x * n + r.seed())).append(",3,").append(CsvFormat.number(z)).append('\n');
        }
        assertEquals(12, plan.runs().size());
        assertEquals(expected.toString(), text(dir.resolve("results.csv")));
        assertTrue(text(dir.resolve("results.csv")).lines().anyMatch(l -> l.matches("3,2,[0-9a-f]{16},2.5,0,2,3,.*")),
                "hand check: point 3 is x=2.5, n=0; with seed 2, y = 2.5·0 + 2 = 2");
        assertFalse(Files.exists(dir.resolve("outputs").resolve(plan.runs().get(0).id())), "study outputs are not kept by default");
        String report = text(dir.resolve("report.html"));
        assertTrue(report.contains("<h1>PacketGrid sweep") && report.contains("<th>linear.y") || report.contains("linear.y"),
                "the sweep's report.html has its statistics");
        assertTrue(report.contains("<h2>Warnings</h2>") && report.contains("every run finished"), "and says every run finished");
    }

    @Test
    void statsOverSeedsByHand() throws IOException {
        Fixture f = fixture();
        SweepPlan plan = Sweeps.plan(f.sweep("axes: {x: [1.5]}\nreplications: 3\nmetrics: [linear.y]\n"));
        Sweeps.run(plan, tmp.resolve("out"), 1, 0, 1, out);
        // y = 1.5·2 + seed for seeds 1, 2, 3 = 4, 5, 6: mean 5, s = 1, t(0.975; 2) = 4.302652729... → ±2.48413771175...
        String[] row = text(tmp.resolve("out/stats.csv")).lines().toList().get(1).split(",");
        assertEquals(List.of("0", "1.5", "linear.y", "3", "5", "1"), List.of(row).subList(0, 6));
        assertEquals(5 - 2.484, Double.parseDouble(row[6]), 1e-3);
        assertEquals(5 + 2.484, Double.parseDouble(row[7]), 1e-3);
        assertEquals("point,x,metric,n_seeds,mean,sd,ci95_low,ci95_high", text(tmp.resolve("out/stats.csv")).lines().findFirst().orElseThrow());
    }

    private static final String DETERMINISM = """
            axes:
              x: {from: 0, to: 1, step: 0.25}
              n: [1, 3]
            zip:
              - label: [ab, abcd]
                nested.a: [0.5, 0]
            replications: 3
            plots:
              - {metric: y, x: x, series: n, where: {label: ab}}
              - {metric: noisy.z, x: label, where: {x: 0.5, n: 3}}
            """;

    @Test
    void mergedResultsAreByteIdenticalForAnyWorkersOrShards() throws IOException {
        Fixture f = fixture();
        SweepPlan plan = Sweeps.plan(f.sweep(DETERMINISM));
        assertEquals(5 * 2 * 2 * 3, plan.runs().size());
        Path one = tmp.resolve("one");
        Sweeps.run(plan, one, 1, 0, 1, out);
        byte[] results = Files.readAllBytes(one.resolve("results.csv"));
        byte[] stats = Files.readAllBytes(one.resolve("stats.csv"));
        assertEquals(61, text(one.resolve("results.csv")).lines().count());
        assertTrue(Files.exists(one.resolve("plots/linear.y-vs-x-by-n.png")));
        assertTrue(Files.exists(one.resolve("plots/noisy.z-vs-label.png")));
        byte[] png = Files.readAllBytes(one.resolve("plots/linear.y-vs-x-by-n.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4), "a PNG file");

        Path three = tmp.resolve("three");
        Sweeps.run(plan, three, 3, 0, 1, out);
        assertArrayEquals(results, Files.readAllBytes(three.resolve("results.csv")), "3 workers");
        assertArrayEquals(stats, Files.readAllBytes(three.resolve("stats.csv")), "3 workers");

        for (int n : new int[] {2, 3, 4, 7, 60, 61}) {
            Path d = tmp.resolve("shards" + n);
            for (int task = n - 1; task >= 0; task--) {   // shards finish in any order
                Sweeps.run(Sweeps.plan(tmp.resolve("sweep.yaml")), d, 1 + task % 2, task, n, out);
            }
            Collector.collect(d);
            assertArrayEquals(results, Files.readAllBytes(d.resolve("results.csv")), n + " shards");
            assertArrayEquals(stats, Files.readAllBytes(d.resolve("stats.csv")), n + " shards");
        }
    }

    @Test
    void aRerunSkipsFinishedRunsAndCleansUpAfterAKilledRun() throws IOException {
        Fixture f = fixture();
        Path sweep = f.sweep("set: {log: runs.log}\naxes: {x: [1, 2, 3, 4, 5, 6]}\n");
        SweepPlan plan = Sweeps.plan(sweep);
        Path dir = tmp.resolve("out");
        Sweeps.run(plan, dir, 1, 1, 3, out);     // only shard 1 of 3: runs 1 and 4
        assertEquals(2, lines(tmp.resolve("runs.log")));
        // what a run killed mid-way leaves: a partial output folder and a temporary result file
        String killed = plan.runs().get(2).id();
        Files.createDirectories(dir.resolve("outputs").resolve(killed));
        Files.writeString(dir.resolve("outputs").resolve(killed).resolve("series.csv"), "time_s,y\n0,");
        Files.writeString(dir.resolve("outputs").resolve(killed).resolve("." + killed + ".json.999-1.tmp"), "{\"id\": \"");
        Collected partial = Collector.collect(dir);
        assertEquals(List.of(0, 2, 3, 5), partial.missing().stream().map(Run::index).toList());
        assertTrue(text(dir.resolve("report.html")).contains("not run yet"), "the report lists the missing runs");

        Sweeps.run(Sweeps.plan(sweep), dir, 2, 0, 1, out);
        assertEquals(6, lines(tmp.resolve("runs.log")), "the 2 finished runs were not recomputed");
        assertTrue(Collector.collect(dir).missing().isEmpty());
        assertFalse(Files.exists(dir.resolve("outputs").resolve(killed)), "leftovers of the killed run are gone");
        try (Stream<Path> done = Files.list(dir.resolve("done"))) {
            assertEquals(6, done.count(), "only whole results in done/");
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("6 runs here, 2 finished earlier, 4 to run with 2 workers"), log.toString());
    }

    @Test
    void addingAxisValuesReusesTheFinishedRuns() throws IOException {
        Fixture f = fixture();
        f.sweep("set: {log: runs.log}\naxes: {x: [1, 2]}\n");
        Sweeps.run(Sweeps.plan(tmp.resolve("sweep.yaml")), tmp.resolve("out"), 1, 0, 1, out);
        f.sweep("set: {log: runs.log}\naxes: {x: [0, 1, 2, 3]}\n");
        Sweeps.run(Sweeps.plan(tmp.resolve("sweep.yaml")), tmp.resolve("out"), 1, 0, 1, out);
        assertEquals(4, lines(tmp.resolve("runs.log")));
        assertEquals(5, text(tmp.resolve("out/results.csv")).lines().count());
    }

    @Test
    void anUnknownScenarioFieldIsReportedAtTheSweepField() {
        Fixture f = fixture();
        String m = assertThrows(PacketGridException.class, () -> Sweeps.run(Sweeps.plan(f.sweep("axes:\n  nested.b: [1, 2]\n")),
                tmp.resolve("out"), 1, 0, 1, out)).userMessage();
        assertEquals("sweep.yaml:3: axes.nested.b: unknown field 'b' (known: a)", m);
    }

    @Test
    void aBadValueIsReportedAtTheSweepField() {
        Fixture f = fixture();
        String m = assertThrows(PacketGridException.class, () -> Sweeps.run(Sweeps.plan(f.sweep("axes:\n  n: [1, ten]\n")),
                tmp.resolve("out"), 1, 0, 1, out)).userMessage();
        assertEquals("sweep.yaml:3: axes.n: expected an integer, got 'ten'", m);
    }

    @Test
    void aValueTheStudyRefusesNamesTheSweepFieldAndValue() {
        Fixture f = fixture();
        String m = assertThrows(PacketGridException.class, () -> Sweeps.run(Sweeps.plan(f.sweep("zip:\n  - nested.a: [1, -1]\n")),
                tmp.resolve("out"), 1, 0, 1, out)).userMessage();
        assertEquals("sweep.yaml:3: zip[0].nested.a: value -1 is refused: nested: a must be ≥ 0, got -1.0", m);
        String top = assertThrows(PacketGridException.class, () -> Sweeps.run(Sweeps.plan(f.sweep("axes: {n: [-1]}\n")),
                tmp.resolve("out2"), 1, 0, 1, out)).userMessage();
        assertEquals("sweep.yaml: p0 seed 1 (n=-1): base.yaml: n must be ≥ 0, got -1", top);
    }

    @Test
    void aFailedRunIsRecordedTheOthersFinishAndARerunRetriesIt() throws IOException {
        Fixture f = fixture();
        Path dir = tmp.resolve("out");
        SweepPlan plan = Sweeps.plan(f.sweep("axes: {label: [a, fail, b]}\n"));
        String m = assertThrows(PacketGridException.class, () -> Sweeps.run(plan, dir, 1, 0, 1, out)).userMessage();
        assertEquals(dir + ": 1 of 3 runs failed (first: p1 seed 1: federate 'probe' at 1s: power flow diverged); "
                + "see failed/ there; run the sweep again to retry them", m);
        assertEquals(3, text(dir.resolve("results.csv")).lines().count(), "the other runs are merged");
        Collected c = Collector.read(dir);
        assertEquals(List.of(1), c.missing().stream().map(Run::point).toList());
        assertEquals("federate 'probe' at 1s: power flow diverged", c.failures().get(plan.runs().get(1).id()));
    }

    @Test
    void aMisspeltMetricStopsTheSweepAfterSavingTheFirstRun() throws IOException {
        Fixture f = fixture();
        Path dir = tmp.resolve("out");
        String m = assertThrows(PacketGridException.class, () -> Sweeps.run(Sweeps.plan(f.sweep("axes: {x: [1, 2, 3]}\nmetrics: [linear.yy]\n")),
                dir, 1, 0, 1, out)).userMessage();
        assertEquals("sweep.yaml:3: metrics[0]: variant 'linear' has no metric 'yy' (it has: y, label_len)", m);
        try (Stream<Path> done = Files.list(dir.resolve("done"))) {
            assertEquals(1, done.filter(p -> p.toString().endsWith(".json")).count());
        }
    }

    @Test
    void keptOutputsStayPerRun() {
        Fixture f = fixture();
        SweepPlan plan = Sweeps.plan(f.sweep("axes: {x: [1]}\nkeep_outputs: true\n"));
        Sweeps.run(plan, tmp.resolve("out"), 1, 0, 1, out);
        RunStore store = new RunStore(tmp.resolve("out"));
        assertTrue(Files.isRegularFile(store.outputs(plan.runs().get(0).id()).resolve("summary.json")));
        assertTrue(Files.isRegularFile(store.outputs(plan.runs().get(0).id()).resolve("series.csv")));
    }

    @Test
    void collectOfAFolderWithoutAPlanIsOneLine() {
        Path empty = tmp.resolve("empty");
        assertEquals(empty + ": not a sweep folder (no plan.json; run `sweep SWEEP.yaml --out " + empty + "` first)",
                assertThrows(PacketGridException.class, () -> Collector.collect(empty)).userMessage());
    }

    @Test
    void collectListsMissingRunsOfAPartialSweep() {
        Fixture f = fixture();
        SweepPlan plan = Sweeps.plan(f.sweep("axes: {x: [1, 2, 3, 4]}\n"));
        Sweeps.run(plan, tmp.resolve("out"), 1, 0, 2, out);
        Collected c = Collector.collect(tmp.resolve("out"));
        assertEquals(List.of(1, 3), c.missing().stream().map(Run::point).toList());
        assertEquals(2, c.finished());
    }
}
