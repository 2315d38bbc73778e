package io.packetgrid.grid.result;

/**
 * A limit violation of the present solution.
 *
 * @param kind  what was violated
 * @param where node ({@code bus.node}) or element ({@code Class.name})
 * @param value the observed value (pu of the nominal voltage, or pu loading)
 * @param limit the limit it crossed (same unit)
 */
public record Violation(Kind kind, String where, double value, double limit) {

    /** Kinds of limits checked. */
    public enum Kind {
        UNDERVOLTAGE, OVERVOLTAGE, LINE_OVERLOAD, TRANSFORMER_OVERLOAD
    }
}
