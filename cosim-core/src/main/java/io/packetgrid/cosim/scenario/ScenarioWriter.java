package io.packetgrid.cosim.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a parsed scenario back as YAML: the <em>effective</em> scenario, every default filled in
 * ({@code scenario show}, {@code scenario.resolved.yaml}). It serialises the very records that
 * {@link YamlFiles} read, through the names of their {@code @JsonProperty} annotations, so the reader
 * and the writer share one schema: a field added to a scenario record appears here without a second
 * list, and reading the output again gives an equal record.
 *
 * <p>Output is deterministic: map entries sorted by key, enums lower-case as scenario files write
 * them, numbers as shortest round-trip decimals. Paths marked with {@link FilePath} are written
 * absolute (resolved against the scenario's folder), so the file runs from wherever it is kept.
 */
public final class ScenarioWriter {
    /** The writer attribute holding the scenario's folder ({@link Path}; absent for a built-in scenario). */
    static final String SCENARIO_DIR = "packetgrid.scenarioDir";

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            // only what a scenario file can hold: record components (and @JsonProperty/@JsonValue members),
            // never a helper method that happens to be named like a getter
            .disable(MapperFeature.AUTO_DETECT_GETTERS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build();

    private ScenarioWriter() {
    }

    /**
     * The scenario as YAML.
     *
     * @param scenario    a scenario record as {@link YamlFiles} produced it
     * @param scenarioDir the folder the scenario's relative paths resolve against (null: the working directory)
     */
    public static String yaml(Object scenario, Path scenarioDir) {
        try {
            return MAPPER.writer().withAttribute(SCENARIO_DIR, scenarioDir).writeValueAsString(scenario);
        } catch (JsonProcessingException e) {
            throw new PacketGridException("scenario", "cannot write the effective scenario: " + e.getOriginalMessage());
        }
    }

    /** The scenario as a tree (the same content as {@link #yaml}). */
    public static JsonNode tree(Object scenario, Path scenarioDir) {
        try {
            return MAPPER.readTree(yaml(scenario, scenarioDir));
        } catch (JsonProcessingException e) {
            throw new PacketGridException("scenario", "cannot read back the effective scenario: " + e.getOriginalMessage());
        }
    }

    /**
     * Writes a scenario field that names a file: absolute, resolved against the scenario's folder, unless it
     * names something shipped with the project ({@code builtin:...}). Put it on the record component with
     * {@code @JsonSerialize(using = ScenarioWriter.FilePath.class)}.
     */
    public static final class FilePath extends StdSerializer<String> {
        private static final long serialVersionUID = 1L;

        public FilePath() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(absolute(value, (Path) provider.getAttribute(SCENARIO_DIR)));
        }

        static String absolute(String value, Path dir) {
            if (value.startsWith("builtin:")) {
                return value;
            }
            Path p = Path.of(value);
            if (!p.isAbsolute()) {
                p = dir == null ? p.toAbsolutePath() : dir.resolve(p).toAbsolutePath();
            }
            return p.normalize().toString();
        }
    }
}
