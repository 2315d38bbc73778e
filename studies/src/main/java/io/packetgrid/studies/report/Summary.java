package io.packetgrid.studies.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A study's {@code summary.json}: study facts and an object {@code variants}, one entry per variant
 * holding its metrics under the names of CLI.md ({@code tracking_mae_pct}, {@code v_min_pu}, …).
 * Keys keep insertion order and numbers print as shortest round-trip decimals, so the same run
 * writes the same bytes.
 */
public final class Summary {
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode variants;
    private final Map<String, ObjectNode> byName = new LinkedHashMap<>();

    public Summary(String study, String scenario, long seed) {
        root.put("study", study);
        root.put("scenario", scenario);
        root.put("seed", seed);
        variants = root.putObject("variants");
    }

    /** Top-level facts (e.g. duration, households). */
    public ObjectNode root() {
        return root;
    }

    /** The metrics object of a variant, created on first use (order of first use is kept). */
    public ObjectNode variant(String name) {
        return byName.computeIfAbsent(name, variants::putObject);
    }

    public Map<String, ObjectNode> variants() {
        return byName;
    }

    /** The content of {@code dir/summary.json}. */
    public static com.fasterxml.jackson.databind.JsonNode read(Path dir) {
        Path file = dir.resolve("summary.json");
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** Replaces NaN numbers in the tree by null; returns the path of the first infinite number, or null if none. */
    static String finite(JsonNode node, String path) {
        if (node instanceof ObjectNode o) {
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String bad = check(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e::setValue);
                if (bad != null) {
                    return bad;
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                int at = i;
                String bad = check(a.get(i), path + "[" + i + "]", v -> a.set(at, v));
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    private static String check(JsonNode v, String path, java.util.function.Consumer<JsonNode> replace) {
        if (v.isFloatingPointNumber() && Double.isNaN(v.doubleValue())) {
            replace.accept(NullNode.getInstance());
            return null;
        }
        if (v.isFloatingPointNumber() && Double.isInfinite(v.doubleValue())) {
            return path;
        }
        return finite(v, path);
    }

    /**
     * Writes {@code dir/summary.json} atomically (temporary file, then rename). JSON never holds a
     * non-finite number: a NaN metric (one that does not apply) is written as null, and an infinite one
     * (a computation that overflowed) fails the run naming the metric, before anything is written.
     */
    public Path write(Path dir) {
        Path file = dir.resolve("summary.json");
        String infinite = finite(root, "");
        if (infinite != null) {
            throw new PacketGridException(file + ": " + infinite, "is infinite (a computation overflowed: check the scenario's values)");
        }
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("summary.json.tmp");
            Files.writeString(tmp, JSON.writeValueAsString(root) + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }
}
