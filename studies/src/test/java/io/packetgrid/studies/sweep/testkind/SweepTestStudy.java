package io.packetgrid.studies.sweep.testkind;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.report.Summary;
import io.packetgrid.studies.run.RunContext;
import io.packetgrid.studies.run.Study;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A test-only study kind ({@code kind: sweep-test}) whose metrics are simple functions of its scenario
 * fields and seed, so sweep results can be checked by hand:
 * <ul>
 * <li>{@code linear.y = x·n + seed + nested.a}, {@code linear.label_len} = length of {@code label};</li>
 * <li>{@code noisy.z = x + u}, u the first double of the kernel's stream "noise" for the seed.</li>
 * </ul>
 * {@code work_ms} makes a run last (for kill/resume tests), {@code spin} burns CPU deterministically
 * (for speed-up benchmarks), {@code log} appends one line per run to a file (to count executions),
 * and {@code label: fail} fails the run the way a diverging simulation would.
 */
public final class SweepTestStudy implements Study {
    public static final String KIND = "sweep-test";

    record Nested(double a) {
        Nested {
            if (a < 0) {
                throw new IllegalArgumentException("a must be ≥ 0, got " + a);
            }
        }
    }

    record Scenario(@JsonProperty(required = true) String kind, String name, Long seed, double x, int n, String label,
                    Nested nested, @JsonProperty("work_ms") long workMs, long spin, String log) {
        Scenario {
            if (n < 0) {
                throw new IllegalArgumentException("n must be ≥ 0, got " + n);
            }
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Object scenario(JsonNode tree, String source, Path scenarioDir) {
        return YamlFiles.convert(tree, source, Scenario.class);
    }

    @Override
    public Summary run(JsonNode tree, String source, RunContext ctx) {
        Scenario s = YamlFiles.convert(tree, source, Scenario.class);
        long seed = s.seed() == null ? 0 : s.seed();
        if (s.log() != null) {
            Path log = ctx.scenarioDir().resolve(s.log());
            String line = seed + " " + s.x() + " " + s.n() + " " + s.label() + "\n";
            try {
                Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (s.workMs() > 0) {
            try {
                Thread.sleep(s.workMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long h = seed;
        for (long i = 0; i < s.spin(); i++) {
            h = h * 6364136223846793005L + 1442695040888963407L;   // Knuth's MMIX LCG: deterministic busy work
        }
        if ("fail".equals(s.label())) {
            throw new PacketGridException("federate 'probe' at 1s", "power flow diverged");
        }
        Summary sum = new Summary(KIND, source, seed);
        double a = s.nested() == null ? 0 : s.nested().a();
        sum.variant("linear").put("y", s.x() * s.n() + seed + a).put("label_len", s.label() == null ? 0 : s.label().length());
        double u = new RandomStreams(seed).stream("noise").nextDouble();
        sum.variant("noisy").put("z", s.x() + u).put("spin_checksum", s.spin() == 0 ? 0 : h & 0xffff);
        try {
            Files.createDirectories(ctx.outDir());
            Files.writeString(ctx.outDir().resolve("series.csv"), "time_s,y\n0," + (s.x() * s.n()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sum.write(ctx.outDir());
        return sum;
    }
}
