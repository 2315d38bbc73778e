package io.packetgrid.grid.protection;

import java.util.List;

/**
 * A feeder overcurrent relay (ANSI 50/51 phase, 50N/51N residual) measuring the current through one
 * terminal of an element (a line or switch): it operates at the earliest time any of its stages does.
 *
 * @param name     relay name (also its endpoint suffix in co-simulations)
 * @param element  full element name, e.g. {@code Line.LINE1}
 * @param terminal 1-based terminal of the element where the current transformers sit
 * @param phase    phase stages (each phase current is compared)
 * @param ground   residual stages (|Ia + Ib + Ic|)
 */
public record OvercurrentRelay(String name, String element, int terminal, List<OvercurrentElement> phase,
                               List<OvercurrentElement> ground) {

    public OvercurrentRelay {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a relay needs a name");
        }
        if (element == null || element.isBlank()) {
            throw new IllegalArgumentException("relay " + name + " needs an element");
        }
        if (terminal < 1) {
            throw new IllegalArgumentException("terminal must be ≥ 1, got " + terminal);
        }
        phase = phase == null ? List.of() : List.copyOf(phase);
        ground = ground == null ? List.of() : List.copyOf(ground);
        if (phase.isEmpty() && ground.isEmpty()) {
            throw new IllegalArgumentException("relay " + name + " needs at least one stage");
        }
    }

    /** Operate time (s) under constant currents: the earliest stage, +∞ if none starts. */
    public double operateTimeS(double[] phaseA, double residualA) {
        double t = Double.POSITIVE_INFINITY;
        for (OvercurrentElement s : phase) {
            for (double a : phaseA) {
                t = Math.min(t, s.operateTimeS(a));
            }
        }
        for (OvercurrentElement s : ground) {
            t = Math.min(t, s.operateTimeS(residualA));
        }
        return t;
    }

    /** Whether any stage starts (the relay "sees" the fault). */
    public boolean picksUp(double[] phaseA, double residualA) {
        for (OvercurrentElement s : phase) {
            for (double a : phaseA) {
                if (s.picksUp(a)) {
                    return true;
                }
            }
        }
        for (OvercurrentElement s : ground) {
            if (s.picksUp(residualA)) {
                return true;
            }
        }
        return false;
    }
}
