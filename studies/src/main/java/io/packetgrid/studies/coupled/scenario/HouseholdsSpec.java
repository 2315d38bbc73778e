package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Which loads of the feeder are households and what each has (YAML {@code households:}).
 *
 * @param loads     {@code [all]} (every load of the script) or the load names that are households
 * @param mix       device penetrations among these households
 * @param overrides households whose equipment is given explicitly (they are not drawn from the mix);
 *                  an override may also name a load outside {@code loads}, which makes it a household
 * @param classes   user classes: the households (load names) of each class; the others are flexible
 */
public record HouseholdsSpec(@JsonProperty("loads") List<String> loads,
                             @JsonProperty("mix") Mix mix,
                             @JsonProperty("overrides") List<Override> overrides,
                             @JsonProperty("classes") Map<UserClass, List<String>> classes) {

    public HouseholdsSpec {
        loads = loads == null ? List.of("all") : List.copyOf(loads);
        mix = mix == null ? Mix.none() : mix;
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        if (classes == null) {
            classes = Map.of();
        } else {
            Map<UserClass, List<String>> m = new java.util.EnumMap<>(UserClass.class);
            classes.forEach((c, l) -> m.put(c, l == null ? List.of() : List.copyOf(l)));
            classes = java.util.Collections.unmodifiableMap(m);
        }
    }

    public boolean allLoads() {
        return loads.size() == 1 && loads.get(0).equalsIgnoreCase("all");
    }

    /** One household's explicit equipment. */
    public record Override(@JsonProperty(value = "load", required = true) String load,
                           @JsonProperty(value = "devices", required = true) List<DeviceType> devices) {
        public Override {
            devices = List.copyOf(devices);
            if (devices.size() != devices.stream().distinct().count()) {
                throw new IllegalArgumentException("devices of load " + load + " lists a type twice");
            }
        }
    }
}
