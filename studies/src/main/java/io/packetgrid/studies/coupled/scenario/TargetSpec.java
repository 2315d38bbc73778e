package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.InvalidFieldException;
import io.packetgrid.cosim.scenario.SimDuration;
import java.util.List;

/**
 * What the server makes its flexible fleet's power track, per feeder (YAML {@code target:}).
 *
 * <ul>
 *   <li>{@code baseline}: a regulation reference around a baseline (ACC 2017 §IV; TPWRS 2020 §V: "a
 *       detrended, scaled regulation signal"): the flexible power of variant {@code baseline_variant}
 *       averaged over {@code window} blocks (linearly interpolated between block centres), times
 *       {@code 1 + offset_pct/100 + amplitude_pct/100·s(t)} with ACC 2017's zero-mean shape s.</li>
 *   <li>{@code schedule}: piecewise constant {@code kw_per_household} from each {@code from} time of day.</li>
 *   <li>{@code pv_surplus}: the PV output not used by the base load (packet-server {@code PvSurplusTarget}).</li>
 *   <li>{@code self_sufficiency}: keep the import at most {@code max_import_kw_per_household}
 *       (packet-server {@code SelfSufficiencyTarget}).</li>
 * </ul>
 */
public record TargetSpec(@JsonProperty("kind") Kind kind,
                         @JsonProperty("baseline_variant") String baselineVariant,
                         @JsonProperty("window") SimDuration window,
                         @JsonProperty("offset_pct") Double offsetPct,
                         @JsonProperty("amplitude_pct") Double amplitudePct,
                         @JsonProperty("schedule") List<Entry> schedule,
                         @JsonProperty("max_import_kw_per_household") Double maxImportKwPerHousehold) {

    /** Target kinds. */
    public enum Kind { BASELINE, SCHEDULE, PV_SURPLUS, SELF_SUFFICIENCY }

    public TargetSpec {
        kind = kind == null ? Kind.BASELINE : kind;
        baselineVariant = baselineVariant == null ? "uncontrolled" : baselineVariant;
        window = window == null ? SimDuration.parse("30m") : window;
        if (window.ns() <= 0) {
            throw new IllegalArgumentException("window must be > 0");
        }
        offsetPct = offsetPct == null ? 0.0 : offsetPct;
        amplitudePct = amplitudePct == null ? 0.0 : amplitudePct;
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
        maxImportKwPerHousehold = maxImportKwPerHousehold == null ? 0.0 : maxImportKwPerHousehold;
        InvalidFieldException.inRange("offset_pct", offsetPct, -100, 100);
        InvalidFieldException.inRange("amplitude_pct", amplitudePct, 0, 100);
        InvalidFieldException.inRange("max_import_kw_per_household", maxImportKwPerHousehold, 0, 1000);
        if (kind == Kind.SCHEDULE && schedule.isEmpty()) {
            throw new IllegalArgumentException("a schedule target needs schedule entries");
        }
        for (int i = 1; i < schedule.size(); i++) {
            if (schedule.get(i).from().ns() <= schedule.get(i - 1).from().ns()) {
                throw new IllegalArgumentException("schedule entries must have increasing from times");
            }
        }
    }

    /** {@code kwPerHousehold} from time of day {@code from}. */
    public record Entry(@JsonProperty(value = "from", required = true) SimDuration from,
                        @JsonProperty(value = "kw_per_household", required = true) Double kwPerHousehold) {
        public Entry {
            InvalidFieldException.inRange("kw_per_household", kwPerHousehold, -1000, 1000);
        }
    }

    public static TargetSpec defaults() {
        return new TargetSpec(null, null, null, null, null, null, null);
    }
}
