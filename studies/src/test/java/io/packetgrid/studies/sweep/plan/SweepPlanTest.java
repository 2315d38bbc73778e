package io.packetgrid.studies.sweep.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.studies.sweep.Fixture;
import io.packetgrid.studies.sweep.spec.SweepFiles;
import io.packetgrid.studies.sweep.spec.Values;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlanTest {
    @TempDir
    Path tmp;

    private SweepPlan plan(String body) {
        return SweepPlan.of(SweepFiles.read(new Fixture(tmp).sweep(body)));
    }

    private static List<String> params(SweepPlan p) {
        return p.runs().stream().map(r -> r.point() + ":" + r.seed() + ":"
                + r.params().stream().map(Values::display).collect(Collectors.joining("/"))).toList();
    }

    @Test
    void cartesianProductInOdometerOrderWithZippedGroupsAndSeeds() {
        SweepPlan p = plan("axes:\n  x: [1, 2]\nzip:\n  - n: [3, 4]\n    label: [c, d]\nseeds: [5, 6]\n");
        assertEquals(List.of("x", "n", "label"), p.columns().stream().map(c -> c.column()).toList());
        assertEquals(List.of(
                "0:5:1/3/c", "0:6:1/3/c", "1:5:1/4/d", "1:6:1/4/d",
                "2:5:2/3/c", "2:6:2/3/c", "3:5:2/4/d", "3:6:2/4/d"), params(p));
        for (int i = 0; i < p.runs().size(); i++) {
            assertEquals(i, p.runs().get(i).index());
        }
    }

    @Test
    void theScenarioOfARunIsTheBaseWithOverridesAndSeed() {
        SweepPlan p = plan("set: {label: fixed}\naxes:\n  nested.a: [0.5]\n  x: [2]\nseeds: [9]\n");
        ObjectNode s = p.scenario(p.runs().get(0));
        assertEquals("fixed", s.get("label").asText());
        assertEquals(0.5, s.get("nested").get("a").doubleValue(), "a missing section is created");
        assertEquals(2, s.get("x").intValue());
        assertEquals(9, s.get("seed").longValue());
        assertEquals(2, s.get("n").intValue(), "untouched fields keep the base's values");
    }

    @Test
    void idsDependOnTheScenarioOnlyNotOnTheSweepsShape() {
        Map<String, String> a = ids(plan("axes:\n  x: [1, 2]\n  n: [3, 4]\nseeds: [1, 2]\n"));
        // another order of axes, an extra value, other seeds: the common runs keep their ids
        Map<String, String> b = ids(plan("axes:\n  n: [4, 3, 5]\n  x: [2, 1]\nseeds: [2, 1, 3]\n"));
        for (Map.Entry<String, String> e : a.entrySet()) {
            String key = e.getKey();
            String bKey = key.replaceFirst("x=(\\d) n=(\\d)", "n=$2 x=$1");
            assertEquals(e.getValue(), b.get(bKey), key);
        }
        assertEquals(a.size(), a.values().stream().distinct().count(), "distinct runs, distinct ids");
    }

    @Test
    void changingTheBaseScenarioChangesEveryId() {
        String before = plan("axes: {x: [1]}\n").runs().get(0).id();
        new Fixture(tmp).write("base.yaml", Fixture.BASE.replace("label: abc", "label: abd"));
        String after = SweepPlan.of(SweepFiles.read(tmp.resolve("sweep.yaml"))).runs().get(0).id();
        assertNotEquals(before, after);
        assertEquals(16, after.length());
    }

    @Test
    void idsAreIndependentOfKeyOrderInTheBaseScenario() {
        String a = plan("axes: {x: [1]}\n").runs().get(0).id();
        new Fixture(tmp).write("base.yaml", "label: abc\nn: 2\nx: 1.5\nseed: 1\nname: probe\nkind: sweep-test\n");
        assertEquals(a, SweepPlan.of(SweepFiles.read(tmp.resolve("sweep.yaml"))).runs().get(0).id());
    }

    private static Map<String, String> ids(SweepPlan p) {
        return p.runs().stream().collect(Collectors.toMap(r -> {
            StringBuilder k = new StringBuilder();
            for (int i = 0; i < p.columns().size(); i++) {
                k.append(p.columns().get(i).column()).append('=').append(Values.display(r.params().get(i))).append(' ');
            }
            return k.append("seed=").append(r.seed()).toString();
        }, Run::id, (x, y) -> x, java.util.LinkedHashMap::new));
    }
}
