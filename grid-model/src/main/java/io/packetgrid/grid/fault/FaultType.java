package io.packetgrid.grid.fault;

import java.util.Locale;

/**
 * The classical shunt fault types (e.g. Glover, Sarma and Overbye, Power System Analysis and Design,
 * 5th ed., §9.1-9.2; Anderson, Analysis of Faulted Power Systems, ch. 3), by the phases they involve.
 */
public enum FaultType {
    /** Three phases joined through a resistance each to a floating star point (balanced, no ground). */
    THREE_PHASE(3, "3ph"),
    /** Three phases, each through a resistance to ground (OpenDSS {@code phases=3 bus1=B.1.2.3}). */
    THREE_PHASE_GROUND(3, "3phg"),
    /** Two phases joined through one resistance (OpenDSS {@code phases=1 bus1=B.a bus2=B.b}). */
    LINE_TO_LINE(2, "ll"),
    /** One phase through a resistance to ground (OpenDSS {@code phases=1 bus1=B.a}). */
    LINE_TO_GROUND(1, "slg"),
    /** Two phases, each through a resistance to ground (OpenDSS {@code phases=2 bus1=B.a.b}). */
    DOUBLE_LINE_TO_GROUND(2, "dlg");

    private final int phases;
    private final String label;

    FaultType(int phases, String label) {
        this.phases = phases;
        this.label = label;
    }

    /** Number of phase conductors the fault touches. */
    public int phases() {
        return phases;
    }

    /** Short label used in scenarios and reports: {@code 3ph, 3phg, ll, slg, dlg}. */
    public String label() {
        return label;
    }

    /** The type with this label (case-insensitive), or null. */
    public static FaultType byLabel(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (FaultType t : values()) {
            if (t.label.equals(k)) {
                return t;
            }
        }
        return null;
    }
}
