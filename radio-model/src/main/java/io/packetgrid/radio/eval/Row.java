package io.packetgrid.radio.eval;

import io.packetgrid.radio.fbl.Channel;
import java.util.Map;
import java.util.regex.Pattern;

/** One input row by column name, with strict typed access (decimal numbers only: no NaN, ∞, hex). */
public final class Row {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private final Map<String, String> values;

    public Row(Map<String, String> values) {
        this.values = values;
    }

    /** The raw text of a column, trimmed. */
    public String text(String column) {
        String v = values.get(column);
        if (v == null || v.isBlank()) {
            throw new BadValueException(column, "missing value");
        }
        return v.trim();
    }

    public double number(String column) {
        String t = text(column);
        if (!NUMBER.matcher(t).matches()) {
            throw new BadValueException(column, "expected a decimal number, got '" + t + "'");
        }
        double v = Double.parseDouble(t);
        if (Double.isInfinite(v)) {
            throw new BadValueException(column, "number out of range: '" + t + "'");
        }
        return v;
    }

    public double positive(String column) {
        double v = number(column);
        if (!(v > 0)) {
            throw new BadValueException(column, column + " must be > 0, got " + text(column));
        }
        return v;
    }

    public double nonNegative(String column) {
        double v = number(column);
        if (!(v >= 0)) {
            throw new BadValueException(column, column + " must be ≥ 0, got " + text(column));
        }
        return v;
    }

    /** In [0, 1]. */
    public double unit(String column) {
        double v = number(column);
        if (!(v >= 0 && v <= 1)) {
            throw new BadValueException(column, column + " must be in [0, 1], got " + text(column));
        }
        return v;
    }

    /** A probability strictly inside (0, 1). */
    public double openProbability(String column) {
        double v = number(column);
        if (!(v > 0 && v < 1)) {
            throw new BadValueException(column, column + " must be in (0, 1), got " + text(column));
        }
        return v;
    }

    /** A whole number ≥ {@code min} (written as an integer or an integral decimal). */
    public long integer(String column, long min) {
        double v = number(column);
        if (v != Math.rint(v) || Math.abs(v) > 9.007199254740992e15) {
            throw new BadValueException(column, column + " must be a whole number, got " + text(column));
        }
        if (v < min) {
            throw new BadValueException(column, column + " must be ≥ " + min + ", got " + text(column));
        }
        return (long) v;
    }

    public Channel channel(String column) {
        String t = text(column);
        try {
            return Channel.parse(t);
        } catch (IllegalArgumentException e) {
            throw new BadValueException(column, e.getMessage());
        }
    }

    /** dB → linear. */
    public double decibels(String column) {
        return Math.pow(10, number(column) / 10);
    }
}
