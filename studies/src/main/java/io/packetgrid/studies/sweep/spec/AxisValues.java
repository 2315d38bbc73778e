package io.packetgrid.studies.sweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.packetgrid.cosim.error.PacketGridException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values of one axis: a YAML list ({@code [5, 15, 30]}) or a range
 * ({@code {from: 0, to: 0.6, step: 0.2}}). A range is computed in decimal arithmetic, value_i = from + i·step
 * up to and including {@code to}, so {@code 0.6} comes out as 0.6 and not 0.6000000000000001; its values
 * are integers when {@code from} and {@code step} are, otherwise numbers as if written in the file.
 */
public final class AxisValues {
    /** More values than this in one axis is almost certainly a mistake in a range. */
    public static final int MAX_VALUES = 100_000;

    private static final Set<String> RANGE_KEYS = Set.of("from", "to", "step");

    private AxisValues() {
    }

    /** The values of {@code node}; errors name {@code where} (e.g. {@code sweep.yaml:7: axes.pem.packet_minutes}). */
    public static List<JsonNode> of(JsonNode node, String where) {
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
            if (values.isEmpty()) {
                throw new PacketGridException(where, "needs at least one value");
            }
        } else if (node.isObject()) {
            values = range(node, where);
        } else {
            throw new PacketGridException(where, "expected a list of values like [5, 15, 30] or a range like "
                    + "{from: 0, to: 0.6, step: 0.2}, got " + Values.describe(node) + " '" + Values.display(node) + "'");
        }
        for (int i = 0; i < values.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (Values.same(values.get(i), values.get(j))) {
                    throw new PacketGridException(where, "value " + Values.display(values.get(i)) + " is listed twice");
                }
            }
        }
        return values;
    }

    static List<JsonNode> range(JsonNode node, String where) {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!RANGE_KEYS.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new PacketGridException(where, "unknown range field '" + unknown.iterator().next()
                    + "' (a range is {from: A, to: B, step: S})");
        }
        BigDecimal from = number(node, "from", where);
        BigDecimal to = number(node, "to", where);
        BigDecimal step = number(node, "step", where);
        if (step.signum() == 0) {
            throw new PacketGridException(where, "range step must not be 0");
        }
        BigDecimal span = to.subtract(from);
        if (span.signum() != 0 && span.signum() != step.signum()) {
            throw new PacketGridException(where, "range from " + from.toPlainString() + " to " + to.toPlainString()
                    + " is never reached with step " + step.toPlainString()
                    + (step.signum() > 0 ? " (to must be ≥ from)" : " (to must be ≤ from)"));
        }
        BigDecimal steps = span.divide(step, MathContext.DECIMAL128).setScale(0, RoundingMode.FLOOR);
        if (steps.compareTo(BigDecimal.valueOf(MAX_VALUES - 1)) > 0) {
            throw new PacketGridException(where, "range has " + steps.add(BigDecimal.ONE).toPlainString()
                    + " values, more than " + MAX_VALUES + " (check from, to and step)");
        }
        boolean integral = isIntegral(from) && isIntegral(step);
        List<JsonNode> values = new ArrayList<>();
        for (int i = 0; i <= steps.intValueExact(); i++) {
            BigDecimal v = from.add(step.multiply(BigDecimal.valueOf(i)));
            if (integral) {
                long l = v.longValueExact();
                values.add(l == (int) l ? IntNode.valueOf((int) l) : LongNode.valueOf(l));
            } else {
                values.add(DoubleNode.valueOf(v.doubleValue()));
            }
        }
        return values;
    }

    private static boolean isIntegral(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static BigDecimal number(JsonNode range, String key, String where) {
        JsonNode v = range.get(key);
        if (v == null || v.isNull()) {
            throw new PacketGridException(where, "range needs '" + key + "' (a range is {from: A, to: B, step: S})");
        }
        if (!v.isNumber()) {
            throw new PacketGridException(where + "." + key, "expected a number, got '" + Values.display(v) + "'");
        }
        if (!v.isIntegralNumber() && !Double.isFinite(v.doubleValue())) {
            throw new PacketGridException(where + "." + key, "expected a finite number, got '" + Values.display(v) + "'");
        }
        return Values.decimal(v);
    }
}
