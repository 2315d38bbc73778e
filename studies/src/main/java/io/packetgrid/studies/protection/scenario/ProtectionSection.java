package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A feeder's protection: relays, breakers and reclosers, DG units with their interface protection, the
 * communication-assisted schemes between them and their messages. The same fields, read the same way, at
 * the top of a {@code protection validate} scenario and under a coupled study's {@code protection:}
 * (docs/protection.md).
 */
public record ProtectionSection(@JsonProperty(value = "relays", required = true) List<RelaySpec> relays,
                                @JsonProperty(value = "breakers", required = true) List<BreakerSpec> breakers,
                                @JsonProperty("dg") List<DgSpec> dg,
                                @JsonProperty("schemes") List<SchemeSpec> schemes,
                                @JsonProperty("messages") MessageSpec messages) {

    public ProtectionSection {
        relays = List.copyOf(relays);
        breakers = List.copyOf(breakers);
        dg = dg == null ? List.of() : List.copyOf(dg);
        schemes = schemes == null ? List.of() : List.copyOf(schemes);
        messages = messages == null ? MessageSpec.defaults() : messages;
        if (relays.isEmpty()) {
            throw new IllegalArgumentException("relays: at least one relay is needed");
        }
        Set<String> devices = new HashSet<>();
        for (RelaySpec r : relays) {
            unique(devices, r.name());
        }
        for (BreakerSpec b : breakers) {
            unique(devices, b.name());
        }
        for (DgSpec d : dg) {
            unique(devices, d.name());
        }
        Set<String> names = new HashSet<>();
        for (SchemeSpec s : schemes) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("two schemes are named '" + s.name() + "'");
            }
        }
    }

    private static void unique(Set<String> seen, String name) {
        if (!seen.add(name)) {
            throw new IllegalArgumentException("two devices are named '" + name + "' (relays, breakers and dg share one name space)");
        }
    }
}
