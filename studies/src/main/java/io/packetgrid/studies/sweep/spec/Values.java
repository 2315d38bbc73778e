package io.packetgrid.studies.sweep.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.record.CsvFormat;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Scenario values (YAML nodes) in canonical, byte-stable spellings: for ids, CSV cells and comparisons. */
public final class Values {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Values() {
    }

    /**
     * Canonical JSON: mapping keys sorted, no spaces, numbers as written by Jackson (integers as
     * integers, doubles as {@link Double#toString}). Two trees with the same canonical text are the
     * same scenario.
     */
    public static String canonical(JsonNode node) {
        try {
            return PLAIN.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> m = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                m.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            m.forEach(o::set);
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            node.forEach(c -> a.add(sorted(c)));
            return a;
        }
        return node;
    }

    /** True when two values are the same for a sweep (numbers compared by value: 5 equals 5.0). */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        return canonical(a).equals(canonical(b));
    }

    static BigDecimal decimal(JsonNode n) {
        return n.isIntegralNumber() ? new BigDecimal(n.bigIntegerValue()) : BigDecimal.valueOf(n.doubleValue());
    }

    /**
     * A CSV cell: numbers as {@link CsvFormat#number} (shortest round-trip decimal, integral values
     * without {@code .0}), text quoted when needed, sections as canonical JSON, null/missing empty.
     */
    public static String cell(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            return CsvFormat.number(v.doubleValue());
        }
        if (v.isTextual()) {
            return CsvFormat.text(v.textValue());
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.booleanValue());
        }
        return CsvFormat.text(canonical(v));
    }

    /** A value as a user reads it in a message or a plot legend. */
    public static String display(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "";
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber() && !v.isIntegralNumber()) {
            return CsvFormat.number(v.doubleValue());
        }
        return v.isContainerNode() ? canonical(v) : v.asText();
    }

    /** What kind of YAML value a node is, for messages. */
    public static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "empty";
        }
        if (v.isObject()) {
            return "a section";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "true/false";
        }
        return "a text";
    }
}
