package io.packetgrid.cosim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The effective-scenario writer: what it writes reads back as an equal record, deterministically. */
class ScenarioWriterTest {
    enum Colour { DARK_RED, BLUE }

    record Inner(@JsonProperty("rate_hz") Double rateHz, @JsonProperty("colour") Colour colour) {
        Inner {
            rateHz = rateHz == null ? 0.5 : rateHz;
            colour = colour == null ? Colour.DARK_RED : colour;
        }
    }

    record Sample(@JsonProperty(value = "kind", required = true) String kind,
                  @JsonProperty("seed") Long seed,
                  @JsonProperty("step") SimDuration step,
                  @JsonProperty("script") @JsonSerialize(using = ScenarioWriter.FilePath.class) String script,
                  @JsonProperty("bus") String bus,
                  @JsonProperty("inner") Inner inner,
                  @JsonProperty("list") List<Inner> list,
                  @JsonProperty("shares") Map<Colour, Double> shares,
                  @JsonProperty("weights") Map<String, Double> weights,
                  @JsonProperty("maybe") Double maybe,
                  Integer plain) {
        Sample {
            seed = seed == null ? 7L : seed;
            step = step == null ? SimDuration.parse("10s") : step;
            inner = inner == null ? new Inner(null, null) : inner;
            list = list == null ? List.of() : List.copyOf(list);
            shares = shares == null ? Map.of() : Map.copyOf(shares);
            weights = weights == null ? Map.of() : weights;
            plain = plain == null ? 3 : plain;
        }

        /** A helper named like a getter: not a scenario field, never written. */
        public double getTwiceSeed() {
            return 2.0 * seed;
        }
    }

    @Test
    void defaultsAreFilledInAndReadBackEqual() {
        Sample s = YamlFiles.read("kind: x\nscript: feeders/a.dss\nbus: \"1\"\nlist: [{rate_hz: 1e-4, colour: blue}]\n"
                + "shares: {blue: 0.25, dark_red: 0.75}\nweights: {slg: 0.75, ll: 0.1, 3ph: 0.15}\n", "s.yaml", Sample.class);
        Path dir = Path.of("/data/study");
        String yaml = ScenarioWriter.yaml(s, dir);
        assertTrue(yaml.contains("seed: 7\n"), yaml);
        assertTrue(yaml.contains("step: 10s\n"), yaml);
        assertTrue(yaml.contains("colour: dark_red\n"), "enums lower-case as scenario files write them:\n" + yaml);
        assertTrue(yaml.contains("script: /data/study/feeders/a.dss\n"), "paths absolute against the scenario's folder:\n" + yaml);
        assertTrue(yaml.contains("bus: \"1\"\n"), "a name that looks like a number stays a text:\n" + yaml);
        assertTrue(yaml.contains("maybe: null\n"), "an unset optional field is shown:\n" + yaml);
        assertFalse(yaml.contains("twice"), "helper methods are not fields:\n" + yaml);
        assertTrue(yaml.contains("plain: 3\n"), "a component without annotation is a field too (the reader binds it):\n" + yaml);
        // Map.copyOf iterates in an order that changes from JVM to JVM: keys are sorted (enums in declaration order)
        assertTrue(yaml.indexOf("dark_red:") < yaml.indexOf("blue:"), "map keys sorted:\n" + yaml);
        // a map read from the file keeps the file's order (a study may draw in it)
        assertTrue(yaml.contains("weights:\n  slg: 0.75\n  ll: 0.1\n  \"3ph\": 0.15\n"), yaml);
        Sample back = YamlFiles.read(yaml, "resolved.yaml", Sample.class);
        assertEquals(new Sample("x", 7L, SimDuration.parse("10s"), "/data/study/feeders/a.dss", "1", new Inner(0.5, Colour.DARK_RED),
                List.of(new Inner(1e-4, Colour.BLUE)), Map.of(Colour.BLUE, 0.25, Colour.DARK_RED, 0.75),
                Map.of("slg", 0.75, "ll", 0.1, "3ph", 0.15), null, 3), back);
        assertEquals(List.of("slg", "ll", "3ph"), List.copyOf(back.weights().keySet()));
        assertEquals(yaml, ScenarioWriter.yaml(back, Path.of("/elsewhere")), "written again: the same bytes");
    }

    @Test
    void builtInNamesAndAbsolutePathsStayAsTheyAre() {
        assertEquals("builtin:european-lv", ScenarioWriter.FilePath.absolute("builtin:european-lv", Path.of("/x")));
        assertEquals("/a/b.dss", ScenarioWriter.FilePath.absolute("/a/./b.dss", Path.of("/x")));
        assertEquals("/x/b.dss", ScenarioWriter.FilePath.absolute("y/../b.dss", Path.of("/x")));
    }
}
