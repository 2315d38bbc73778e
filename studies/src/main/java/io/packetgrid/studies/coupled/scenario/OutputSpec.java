package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a run writes besides {@code summary.json} and the time-series CSVs (YAML {@code outputs:}).
 *
 * @param plots          PNG plots (XChart)
 * @param deviceEvents   log every request, reply and event in {@code events.csv} (large)
 * @param detail         detailed tables, opt-in (none by default)
 */
public record OutputSpec(@JsonProperty("plots") Boolean plots,
                         @JsonProperty("device_events") Boolean deviceEvents,
                         @JsonProperty("detail") Detail detail) {
    public OutputSpec {
        plots = plots == null || plots;
        deviceEvents = deviceEvents != null && deviceEvents;
        detail = detail == null ? Detail.none() : detail;
    }

    public OutputSpec(Boolean plots, Boolean deviceEvents) {
        this(plots, deviceEvents, null);
    }

    public static OutputSpec defaults() {
        return new OutputSpec(null, null, null);
    }

    /**
     * Detailed tables of each variant, tidy (one row per observation), gzip-compressed CSV, in
     * {@code <variant>/detail/} (docs/scenario.md, "Detailed outputs", shows how to load them).
     *
     * @param households    per household and grid step: its power (base load plus devices) and voltage
     * @param devices       per device and grid step: its power, controlled state and control mode
     * @param nodeVoltages  per node and grid step, the voltage in pu of its bus's base: {@code [all]}, or bus names
     * @param stride        write every stride-th grid step (1 = all)
     * @param events        the event log with one column per field ({@code events.csv.gz})
     * @param radio         per device and per cell, the radio network's statistics over the run
     *                      ({@code radio_devices.csv.gz}, {@code radio_cells.csv.gz}; variants whose messages the radio
     *                      model carries)
     */
    public record Detail(@JsonProperty("households") Boolean households,
                         @JsonProperty("devices") Boolean devices,
                         @JsonProperty("node_voltages") List<String> nodeVoltages,
                         @JsonProperty("stride") Integer stride,
                         @JsonProperty("events") Boolean events,
                         @JsonProperty("radio") Boolean radio) {
        public Detail {
            households = households != null && households;
            devices = devices != null && devices;
            nodeVoltages = nodeVoltages == null ? List.of() : List.copyOf(nodeVoltages);
            stride = stride == null ? 1 : stride;
            if (stride < 1) {
                throw new IllegalArgumentException("stride must be ≥ 1, got " + stride);
            }
            events = events != null && events;
            radio = radio != null && radio;
        }

        /** The tables before the radio ones. */
        public Detail(Boolean households, Boolean devices, List<String> nodeVoltages, Integer stride, Boolean events) {
            this(households, devices, nodeVoltages, stride, events, null);
        }

        public static Detail none() {
            return new Detail(null, null, null, null, null, null);
        }

        /** Whether any node's voltage is written. */
        public boolean anyNodes() {
            return !nodeVoltages.isEmpty();
        }

        public boolean allNodes() {
            return nodeVoltages.size() == 1 && nodeVoltages.get(0).equalsIgnoreCase("all");
        }
    }
}
