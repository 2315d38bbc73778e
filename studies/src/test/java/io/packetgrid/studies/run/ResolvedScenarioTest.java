package io.packetgrid.studies.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.scenario.ScenarioWriter;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.kinds.StudyKinds;
import io.packetgrid.studies.protection.ProtectionScenarios;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code scenario.resolved.yaml} cannot drift from the scenario records: for every scenario the project
 * ships (the built-in ones and every study file in {@code studies/scenarios/}, so a scenario added
 * there is covered too), the written effective scenario (1) holds every component of every scenario
 * record, recursively, under its YAML name, and (2) reads back as a record equal to the one parsed from
 * the original, so running it runs the same study.
 */
class ResolvedScenarioTest {

    static Stream<Path> scenarios() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("src/main/resources/scenarios/default.yaml"));
        files.add(root.resolve("src/main/resources/scenarios/protection-example.yaml"));
        try (Stream<Path> s = Files.list(root.resolve("scenarios"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        return files.stream().filter(p -> {
            try {
                return Files.readString(p).lines().anyMatch(l -> l.startsWith("kind:"));   // sweep files have none
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The scenario record of a file, as the command that runs it reads it. */
    static Object parse(String text, String source, Path dir) {
        JsonNode tree = YamlFiles.read(text, source, JsonNode.class);
        String kind = tree.get("kind").asText();
        if (kind.equals("protection")) {
            return ProtectionScenarios.base(text, source, Map.of());
        }
        return StudyKinds.of(kind, source).scenario((ObjectNode) tree, source, dir);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theResolvedScenarioHoldsEveryFieldAndReadsBackEqual(Path file) throws IOException {
        Object parsed = parse(Files.readString(file), file.getFileName().toString(), file.getParent());
        String yaml = ScenarioWriter.yaml(parsed, file.getParent());
        JsonNode tree = YamlFiles.read(yaml, "resolved", JsonNode.class);
        List<String> missing = new ArrayList<>();
        everyComponent(parsed.getClass(), tree, "", missing);
        assertTrue(missing.isEmpty(), file.getFileName() + ": fields the resolved scenario lacks: " + missing);
        Object back = parse(yaml, "resolved", null);
        if (!parsed.equals(back)) {
            // a file beside the scenario (a script, fusion-grid/cell.dss) is written with its absolute path: the records
            // differ by that path only, so both, written out with the scenario's folder, are the same bytes
            assertEquals(yaml, ScenarioWriter.yaml(back, file.getParent()), file.getFileName()
                    + ": the resolved scenario reads back as another scenario, first at " + firstDifference(parsed, back, ""));
        }
        assertEquals(yaml, ScenarioWriter.yaml(back, null), "written twice, the same bytes");
    }

    /** Where two records first differ (for the failure message). */
    static String firstDifference(Object a, Object b, String path) {
        if (a != null && b != null && a.getClass().isRecord() && a.getClass() == b.getClass()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                try {
                    Object x = c.getAccessor().invoke(a);
                    Object y = c.getAccessor().invoke(b);
                    if (!java.util.Objects.equals(x, y)) {
                        return firstDifference(x, y, path + "." + c.getName());
                    }
                } catch (ReflectiveOperationException e) {
                    return path + ": " + e;
                }
            }
        }
        if (a instanceof List<?> x && b instanceof List<?> y && x.size() == y.size()) {
            for (int i = 0; i < x.size(); i++) {
                if (!java.util.Objects.equals(x.get(i), y.get(i))) {
                    return firstDifference(x.get(i), y.get(i), path + "[" + i + "]");
                }
            }
        }
        return path + ": " + a + " (" + (a == null ? "" : a.getClass().getSimpleName()) + ") vs " + b;
    }

    /** Adds to {@code missing} every record component (recursively) that has no key in {@code node}. */
    static void everyComponent(Class<?> type, JsonNode node, String path, List<String> missing) {
        if (!type.isRecord() || node == null || !node.isObject()) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
            String name = p != null && !p.value().isEmpty() ? p.value() : c.getName();
            String where = path.isEmpty() ? name : path + "." + name;
            if (!node.has(name)) {
                missing.add(where);
                continue;
            }
            JsonNode child = node.get(name);
            everyComponent(c.getType(), child, where, missing);
            if (List.class.isAssignableFrom(c.getType()) && child.isArray()) {
                Type t = c.getGenericType();
                if (t instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> element) {
                    for (int i = 0; i < child.size(); i++) {
                        everyComponent(element, child.get(i), where + "[" + i + "]", missing);
                    }
                }
            }
        }
    }
}
