package io.packetgrid.cosim.value;

import java.util.Objects;

/**
 * The name and type of a value: persistent state published by one federate and read by others
 * (a voltage, a power). Two keys are equal when their names are.
 *
 * @param name unique name, with units in it (e.g. {@code feeder1/bus34/v_pu})
 * @param type the Java type of the value
 * @param tolerance for numbers: a change smaller than this does not count as a change when deciding
 *                  wake-ups and convergence of same-time iterations (0 = any change counts)
 */
public record ValueKey<T>(String name, Class<T> type, double tolerance) {

    public ValueKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be ≥ 0: " + tolerance);
        }
    }

    public static <T> ValueKey<T> of(String name, Class<T> type) {
        return new ValueKey<>(name, type, 0);
    }

    public static ValueKey<Double> ofDouble(String name, double tolerance) {
        return new ValueKey<>(name, Double.class, tolerance);
    }

    public static ValueKey<double[]> ofArray(String name, double tolerance) {
        return new ValueKey<>(name, double[].class, tolerance);
    }

    /** Whether {@code next} differs from {@code previous} by more than the tolerance. */
    public boolean changed(Object previous, Object next) {
        if (previous == next) {
            return false;
        }
        if (previous == null || next == null) {
            return true;
        }
        if (previous instanceof Number p && next instanceof Number n) {
            return !(Math.abs(p.doubleValue() - n.doubleValue()) <= tolerance);
        }
        if (previous instanceof double[] p && next instanceof double[] n) {
            if (p.length != n.length) {
                return true;
            }
            for (int i = 0; i < p.length; i++) {
                if (!(Math.abs(p[i] - n[i]) <= tolerance)) {
                    return true;
                }
            }
            return false;
        }
        return !previous.equals(next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueKey<?> k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
