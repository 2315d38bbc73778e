package io.packetgrid.studies.kinds;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.run.Study;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The study kinds {@code run} knows, by their {@code kind:} value. A package of its own: it names every
 * study, so that the generic {@code run} package that the studies use does not depend on them.
 */
public final class StudyKinds {
    private static final Map<String, Supplier<Study>> KINDS = new TreeMap<>();

    static {
        // each study registers itself here, one line per kind
        KINDS.put("acc2017", io.packetgrid.studies.pem.Acc2017Study::new);
        KINDS.put("coupled", io.packetgrid.studies.coupled.CoupledStudy::new);
        KINDS.put("energy_internet", io.packetgrid.studies.internet.EnergyInternetStudy::new);
    }

    private StudyKinds() {
    }

    public static Study of(String kind, String where) {
        Supplier<Study> s = KINDS.get(kind);
        if (s == null) {
            throw new PacketGridException(where, "unknown study kind '" + kind + "' (known: "
                    + String.join(", ", KINDS.keySet()) + ")");
        }
        return s.get();
    }

    public static List<String> known() {
        return List.copyOf(KINDS.keySet());
    }
}
