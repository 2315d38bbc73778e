package io.packetgrid.studies.sweep.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** A fixed override from the sweep file's {@code set:} section, applied to every run. */
public record Assignment(SweepField field, JsonNode value) {
}
