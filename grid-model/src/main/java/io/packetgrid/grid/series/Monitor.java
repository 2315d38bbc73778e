package io.packetgrid.grid.series;

import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An OpenDSS monitor on one terminal of an element, modes 0 (voltages and currents, magnitude
 * and angle) and 1 (powers in kW and kvar per conductor, or kVA and angle), sampled at every
 * time step. Values are kept as single precision, as OpenDSS's monitor stream does, and the CSV
 * export follows OpenDSS's layout (Monitor.pas ClearMonitorStream, TranslateToCSV): columns
 * {@code hour,t(sec),V1,VAngle1,...,I1,IAngle1,...} or {@code hour,t(sec),P1 (kW),Q1 (kvar),...};
 * hour as an integer, seconds with 5 decimals, values with 6 significant digits.
 */
public final class Monitor {
    private final String name;
    private final String elementName;
    private final int terminal;
    private final int mode;
    private final boolean viPolar;
    private final boolean pPolar;
    private CircuitElement element;
    private final List<float[]> rows = new ArrayList<>();
    private int conductors;

    public Monitor(String name, String elementName, int terminal, int mode, boolean viPolar, boolean pPolar) {
        this.name = name;
        this.elementName = elementName;
        this.terminal = terminal;
        this.mode = mode;
        this.viPolar = viPolar;
        this.pPolar = pPolar;
    }

    public String name() {
        return name;
    }

    public String elementName() {
        return elementName;
    }

    /** Binds the monitor to an element of the present network (after a rebuild). */
    public void bind(CircuitElement e) {
        this.element = e;
        this.conductors = e.connection().conductors();
    }

    /** System nodes this monitor reads (so the solver can keep them cheap). */
    public int[] nodes(PowerFlowSolver solver) {
        return element == null ? new int[0] : solver.network().nodesOf(element);
    }

    public void reset() {
        rows.clear();
    }

    public int samples() {
        return rows.size();
    }

    public List<float[]> rows() {
        return List.copyOf(rows);
    }

    /** Takes a sample of the present solution at time (hour, seconds within the hour). */
    public void sample(PowerFlowSolver solver, int hour, double sec) {
        if (element == null) {
            return;
        }
        double[][] f = ElementFlows.solve(solver, element);
        int nc = conductors;
        int off = (terminal - 1) * nc;
        float[] row;
        if (mode == 0) {
            row = new float[2 + 4 * nc];
            for (int c = 0; c < nc; c++) {
                polar(f[0][off + c], f[1][off + c], row, 2 + 2 * c);
                polar(f[2][off + c], f[3][off + c], row, 2 + 2 * nc + 2 * c);
            }
        } else {
            row = new float[2 + 2 * nc];
            for (int c = 0; c < nc; c++) {
                double vr = f[0][off + c];
                double vi = f[1][off + c];
                double ir = f[2][off + c];
                double ii = f[3][off + c];
                double p = (vr * ir + vi * ii) / 1000.0;
                double q = (vi * ir - vr * ii) / 1000.0;
                if (pPolar) {
                    row[2 + 2 * c] = (float) Math.sqrt((p) * (p) + (q) * (q));
                    row[3 + 2 * c] = (float) Math.toDegrees(Math.atan2(q, p));
                } else {
                    row[2 + 2 * c] = (float) p;
                    row[3 + 2 * c] = (float) q;
                }
            }
        }
        row[0] = hour;
        row[1] = (float) sec;
        rows.add(row);
    }

    private void polar(double re, double im, float[] row, int at) {
        if (viPolar) {
            row[at] = (float) Math.sqrt((re) * (re) + (im) * (im));
            row[at + 1] = (float) Math.toDegrees(Math.atan2(im, re));
        } else {
            row[at] = (float) re;
            row[at + 1] = (float) im;
        }
    }

    /** The CSV header (CLI.md contract). */
    public String header() {
        StringBuilder sb = new StringBuilder("hour,t(sec)");
        int nc = conductors;
        if (mode == 0) {
            for (int c = 1; c <= nc; c++) {
                sb.append(viPolar ? ",V" + c + ",VAngle" + c : ",V" + c + ".re,V" + c + ".im");
            }
            for (int c = 1; c <= nc; c++) {
                sb.append(viPolar ? ",I" + c + ",IAngle" + c : ",I" + c + ".re,I" + c + ".im");
            }
        } else {
            for (int c = 1; c <= nc; c++) {
                sb.append(pPolar ? ",S" + c + " (kVA),Ang" + c : ",P" + c + " (kW),Q" + c + " (kvar)");
            }
        }
        return sb.toString();
    }

    public void write(Writer w) throws IOException {
        w.write(header());
        w.write('\n');
        StringBuilder sb = new StringBuilder();
        for (float[] r : rows) {
            sb.setLength(0);
            sb.append((long) r[0]).append(',').append(String.format(Locale.ROOT, "%.5f", (double) r[1]));
            for (int k = 2; k < r.length; k++) {
                sb.append(',').append(sig6(r[k]));
            }
            sb.append('\n');
            w.write(sb.toString());
        }
    }

    /** A value with 6 significant digits, like Pascal's {@code Format('%-.6g')}. */
    static String sig6(float v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.6g", (double) v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            String mant = stripZeros(parts[0]);
            int exp = Integer.parseInt(parts[1]);
            return mant + "E" + (exp < 0 ? "-" : "") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
        }
        return stripZeros(s);
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
