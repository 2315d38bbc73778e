package io.packetgrid.cosim.record;

/** The few formatting rules every CSV the project writes follows, so that outputs are byte-stable. */
public final class CsvFormat {
    private CsvFormat() {
    }

    /**
     * A number as Java's shortest round-trip decimal ({@link Double#toString}), integers without
     * {@code .0}; NaN and infinities spelled {@code NaN}, {@code inf}, {@code -inf}.
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A text field, quoted per RFC 4180 when it holds a comma, quote or line break. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
