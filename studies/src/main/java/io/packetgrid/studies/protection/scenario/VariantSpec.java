package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A variant of the scenario (YAML {@code variants[i]}): {@code set} is merged into the scenario (maps
 * merge key by key, anything else replaces), e.g. {@code set: {radio: {urllc: {repetitions: 4}}}}.
 * Every variant sees the same faults, positions and shadowing (common random numbers).
 *
 * @param name        label (rows of the report are {@code <variant>/<scheme>})
 * @param description what the variant changes and why
 * @param set         fields to override
 */
public record VariantSpec(@JsonProperty(value = "name", required = true) String name,
                          @JsonProperty("description") String description,
                          @JsonProperty("set") JsonNode set) {

    public VariantSpec {
        Names.check(name, "name");
        description = description == null ? "" : description;
        set = set == null || set.isNull() ? null : set;   // "set: null" written out reads back as the absent field
    }
}
