package io.packetgrid.cosim.time;

import io.packetgrid.cosim.error.PacketGridException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Simulated time and durations are integer nanoseconds ({@code long}): exact, totally ordered and
 * the same on every machine (as HELICS does internally). This class parses and prints durations
 * such as {@code 1m}, {@code 10s}, {@code 250us}, {@code 1.5ms}, {@code 1h30m}.
 */
public final class SimTime {
    public static final long NS = 1L;
    public static final long US = 1_000L;
    public static final long MS = 1_000_000L;
    public static final long S = 1_000_000_000L;
    public static final long MIN = 60 * S;
    public static final long H = 60 * MIN;
    public static final long D = 24 * H;

    /** "Never": a federate that returns it from a step only runs again when an event wakes it. */
    public static final long NEVER = Long.MAX_VALUE;

    private static final String[] UNITS = {"d", "h", "m", "s", "ms", "us", "ns"};
    private static final long[] UNIT_NS = {D, H, MIN, S, MS, US, NS};

    private SimTime() {
    }

    public static long seconds(double s) {
        return Math.round(s * S);
    }

    public static long minutes(long m) {
        return Math.multiplyExact(m, MIN);
    }

    public static double toSeconds(long ns) {
        return ns / (double) S;
    }

    /**
     * Parses a duration: one or more {@code <number><unit>} terms, units {@code d h m s ms us ns}
     * ({@code µs} also accepted, {@code min} as an alias of {@code m}); a bare {@code 0} is zero.
     * Fractions are allowed as long as the result is a whole number of nanoseconds.
     *
     * @throws IllegalArgumentException with the message {@code expected a duration like 10s, got 'x'}
     */
    public static long parse(String text) {
        if (text == null) {
            throw bad("null");
        }
        String s = text.trim().toLowerCase(Locale.ROOT).replace("µs", "us").replace("min", "m");
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw bad(text);
        }
        long total = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (i == start) {
                throw bad(text);
            }
            String number = s.substring(start, i);
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            long unit = unitNs(s.substring(unitStart, i), text);
            try {
                BigDecimal ns = new BigDecimal(number).multiply(BigDecimal.valueOf(unit));
                total = Math.addExact(total, ns.longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                throw bad(text);
            }
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }
        return total;
    }

    private static long unitNs(String unit, String text) {
        for (int u = 0; u < UNITS.length; u++) {
            if (UNITS[u].equals(unit)) {
                return UNIT_NS[u];
            }
        }
        throw bad(text);
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("expected a duration like 10s, got '" + text + "'");
    }

    /** Like {@link #parse(String)}, reporting a bad value as a {@link PacketGridException} at {@code where}. */
    public static long parse(String text, String where) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new PacketGridException(where, e.getMessage());
        }
    }

    /**
     * Prints a duration exactly and briefly, the inverse of {@link #parse(String)}: {@code 60 s} prints
     * as {@code 1m}, {@code 90 s} as {@code 1m30s}, {@code 250 000 ns} as {@code 250us}.
     */
    public static String format(long ns) {
        if (ns == NEVER) {
            return "never";
        }
        if (ns == 0) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        long rest = ns;
        if (rest < 0) {
            b.append('-');
            rest = -rest;
        }
        for (int u = 0; u < UNITS.length && rest > 0; u++) {
            long q = rest / UNIT_NS[u];
            if (q > 0) {
                b.append(q).append(UNITS[u]);
                rest -= q * UNIT_NS[u];
            }
        }
        return b.toString();
    }

    /** Seconds as an exact decimal string ({@code 60.25}, {@code 0.000001}), as recordings print time. */
    public static String toSecondsString(long ns) {
        if (ns % S == 0) {
            return Long.toString(ns / S);
        }
        return BigDecimal.valueOf(ns, 9).stripTrailingZeros().toPlainString();
    }
}
