package io.packetgrid.grid.dss;

import io.packetgrid.cosim.error.PacketGridException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Conversions of property values as OpenDSS reads them; errors name the property. */
final class DssValues {
    private DssValues() {
    }

    /** The bus of a bus specification, without its node list ({@code bus.1.2} gives {@code bus}; OpenDSS StripExtension). */
    static String busName(String spec) {
        int dot = spec.indexOf('.');
        return dot >= 0 ? spec.substring(0, dot) : spec;
    }

    /** A plain decimal number, or null (Pascal Val accepts leading/trailing spaces only). */
    static Double parseNumber(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        char c0 = t.charAt(0);
        if (!(Character.isDigit(c0) || c0 == '.' || c0 == '-' || c0 == '+')) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return null;
            }
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static double toDouble(String value, boolean quoted, String where, String property) {
        if (value.isEmpty()) {
            throw new PacketGridException(where, property + " needs a value");
        }
        double d;
        if (quoted) {
            try {
                d = Rpn.eval(value);
            } catch (NumberFormatException e) {
                throw new PacketGridException(where, property + ": " + e.getMessage());
            }
        } else {
            Double p = parseNumber(value);
            if (p == null) {
                throw new PacketGridException(where, property + ": expected a number, got '" + value + "'");
            }
            d = p;
        }
        if (!Double.isFinite(d)) {
            throw new PacketGridException(where, property + ": value is not finite ('" + value + "')");
        }
        return d;
    }

    static int toInt(String value, boolean quoted, String where, String property) {
        double d = toDouble(value, quoted, where, property);
        if (Math.abs(d) > 1e9) {
            throw new PacketGridException(where, property + ": integer out of range ('" + value + "')");
        }
        return (int) Math.round(d);
    }

    /** OpenDSS InterpretYesNo: true unless the text starts with n, f or 0. */
    static boolean toBool(String value, String where, String property) {
        if (value.isEmpty()) {
            throw new PacketGridException(where, property + " needs yes or no");
        }
        char c = Character.toLowerCase(value.trim().charAt(0));
        return !(c == 'n' || c == 'f' || c == '0');
    }

    /** Numbers of an array value ([a b c], (a, b), "a b"); rows separators ignored. */
    static double[] toArray(String value, String where, String property) {
        List<String> items;
        try {
            items = DssTokenizer.arrayItems(value);
        } catch (DssTokenizer.SyntaxException e) {
            throw new PacketGridException(where, property + ": " + e.getMessage());
        }
        List<Double> out = new ArrayList<>();
        for (String it : items) {
            if (it == null) {
                continue;
            }
            if (it.startsWith("\u0001")) {
                out.add(toDouble(it.substring(1), true, where, property));
            } else {
                out.add(toDouble(it, false, where, property));
            }
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    /** Rows of a (lower-triangular or full) matrix separated by {@code |}. */
    static List<double[]> toRows(String value, String where, String property) {
        List<String> items;
        try {
            items = DssTokenizer.arrayItems(value);
        } catch (DssTokenizer.SyntaxException e) {
            throw new PacketGridException(where, property + ": " + e.getMessage());
        }
        List<double[]> rows = new ArrayList<>();
        List<Double> cur = new ArrayList<>();
        for (String it : items) {
            if (it == null) {
                rows.add(cur.stream().mapToDouble(Double::doubleValue).toArray());
                cur = new ArrayList<>();
                continue;
            }
            cur.add(it.startsWith("\u0001") ? toDouble(it.substring(1), true, where, property) : toDouble(it, false, where, property));
        }
        if (!cur.isEmpty() || rows.isEmpty()) {
            rows.add(cur.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return rows;
    }

    /** Strings of an array value. */
    static List<String> toStrings(String value) {
        List<String> out = new ArrayList<>();
        for (String it : DssTokenizer.arrayItems(value)) {
            if (it != null) {
                out.add(it.startsWith("\u0001") ? it.substring(1) : it);
            }
        }
        return out;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
