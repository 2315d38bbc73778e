package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;
import java.util.List;

/**
 * An overcurrent relay (YAML {@code relays[i]}).
 *
 * @param name      relay name (radio endpoint {@code protection/<name>})
 * @param element   where its current transformers are: an element of the feeder, e.g. {@code Line.LINE1}
 * @param terminal  1-based terminal of that element (default 1)
 * @param breaker   the breaker it trips (hard-wired: relay and breaker share the bay)
 * @param phase     phase stages
 * @param ground    residual stages
 * @param startTime from fault inception to the relay's start output (measurement and decision: about one
 *                  50 Hz cycle; default 20 ms), when it sends blocking or permissive signals
 * @param xM        radio position (m); default the position of the element's bus
 * @param yM        radio position (m)
 */
public record RelaySpec(@JsonProperty(value = "name", required = true) String name,
                        @JsonProperty(value = "element", required = true) String element,
                        @JsonProperty("terminal") Integer terminal,
                        @JsonProperty(value = "breaker", required = true) String breaker,
                        @JsonProperty("phase") List<StageSpec> phase,
                        @JsonProperty("ground") List<StageSpec> ground,
                        @JsonProperty("start_time") SimDuration startTime,
                        @JsonProperty("x_m") Double xM,
                        @JsonProperty("y_m") Double yM) {

    public RelaySpec {
        Names.check(name, "name");
        terminal = terminal == null ? 1 : terminal;
        if (terminal < 1) {
            throw new IllegalArgumentException("terminal must be ≥ 1, got " + terminal);
        }
        phase = phase == null ? List.of() : List.copyOf(phase);
        ground = ground == null ? List.of() : List.copyOf(ground);
        if (phase.isEmpty() && ground.isEmpty()) {
            throw new IllegalArgumentException("relay " + name + " needs at least one phase or ground stage");
        }
        startTime = startTime == null ? SimDuration.parse("20ms") : startTime;
    }
}
