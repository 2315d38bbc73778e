package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A scenario parameter drawn per device: a number (fixed) or {@code [min, max]} (uniform draw, as the
 * ACC 2017 Table I ranges are given).
 */
public record Range(double min, double max) {

    public Range {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("expected a number or [min, max] with min ≤ max, got [" + min + ", " + max + "]");
        }
    }

    public static Range of(double v) {
        return new Range(v, v);
    }

    public static Range of(double min, double max) {
        return new Range(min, max);
    }

    @JsonCreator
    static Range parse(JsonNode node) {
        if (node.isNumber()) {
            return of(node.asDouble());
        }
        if (node.isArray() && node.size() == 2 && node.get(0).isNumber() && node.get(1).isNumber()) {
            return of(node.get(0).asDouble(), node.get(1).asDouble());
        }
        throw new IllegalArgumentException("expected a number or [min, max], got " + node);
    }

    /** One draw (no draw is taken for a fixed value, so adding a range elsewhere does not shift streams). */
    public double draw(UniformRandomProvider rng) {
        return min == max ? min : min + (max - min) * rng.nextDouble();
    }

    @JsonValue
    Object json() {
        return min == max ? (Object) min : List.of(min, max);
    }

    /** The range checked to lie inside [lo, hi]; {@code name} names it in the message. */
    public Range within(double lo, double hi, String name) {
        if (min < lo || max > hi) {
            throw new IllegalArgumentException(name + " must lie in [" + lo + ", " + hi + "], got " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        return min == max ? Double.toString(min) : "[" + min + ", " + max + "]";
    }
}
