package io.packetgrid.cosim.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a parsed scenario back as YAML: the <em>effective</em> scenario, every default filled in
 * ({@code scenario show}, {@code scenario.resolved.yaml}). It serialises the very records that
 * {@link YamlFiles} read, through the names of their {@code @JsonProperty} annotations, so the reader
 * and the writer share one schema: a field added to a scenario record appears here without a second
 * list, and reading the output again gives an equal record.
 *
 * <p>Output is deterministic: maps keep their order where it is the scenario's (a map read from YAML
 * keeps the file's order, which a study may draw in) and are sorted by key where the record holds an
 * unordered copy ({@code Map.copyOf} iterates in an order that changes from JVM to JVM); enums are
 * lower-case as scenario files write them, numbers shortest round-trip decimals. Paths marked with {@link FilePath} are written
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
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("stable-map-order")
                    .setSerializerModifier(new StableMapOrder()))
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            // exactly what a scenario file can hold: every record component (a record's fields are its
            // components, annotated or not, as the reader binds them), never a helper method that happens to
            // be named like a getter
            .disable(MapperFeature.AUTO_DETECT_GETTERS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .visibility(com.fasterxml.jackson.annotation.PropertyAccessor.FIELD,
                    com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)
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

    /** Serialises maps whose iteration order carries no meaning in key order (see the class comment). */
    static final class StableMapOrder extends com.fasterxml.jackson.databind.ser.BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public com.fasterxml.jackson.databind.JsonSerializer<?> modifyMapSerializer(
                com.fasterxml.jackson.databind.SerializationConfig config, com.fasterxml.jackson.databind.type.MapType type,
                com.fasterxml.jackson.databind.BeanDescription desc, com.fasterxml.jackson.databind.JsonSerializer<?> serializer) {
            return new Sorting(serializer);
        }
    }

    /** A map serializer that hands the map on in a stable order. */
    static final class Sorting extends com.fasterxml.jackson.databind.JsonSerializer<java.util.Map<?, ?>>
            implements com.fasterxml.jackson.databind.ser.ContextualSerializer {
        private final com.fasterxml.jackson.databind.JsonSerializer<Object> delegate;

        @SuppressWarnings("unchecked")
        Sorting(com.fasterxml.jackson.databind.JsonSerializer<?> delegate) {
            this.delegate = (com.fasterxml.jackson.databind.JsonSerializer<Object>) delegate;
        }

        @Override
        public void serialize(java.util.Map<?, ?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            delegate.serialize(stable(value), gen, provider);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, java.util.Map<?, ?> value) {
            return delegate.isEmpty(provider, value);
        }

        @Override
        public com.fasterxml.jackson.databind.JsonSerializer<?> createContextual(SerializerProvider prov,
                com.fasterxml.jackson.databind.BeanProperty property) throws com.fasterxml.jackson.databind.JsonMappingException {
            if (delegate instanceof com.fasterxml.jackson.databind.ser.ContextualSerializer c) {
                return new Sorting(c.createContextual(prov, property));
            }
            return this;
        }

        static java.util.Map<?, ?> stable(java.util.Map<?, ?> m) {
            if (m instanceof java.util.LinkedHashMap || m instanceof java.util.SortedMap || m instanceof java.util.EnumMap) {
                return m;
            }
            List<java.util.Map.Entry<?, ?>> entries = new java.util.ArrayList<>(m.entrySet());
            entries.sort((a, b) -> compareKeys(a.getKey(), b.getKey()));
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<?, ?> e : entries) {
                out.put(e.getKey(), e.getValue());
            }
            return out;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compareKeys(Object a, Object b) {
            if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
                return ca.compareTo(b);   // enums: declaration order
            }
            return String.valueOf(a).compareTo(String.valueOf(b));
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
