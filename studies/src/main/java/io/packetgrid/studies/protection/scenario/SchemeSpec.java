package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * A communication-assisted scheme (YAML {@code schemes[i]}). Its messages go through the radio model as
 * URLLC.
 * <ul>
 *   <li>{@code transfer_trip}: when breaker {@code trigger} opens (an island forms), {@code from}
 *       (default the trigger breaker) sends a trip to each of {@code to} (DG units or breakers), which
 *       trip on receipt: direct transfer trip for anti-islanding.</li>
 *   <li>{@code blocking}: each relay in {@code downstream} that starts sends a block to {@code upstream},
 *       whose {@code blockable} stages are held while blocked (zone-selective interlocking; loss of the
 *       block costs selectivity).</li>
 *   <li>{@code permissive}: relay {@code from}, when it starts, sends a permit to each DG in {@code to};
 *       a DG trips at once when it holds the permit and its own detector has started (terminal voltage
 *       below its {@code start_pu}), else only on its passive stages.</li>
 * </ul>
 *
 * @param bytes message payload (default {@code messages.bytes})
 */
public record SchemeSpec(@JsonProperty(value = "name", required = true) String name,
                         @JsonProperty(value = "kind", required = true) String kind,
                         @JsonProperty("trigger") String trigger,
                         @JsonProperty("from") String from,
                         @JsonProperty("to") List<String> to,
                         @JsonProperty("upstream") String upstream,
                         @JsonProperty("downstream") List<String> downstream,
                         @JsonProperty("bytes") Integer bytes) {

    /** The scheme kinds. */
    public enum Kind { TRANSFER_TRIP, BLOCKING, PERMISSIVE }

    public SchemeSpec {
        Names.check(name, "name");
        Kind k = kindOf(kind);
        to = to == null ? List.of() : List.copyOf(to);
        downstream = downstream == null ? List.of() : List.copyOf(downstream);
        switch (k) {
            case TRANSFER_TRIP -> {
                if (trigger == null) {
                    throw new IllegalArgumentException("scheme " + name + ": transfer_trip needs trigger (a breaker)");
                }
                from = from == null ? trigger : from;
                need(!to.isEmpty(), name, "transfer_trip needs to (the units it trips)");
            }
            case BLOCKING -> {
                need(upstream != null, name, "blocking needs upstream (the blocked relay)");
                need(!downstream.isEmpty(), name, "blocking needs downstream (the relays that send blocks)");
            }
            case PERMISSIVE -> {
                need(from != null, name, "permissive needs from (the relay that sends the permit)");
                need(!to.isEmpty(), name, "permissive needs to (the DG units it permits)");
            }
        }
        if (bytes != null && (bytes < 1 || bytes > 10_000)) {
            throw new IllegalArgumentException("scheme " + name + ": bytes must be in [1, 10000], got " + bytes);
        }
    }

    private static void need(boolean ok, String name, String what) {
        if (!ok) {
            throw new IllegalArgumentException("scheme " + name + ": " + what);
        }
    }

    static Kind kindOf(String kind) {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be transfer_trip, blocking or permissive");
        }
        try {
            return Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be transfer_trip, blocking or permissive, got '" + kind + "'");
        }
    }

    public Kind kindValue() {
        return kindOf(kind);
    }
}
