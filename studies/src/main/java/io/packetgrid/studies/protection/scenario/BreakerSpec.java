package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;
import java.util.List;

/**
 * A breaker or recloser (YAML {@code breakers[i]}).
 *
 * @param name          breaker name (radio endpoint {@code protection/<name>})
 * @param element       the line or switch it opens, e.g. {@code Line.LINE1}
 * @param operatingTime trip command to arc extinguished (default 50 ms: 2.5 cycles at 50 Hz, a
 *                      typical LV air circuit breaker or MV vacuum breaker break time; assumption)
 * @param deadTimes     reclosing dead times (a recloser); empty for a breaker
 * @param xM            radio position (m); default the position of the element's first bus
 * @param yM            radio position (m)
 */
public record BreakerSpec(@JsonProperty(value = "name", required = true) String name,
                          @JsonProperty(value = "element", required = true) String element,
                          @JsonProperty("operating_time") SimDuration operatingTime,
                          @JsonProperty("dead_times") List<SimDuration> deadTimes,
                          @JsonProperty("x_m") Double xM,
                          @JsonProperty("y_m") Double yM) {

    public BreakerSpec {
        Names.check(name, "name");
        operatingTime = operatingTime == null ? SimDuration.parse("50ms") : operatingTime;
        deadTimes = deadTimes == null ? List.of() : List.copyOf(deadTimes);
    }
}
