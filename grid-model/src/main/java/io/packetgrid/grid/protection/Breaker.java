package io.packetgrid.grid.protection;

import java.util.List;

/**
 * A circuit breaker or recloser on an element (a line or switch, opened as a whole): it opens
 * {@code operatingTimeS} after it is told to trip (opening plus arcing time). A recloser recloses after
 * each dead time in turn and locks out open after the last one (e.g. the classical sequence of a
 * distribution recloser: two fast and two delayed operations, i.e. three dead times, IEEE Std C37.60).
 *
 * @param name           breaker name
 * @param element        full element name, e.g. {@code Line.LINE1}
 * @param operatingTimeS trip command to contacts open (and arc extinguished), s
 * @param deadTimesS     reclose dead times in order (empty: a plain breaker)
 */
public record Breaker(String name, String element, double operatingTimeS, List<Double> deadTimesS) {

    public Breaker {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a breaker needs a name");
        }
        if (element == null || element.isBlank()) {
            throw new IllegalArgumentException("breaker " + name + " needs an element");
        }
        if (!(operatingTimeS >= 0) || Double.isInfinite(operatingTimeS)) {
            throw new IllegalArgumentException("operating time must be ≥ 0 s, got " + operatingTimeS);
        }
        deadTimesS = deadTimesS == null ? List.of() : List.copyOf(deadTimesS);
        for (double d : deadTimesS) {
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("dead times must be > 0 s, got " + d);
            }
        }
    }

    public boolean recloser() {
        return !deadTimesS.isEmpty();
    }
}
