package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a run writes besides {@code summary.json} and the time-series CSVs (YAML {@code outputs:}).
 *
 * @param plots          PNG plots (XChart)
 * @param deviceEvents   log every request, reply and event in {@code events.csv} (large)
 */
public record OutputSpec(@JsonProperty("plots") Boolean plots,
                         @JsonProperty("device_events") Boolean deviceEvents) {
    public OutputSpec {
        plots = plots == null || plots;
        deviceEvents = deviceEvents != null && deviceEvents;
    }

    public static OutputSpec defaults() {
        return new OutputSpec(null, null);
    }
}
