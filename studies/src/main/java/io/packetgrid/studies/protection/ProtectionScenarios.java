package io.packetgrid.studies.protection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.studies.protection.scenario.ProtectionScenario;
import io.packetgrid.studies.protection.scenario.VariantSpec;
import io.packetgrid.studies.run.ScenarioText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading a protection scenario and expanding its variants. */
public final class ProtectionScenarios {
    /** The built-in example (also shipped as studies/scenarios/protection-example.yaml). */
    public static final String BUILT_IN = "/scenarios/protection-example.yaml";
    private static final Set<String> VARIABLE = Set.of("radio", "coexistence");

    /** A variant: its name, what it changes, and the scenario with the change applied. */
    public record Variant(String name, String description, ProtectionScenario scenario) {
    }

    private ProtectionScenarios() {
    }

    /** The built-in example's text. */
    public static String builtIn() {
        return ScenarioText.builtIn(BUILT_IN, "protection validate", "the built-in example");
    }

    /** The base scenario (strict; errors name file:line and field). */
    public static ProtectionScenario read(String text, String source) {
        return YamlFiles.read(text, source, ProtectionScenario.class);
    }

    /**
     * The scenario's variants with their changes merged in (the base alone, named {@code base}, when it has
     * none); {@code overrides} (e.g. samples, seed from the command line) apply to every variant.
     */
    public static List<Variant> variants(String text, String source, Map<String, Object> overrides) {
        ProtectionScenario base = read(text, source);
        ObjectNode root = overridden(text, source, overrides);
        ObjectNode common = root.deepCopy();
        common.remove("variants");
        List<Variant> out = new ArrayList<>();
        if (base.variants().isEmpty()) {
            out.add(new Variant("base", "", YamlFiles.convert(common, source, ProtectionScenario.class)));
            return out;
        }
        for (int i = 0; i < base.variants().size(); i++) {
            VariantSpec v = base.variants().get(i);
            ObjectNode merged = common.deepCopy();
            if (v.set() != null && !v.set().isNull()) {
                if (!(v.set() instanceof ObjectNode set)) {
                    throw new PacketGridException(source + ": variants[" + i + "].set", "must be a mapping of fields");
                }
                Iterator<String> names = set.fieldNames();
                while (names.hasNext()) {
                    String k = names.next();
                    if (!VARIABLE.contains(k)) {
                        throw new PacketGridException(source + ": variants[" + i + "].set." + k,
                                "a variant may change radio and coexistence only (the faults and devices are common)");
                    }
                }
                merge(merged, set);
            }
            ProtectionScenario s;
            try {
                s = YamlFiles.convert(merged, source + ": variants[" + i + "]", ProtectionScenario.class);
            } catch (PacketGridException e) {
                throw e;
            }
            out.add(new Variant(v.name(), v.description(), s));
        }
        return out;
    }

    /**
     * The scenario with {@code overrides} applied and its variants unexpanded: what the run works from
     * (its {@code scenario.resolved.yaml}, {@code scenario show}).
     */
    public static ProtectionScenario base(String text, String source, Map<String, Object> overrides) {
        read(text, source);   // errors with line numbers first
        return YamlFiles.convert(overridden(text, source, overrides), source, ProtectionScenario.class);
    }

    private static ObjectNode overridden(String text, String source, Map<String, Object> overrides) {
        JsonNode tree = YamlFiles.read(text, source, JsonNode.class);
        if (!(tree instanceof ObjectNode root)) {
            throw new PacketGridException(source, "a scenario must be a mapping of fields");
        }
        for (Map.Entry<String, Object> o : overrides.entrySet()) {
            root.set(o.getKey(), YamlFiles.mapper().valueToTree(o.getValue()));
        }
        return root;
    }

    /** Deep merge: maps key by key, anything else replaces. */
    static void merge(ObjectNode into, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = into.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n) {
                merge(o, n);
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }
}
