package io.packetgrid.cosim.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.message.FixedDelayNetwork;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.record.CsvRecorder;
import io.packetgrid.cosim.record.SeriesWriter;
import io.packetgrid.cosim.scenario.SimDuration;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.cosim.value.ValueKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-federate scenario (read from YAML) with random behaviour, a lossy network, values,
 * same-time iteration and recordings: the same seed must give byte-identical files on 1, 2 or 4
 * threads, run after run; another seed must not.
 */
class DeterminismTest {

    record NetworkSpec(@JsonProperty(required = true) SimDuration delay, double loss) {
    }

    record FedSpec(@JsonProperty(required = true) String name, @JsonProperty(required = true) SimDuration step,
                   double sendProbability) {
    }

    record Scenario(long seed, @JsonProperty(required = true) SimDuration duration, NetworkSpec network,
                    List<FedSpec> federates) {
    }

    private static final String YAML = """
            seed: 2026
            duration: 10m
            network: {delay: 3ms, loss: 0.2}
            federates:
            """ + houses(24) + """
              - {name: aggregator, step: 1m}
            """;

    private static String houses(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("  - {name: house").append(i).append(", step: ").append(i % 3 == 0 ? "10s" : "7s")
                    .append(", sendProbability: 0.3}\n");
        }
        return b.toString();
    }

    /** A house: a random walk of power, sometimes a request to the aggregator; echoes replies. */
    static final class House implements Federate {
        final FedSpec spec;
        final ValueKey<Double> power;
        final ValueKey<Double> price = ValueKey.ofDouble("aggregator/price", 1e-12);
        double p = 1;
        SeriesWriter series;

        House(FedSpec spec) {
            this.spec = spec;
            this.power = ValueKey.ofDouble(spec.name() + "/p_kw", 1e-12);
        }

        @Override
        public String name() {
            return spec.name();
        }

        @Override
        public long initialize(Setup s) {
            s.publishes(power, p);
            s.wakesOn(price);
            s.endpoint(spec.name());
            series = s.series("houses/" + spec.name(), List.of("p_kw", "price"));
            return 0;
        }

        @Override
        public long step(Step st) {
            double pr = st.read(price);
            if (st.iteration() == 0) {
                p = Math.max(0, p + (st.random().nextDouble() - 0.5) * 0.2 - 0.05 * pr);
                if (st.random().nextDouble() < spec.sendProbability()) {
                    st.send(spec.name(), "aggregator", p, 24, "mmtc");
                }
                for (Message m : st.inbox()) {
                    st.event("reply", spec.name() + " got " + m.payload());
                }
            }
            st.publish(power, p / (1 + 0.01 * pr));
            st.row(series, p, pr);
            return st.now() + spec.step().ns();
        }
    }

    /** The aggregator: sums powers, answers requests, and sets a price the houses react to at once. */
    static final class Aggregator implements Federate {
        final List<ValueKey<Double>> powers;
        final ValueKey<Double> price = ValueKey.ofDouble("aggregator/price", 1e-12);
        final long step;
        SeriesWriter series;

        Aggregator(List<FedSpec> houses, long step) {
            this.powers = houses.stream().map(h -> ValueKey.ofDouble(h.name() + "/p_kw", 1e-12)).toList();
            this.step = step;
        }

        @Override
        public String name() {
            return "aggregator";
        }

        @Override
        public long initialize(Setup s) {
            s.publishes(price, 0.0);
            powers.forEach(s::wakesOn);
            s.endpoint("aggregator");
            s.after("house0");
            series = s.series("aggregator", List.of("total_kw", "price"));
            return 0;
        }

        @Override
        public long step(Step st) {
            double total = 0;
            for (ValueKey<Double> k : powers) {
                total += st.read(k);
            }
            for (Message m : st.inbox()) {
                st.send("aggregator", m.from(), "ok:" + m.id(), 8, "mmtc");
            }
            double pr = Math.max(0, total - 20) * 0.1;
            st.publish(price, pr);
            st.row(series, total, pr);
            long next = (st.now() / step + 1) * step;
            return next;
        }
    }

    private static Path run(String yaml, Path dir, int threads, Long seedOverride) {
        Scenario s = YamlFiles.read(yaml, "determinism.yaml", Scenario.class);
        long seed = seedOverride != null ? seedOverride : s.seed();
        Federation f = new Federation();
        List<FedSpec> houses = s.federates().stream().filter(x -> x.name().startsWith("house")).toList();
        houses.forEach(h -> f.add(new House(h)));
        f.add(new Aggregator(houses, s.federates().get(s.federates().size() - 1).step().ns()));
        f.network(streams -> new FixedDelayNetwork(s.network().delay().ns(), s.network().loss(), streams.stream("network")));
        try (CsvRecorder rec = new CsvRecorder(dir)) {
            f.recorder(rec);
            RunReport r = f.run(new KernelOptions(seed, s.duration().ns(), threads, 100));
            assertTrue(r.messagesDelivered() > 100 && r.droppedTotal() > 10 && r.iterations() > 0, r.toString());
        }
        return dir;
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        List<Path> fa;
        List<Path> fb;
        try (Stream<Path> s = Files.walk(a)) {
            fa = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        }
        try (Stream<Path> s = Files.walk(b)) {
            fb = s.filter(Files::isRegularFile).map(b::relativize).sorted().toList();
        }
        assertEquals(fa, fb);
        assertEquals(26, fa.size(), "24 houses, the aggregator, the event log");
        for (Path p : fa) {
            assertArrayEquals(Files.readAllBytes(a.resolve(p)), Files.readAllBytes(b.resolve(p)), p.toString());
        }
    }

    @Test
    void sameSeedGivesByteIdenticalRecordingsOnAnyNumberOfThreads(@TempDir Path tmp) throws IOException {
        Path one = run(YAML, tmp.resolve("t1"), 1, null);
        assertSameFiles(one, run(YAML, tmp.resolve("t1-again"), 1, null));
        assertSameFiles(one, run(YAML, tmp.resolve("t2"), 2, null));
        assertSameFiles(one, run(YAML, tmp.resolve("t4"), 4, null));
    }

    @Test
    void anotherSeedGivesOtherResults(@TempDir Path tmp) throws IOException {
        Path a = run(YAML, tmp.resolve("a"), 1, null);
        Path b = run(YAML, tmp.resolve("b"), 1, 2027L);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("aggregator.csv")),
                Files.readAllBytes(b.resolve("aggregator.csv"))));
    }
}
