package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;
import java.util.List;
import java.util.Locale;

/**
 * A latency requirement, as data (YAML {@code requirements[i]}).
 * <ul>
 *   <li>{@code transfer}: each scheme message, from the sending application to the receiving one
 *       (IEC 61850-5 transfer time: both communication processors and the network; here the radio path,
 *       backhaul included, plus {@code messages.processing}).</li>
 *   <li>{@code air_interface}: the first radio hop of each message alone (3GPP user-plane latency over
 *       the air, e.g. 1 ms for 32 bytes at 1 − 10⁻⁵, TR 38.913 §7.5 and §7.9).</li>
 *   <li>{@code isolation}: the scheme's protective action, from fault inception (from the island's
 *       formation for {@code transfer_trip}) to the last device open: every target DG disconnected
 *       ({@code transfer_trip}, {@code permissive}), the fault cleared by the selective breaker
 *       ({@code blocking}).</li>
 * </ul>
 *
 * @param name      label in the report, e.g. {@code iec61850_5_tt6}
 * @param schemes   schemes it applies to (default: all)
 * @param metric    transfer, air_interface or isolation
 * @param deadline  the latency bound
 * @param maxMiss   largest acceptable probability of missing it (the requirement passes when the upper
 *                  confidence bound is at or below this)
 * @param bytes     payload for this requirement (default the scheme's)
 * @param source    where the numbers come from (echoed in the report)
 */
public record RequirementSpec(@JsonProperty(value = "name", required = true) String name,
                              @JsonProperty("schemes") List<String> schemes,
                              @JsonProperty(value = "metric", required = true) String metric,
                              @JsonProperty(value = "deadline", required = true) SimDuration deadline,
                              @JsonProperty(value = "max_miss", required = true) Double maxMiss,
                              @JsonProperty("bytes") Integer bytes,
                              @JsonProperty("source") String source) {

    /** What is timed. */
    public enum Metric { TRANSFER, AIR_INTERFACE, ISOLATION }

    public RequirementSpec {
        Names.check(name, "name");
        schemes = schemes == null ? List.of() : List.copyOf(schemes);
        metricOf(metric);
        if (deadline.ns() <= 0) {
            throw new IllegalArgumentException("requirement " + name + ": deadline must be > 0");
        }
        if (!(maxMiss >= 0 && maxMiss <= 1)) {
            throw new IllegalArgumentException("requirement " + name + ": max_miss must be in [0, 1], got " + maxMiss);
        }
        if (bytes != null && (bytes < 1 || bytes > 10_000)) {
            throw new IllegalArgumentException("requirement " + name + ": bytes must be in [1, 10000], got " + bytes);
        }
        source = source == null ? "" : source;
    }

    static Metric metricOf(String m) {
        if (m == null) {
            throw new IllegalArgumentException("metric must be transfer, air_interface or isolation");
        }
        try {
            return Metric.valueOf(m.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("metric must be transfer, air_interface or isolation, got '" + m + "'");
        }
    }

    public Metric metricValue() {
        return metricOf(metric);
    }

    public boolean appliesTo(String scheme) {
        return schemes.isEmpty() || schemes.contains(scheme);
    }
}
