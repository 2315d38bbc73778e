package io.packetgrid.studies.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Metrics of several variants as a text table: one row per metric, one column per variant. */
public final class SummaryTable {
    private SummaryTable() {
    }

    /**
     * @param rows     the metrics to show, in order (those no variant has are skipped)
     * @param variants variant name → its metrics
     */
    public static String format(List<String> rows, Map<String, Map<String, Object>> variants) {
        List<String> names = new ArrayList<>(variants.keySet());
        int w0 = "metric".length();
        Set<String> shown = new LinkedHashSet<>();
        for (String r : rows) {
            for (Map<String, Object> m : variants.values()) {
                if (m.containsKey(r)) {
                    shown.add(r);
                }
            }
        }
        for (String r : shown) {
            w0 = Math.max(w0, r.length());
        }
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (String n : names) {
            int w = Math.max(8, n.length());
            for (String r : shown) {
                w = Math.max(w, cell(variants.get(n).get(r)).length());
            }
            widths.put(n, w);
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-" + w0 + "s", "metric"));
        for (String n : names) {
            b.append("  ").append(String.format(Locale.ROOT, "%" + widths.get(n) + "s", n));
        }
        b.append('\n');
        for (String r : shown) {
            b.append(String.format(Locale.ROOT, "%-" + w0 + "s", r));
            for (String n : names) {
                b.append("  ").append(String.format(Locale.ROOT, "%" + widths.get(n) + "s", cell(variants.get(n).get(r))));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static String cell(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "-";
            }
            double a = Math.abs(d);
            if (a != 0 && (a >= 1e6 || a < 1e-3)) {
                return String.format(Locale.ROOT, "%.3g", d);
            }
            String s = String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : "%.4f", d);
            return s;
        }
        return v.toString();
    }

    public static void print(PrintStream out, String text) {
        out.print(text);
        out.flush();
    }
}
