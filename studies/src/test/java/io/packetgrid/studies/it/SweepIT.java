package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.packetgrid.studies.sweep.testkind.TestKindsAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep} end to end through the real {@code ./packetgrid} launcher, with the test-only study
 * kind loaded by a Java agent ({@code PACKETGRID_JAVA_OPTS=-javaagent:…}): a worker process killed
 * mid-sweep and resumed, shards in separate processes, and one-line errors.
 */
class SweepIT {
    private static final String BASE = """
            kind: sweep-test
            seed: 1
            x: 1.5
            n: 2
            label: abc
            log: runs.log
            """;
    private static final String SWEEP = """
            name: resume
            base: base.yaml
            set: {work_ms: %d}
            axes:
              x: [1, 2, 3, 4, 5, 6, 7, 8]
            seeds: [1, 2]
            metrics: [y, z]
            """;

    @TempDir
    static Path agentDir;
    static Map<String, String> env;

    /** Packs the test-only study kind and its agent into a jar for -javaagent. */
    @BeforeAll
    static void agentJar() throws IOException {
        Path classes = Path.of(TestKindsAgent.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path pkg = classes.resolve(TestKindsAgent.class.getPackageName().replace('.', '/'));
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(new Attributes.Name("Premain-Class"), TestKindsAgent.class.getName());
        Path jar = agentDir.resolve("sweep-test-kind.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf); Stream<Path> files = Files.list(pkg)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        env = Map.of("PACKETGRID_JAVA_OPTS", "-javaagent:" + jar);
    }

    private static Path sweep(Path dir, int workMs) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), BASE);
        return Files.writeString(dir.resolve("sweep.yaml"), SWEEP.formatted(workMs));
    }

    private static Launcher.Result pg(Path dir, String... args) {
        return Launcher.run(dir, env, 300, args);
    }

    private static Launcher.Result pg(Path dir, Map<String, String> extraEnv, String... args) {
        Map<String, String> e = new HashMap<>(env);
        e.putAll(extraEnv);
        return Launcher.run(dir, e, 300, args);
    }

    private static long doneFiles(Path out) throws IOException {
        Path done = out.resolve("done");
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(done)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void aWorkerKilledMidSweepResumesAndLosesAtMostItsRunInProgress(@TempDir Path dir) throws Exception {
        sweep(dir, 300);
        List<String> cmd = List.of(Launcher.root().resolve("packetgrid").toString(), "sweep", "sweep.yaml", "--out", "out", "--workers", "1");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("first.out").toFile()).redirectError(dir.resolve("first.err").toFile());
        pb.environment().put("PACKETGRID_NO_BUILD", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (doneFiles(dir.resolve("out")) < 5 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the sweep must still be running when it is killed:\n" + Files.readString(dir.resolve("first.out")));
        p.destroyForcibly();   // SIGKILL: the launcher exec's java, so this is the JVM itself
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        long finished = doneFiles(dir.resolve("out"));
        List<String> before = Files.readAllLines(dir.resolve("runs.log"));
        assertTrue(finished >= 5 && finished < 16, "finished before the kill: " + finished);
        assertTrue(before.size() == finished || before.size() == finished + 1,
                "at most one run was in progress: " + before.size() + " started, " + finished + " saved");
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> s = Files.list(dir.resolve("out/done"))) {
            for (Path f : s.filter(x -> !x.getFileName().toString().startsWith(".")).toList()) {
                assertTrue(json.readTree(f.toFile()).has("summary"), "a saved result is whole: " + f);
            }
        }

        Launcher.Result r = pg(dir, "sweep", "sweep.yaml", "--out", "out", "--workers", "1");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("16 runs here, " + finished + " finished earlier, " + (16 - finished) + " to run"), r.stdout());
        List<String> all = Files.readAllLines(dir.resolve("runs.log"));
        assertEquals(before.size() + (16 - finished), all.size(), "the rerun computed only the missing runs");
        Map<String, Long> perRun = all.stream().collect(Collectors.groupingBy(l -> l, Collectors.counting()));
        assertEquals(16, perRun.size(), "every run was computed");
        assertTrue(perRun.values().stream().filter(c -> c > 1).count() <= 1, "only the killed run was computed twice: " + perRun);

        Path clean = Files.createDirectories(dir.resolve("clean"));
        sweep(clean, 300);   // the same scenarios (work_ms is part of each run's id)
        Launcher.Result c = pg(clean, "sweep", "sweep.yaml", "--out", "out", "--workers", "2");
        assertEquals(0, c.exit(), c.stderr());
        assertArrayEquals(Files.readAllBytes(clean.resolve("out/results.csv")), Files.readAllBytes(dir.resolve("out/results.csv")),
                "resumed results equal an uninterrupted sweep's, byte for byte");
        assertEquals(17, Files.readAllLines(dir.resolve("out/results.csv")).size());
    }

    @Test
    void shardsRunInParallelProcessesMergeToTheLocalResults(@TempDir Path dir) throws Exception {
        sweep(dir, 0);
        Launcher.Result local = pg(dir, "sweep", "sweep.yaml", "--out", "local", "--workers", "2");
        assertEquals(0, local.exit(), local.stderr());
        List<Process> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ProcessBuilder pb = new ProcessBuilder(Launcher.root().resolve("packetgrid").toString(), "sweep", "sweep.yaml",
                    "--out", "sharded", "--task", String.valueOf(i), "--tasks", "3", "--workers", "1")
                    .directory(dir.toFile()).redirectOutput(dir.resolve("shard" + i + ".out").toFile())
                    .redirectError(dir.resolve("shard" + i + ".err").toFile());
            pb.environment().put("PACKETGRID_NO_BUILD", "1");
            pb.environment().putAll(env);
            shards.add(pb.start());
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(shards.get(i).waitFor(300, TimeUnit.SECONDS));
            assertEquals(0, shards.get(i).exitValue(), Files.readString(dir.resolve("shard" + i + ".err")));
            assertTrue(Files.readString(dir.resolve("shard" + i + ".out")).contains("merge the shards with: packetgrid sweep collect sharded"));
        }
        Launcher.Result merged = pg(dir, "sweep", "collect", "sharded");
        assertEquals(0, merged.exit(), merged.stderr());
        assertTrue(merged.stdout().startsWith("results: " + dir.resolve("sharded/results.csv").toRealPath() + " (16 of 16 runs: 8 points × 2 seeds)"),
                merged.stdout());
        assertArrayEquals(Files.readAllBytes(dir.resolve("local/results.csv")), Files.readAllBytes(dir.resolve("sharded/results.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("local/stats.csv")), Files.readAllBytes(dir.resolve("sharded/stats.csv")));
    }

    @Test
    void collectOfAnUnfinishedSweepListsTheMissingRunsAndExits1(@TempDir Path dir) throws Exception {
        sweep(dir, 0);
        assertEquals(0, pg(dir, "sweep", "sweep.yaml", "--out", "out", "--task", "0", "--tasks", "8").exit());
        Launcher.Result r = pg(dir, "sweep", "collect", "out");
        assertEquals(1, r.exit());
        assertEquals(14, r.stdout().lines().filter(l -> l.startsWith("missing p")).count(), r.stdout());
        assertTrue(r.stdout().contains("missing p0 seed 2 ["), r.stdout());
        assertEquals("packetgrid: out: 14 of 16 runs missing (listed above); run the sweep again with --out out to compute them\n", r.stderr());
        assertEquals(3, Files.readAllLines(dir.resolve("out/results.csv")).size(), "the finished runs are merged anyway");
    }

    @Test
    void aBadSweepFileIsOneLineAndExit1(@TempDir Path dir) throws Exception {
        sweep(dir, 0);
        Files.writeString(dir.resolve("bad-path.yaml"), "base: base.yaml\naxes:\n  nested.b: [1, 2]\n");
        Launcher.Result r = pg(dir, "sweep", "bad-path.yaml", "--out", "o1");
        assertEquals(1, r.exit());
        assertEquals("packetgrid: bad-path.yaml:3: axes.nested.b: unknown field 'b' (known: a)\n", r.stderr());

        Files.writeString(dir.resolve("bad-range.yaml"), "base: base.yaml\naxes:\n  x: {from: 0, to: 1, step: 0}\n");
        r = pg(dir, "sweep", "bad-range.yaml", "--out", "o2");
        assertEquals(1, r.exit());
        assertEquals("packetgrid: bad-range.yaml:3: axes.x: range step must not be 0\n", r.stderr());

        r = pg(dir, "sweep", "missing.yaml");
        assertEquals(1, r.exit());
        assertEquals("packetgrid: missing.yaml: no such sweep file\n", r.stderr());
    }

    @Test
    void usageErrorsExit2(@TempDir Path dir) throws Exception {
        sweep(dir, 0);
        Launcher.Result r = pg(dir, "sweep", "sweep.yaml", "--task", "1");
        assertEquals(2, r.exit());
        assertTrue(r.stderr().startsWith("packetgrid: --task needs --tasks N\n"), r.stderr());
        r = pg(dir, "sweep", "sweep.yaml", "--task", "3", "--tasks", "3");
        assertEquals(2, r.exit());
        assertTrue(r.stderr().startsWith("packetgrid: --task must be from 0 to 2 for --tasks 3, got 3\n"), r.stderr());
    }

    @Test
    void withoutSlurmTheScriptIsPrintedAndTheErrorIsOneLine(@TempDir Path dir) throws Exception {
        sweep(dir, 0);
        Launcher.Result r = pg(dir, Map.of("PACKETGRID_SBATCH", dir.resolve("no-sbatch-here").toString()),
                "sweep", "sweep.yaml", "--out", "out", "--slurm", "--tasks", "4");
        assertEquals(1, r.exit());
        assertTrue(r.stdout().contains("#SBATCH --array=0-3\n"), r.stdout());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("packetgrid: --slurm: Slurm is not available here: " + dir.resolve("no-sbatch-here") + " not found"), r.stderr());
        assertTrue(Files.isRegularFile(dir.resolve("out/slurm/sweep.sbatch")), "the scripts are kept for submission by hand");
    }
}
