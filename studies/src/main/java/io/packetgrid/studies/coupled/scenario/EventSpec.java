package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;
import java.util.List;

/**
 * One entry of a coupled study's {@code events:} list: something that happens at {@code at} (time from the
 * study's start). Which fields a kind takes, and what each does, is in docs/scenario.md; they are checked
 * against the feeder, the radio and the time line before anything runs ({@code EventPlan}).
 *
 * @param at               when, from the study's start ({@code 6h30m})
 * @param kind             fault, open, close, island, reconnect, server_outage, aggregator_outage, background_burst
 * @param element          fault: the line whose far end is faulted; open/close: the element switched
 * @param bus              fault: the faulted bus (instead of an element)
 * @param type             fault: slg, ll, dlg, 3ph or 3phg
 * @param phases           fault: the faulted phases (default: the first ones the type needs)
 * @param resistanceOhm    fault: fault resistance (default 0: OpenDSS's 0.0001 Ω)
 * @param temporary        fault: extinguishes once de-energised (an arc), so a reclose restores supply
 * @param terminal         open/close: the terminal (1-based; default 1, as OpenDSS's {@code Open}/{@code Close})
 * @param until            server_outage, aggregator_outage, background_burst: the end
 * @param aggregator       aggregator_outage, background_burst: the base station (burst: default every one)
 * @param reattach         aggregator_outage: radio-link-failure time before devices re-attach (default 1 s)
 * @param rachAttemptsPerS background_burst: random-access attempts per second on the cell
 * @param puschUtilization background_burst: share of the uplink units taken
 */
public record EventSpec(@JsonProperty(value = "at", required = true) SimDuration at,
                        @JsonProperty(value = "kind", required = true) Kind kind,
                        @JsonProperty("element") String element,
                        @JsonProperty("bus") String bus,
                        @JsonProperty("type") String type,
                        @JsonProperty("phases") List<Integer> phases,
                        @JsonProperty("resistance_ohm") Double resistanceOhm,
                        @JsonProperty("temporary") Boolean temporary,
                        @JsonProperty("terminal") Integer terminal,
                        @JsonProperty("until") SimDuration until,
                        @JsonProperty("aggregator") String aggregator,
                        @JsonProperty("reattach") SimDuration reattach,
                        @JsonProperty("rach_attempts_per_s") Double rachAttemptsPerS,
                        @JsonProperty("pusch_utilization") Double puschUtilization) {

    /** What happens. */
    public enum Kind {
        FAULT, OPEN, CLOSE, ISLAND, RECONNECT, SERVER_OUTAGE, AGGREGATOR_OUTAGE, BACKGROUND_BURST;

        /** As written in scenarios. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public EventSpec {
        phases = phases == null ? null : List.copyOf(phases);
    }
}
