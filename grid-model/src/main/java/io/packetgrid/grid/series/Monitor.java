package io.packetgrid.grid.series;

import io.packetgrid.grid.model.Capacitor;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.StateVariables;
import io.packetgrid.grid.model.Storage;
import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An OpenDSS monitor on one terminal of an element (Monitor.pas ClearMonitorStream, TakeSample,
 * TranslateToCSV, re-derived). Modes ({@code mode & 15}): 0 voltages and currents, 1 powers (kW,
 * kvar or kVA and angle), 2 a transformer's tap (pu) at the monitored winding, 3 the element's
 * state variables (generator, PV system, storage), 5 the solution's variables ({@link SolutionVariables}:
 * iterations, limits, mode, the times this program took), 6 a capacitor's steps, 7 a storage unit's kW,
 * kvar, kWh, % stored and state, 9 the element's losses (W, var). For modes 0 and 1 the flags add:
 * +16 symmetrical components (three-phase elements), +32 magnitudes only, +64 the positive sequence
 * or the phases' total power / average voltage and current; {@code residual=yes} adds to mode 0 the
 * sum of the phase voltages and of the phase currents (VN, IN) after each group. Values are kept in single precision as
 * OpenDSS's monitor stream does; the CSV export has OpenDSS's columns: {@code hour,t(sec)} and the
 * mode's, hour as an integer, seconds with 5 decimals, values with 6 significant digits.
 */
public final class Monitor {
    private final String name;
    private final String elementName;
    private final int terminal;
    private final int mode;
    private final boolean viPolar;
    private final boolean pPolar;
    /** {@code residual=yes}: mode 0 also records the sum of the phases' voltages and currents (VN, IN). */
    private final boolean residual;
    private CircuitElement element;
    private final List<float[]> rows = new ArrayList<>();
    private int conductors;
    private int phases;

    public Monitor(String name, String elementName, int terminal, int mode, boolean viPolar, boolean pPolar) {
        this(name, elementName, terminal, mode, viPolar, pPolar, false);
    }

    public Monitor(String name, String elementName, int terminal, int mode, boolean viPolar, boolean pPolar, boolean residual) {
        this.residual = residual;
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

    public int mode() {
        return mode;
    }

    /** The base mode ({@code mode & 15}) the modes OpenDSS defines and this monitor records. */
    public static boolean supported(int mode) {
        int base = mode & 15;
        return base == 0 || base == 1 || base == 2 || base == 3 || base == 5 || base == 6 || base == 7 || base == 9;
    }

    /**
     * Binds the monitor to an element of the present network (after a rebuild).
     *
     * @return null if the element suits the mode, else why not
     */
    public String bind(CircuitElement e) {
        String why = switch (mode & 15) {
            case 2 -> e instanceof Transformer ? null : "mode 2 (tap) needs a transformer";
            case 3 -> e instanceof StateVariables ? null : "mode 3 (state variables) needs a generator, PV system or storage";
            case 6 -> e instanceof Capacitor ? null : "mode 6 (capacitor steps) needs a capacitor";
            default -> null;
        };
        this.element = e;
        this.conductors = e.connection().conductors();
        this.phases = e.phases();
        return why;
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

    private boolean sequence() {
        return (mode & 16) != 0 && phases == 3;
    }

    /** Takes a sample of the present solution at time (hour, seconds within the hour). */
    public void sample(PowerFlowSolver solver, int hour, double sec) {
        sample(solver, hour, sec, null);
    }

    /** The same, with the simulation whose solution variables a mode-5 monitor records (null: none, zeros). */
    public void sample(PowerFlowSolver solver, int hour, double sec, Simulation simulation) {
        if (element == null) {
            return;
        }
        List<Double> v = new ArrayList<>();
        switch (mode & 15) {
            case 5 -> {
                double[] sv = simulation == null ? new double[SolutionVariables.NAMES.length] : simulation.solutionVariables().values();
                for (double x : sv) {
                    v.add(x);
                }
            }
            case 2 -> {
                Transformer t = (Transformer) element;
                v.add(t.tap(Math.min(terminal, t.windingCount()) - 1));
            }
            case 3 -> {
                StateVariables sv = (StateVariables) element;
                if (element instanceof Storage st) {
                    double[] pq = ElementFlows.terminalPowers(solver, element);
                    st.observe(pq[0] / 1000.0, pq[1] / 1000.0);
                }
                double[] out = new double[sv.variableNames().length];
                sv.variables(out);
                for (double x : out) {
                    v.add(x);
                }
            }
            case 6 -> {
                Capacitor c = (Capacitor) element;
                for (int s = 0; s < c.numSteps(); s++) {
                    v.add((double) c.state(s));
                }
            }
            case 7 -> {
                if (element instanceof Storage st) {
                    v.add(st.presentKw());
                    v.add(st.presentKvar());
                    v.add(st.kwhStored());
                    v.add(st.kwhStored() / st.kwhRated() * 100.0);
                    v.add((double) st.state());
                }
            }
            case 9 -> {
                double[] s = ElementFlows.terminalPowers(solver, element);
                double p = 0;
                double q = 0;
                for (int k = 0; k < s.length; k += 2) {
                    p += s[k];
                    q += s[k + 1];
                }
                v.add(p);
                v.add(q);
            }
            default -> voltsAndPowers(solver, v);
        }
        float[] row = new float[2 + v.size()];
        row[0] = hour;
        row[1] = (float) sec;
        for (int k = 0; k < v.size(); k++) {
            row[2 + k] = v.get(k).floatValue();
        }
        rows.add(row);
    }

    /** Modes 0 and 1 with the +16, +32, +64 flags (TakeSample's last part). */
    private void voltsAndPowers(PowerFlowSolver solver, List<Double> out) {
        double[][] f = ElementFlows.solve(solver, element);
        int off = (terminal - 1) * conductors;
        int n = conductors;
        double[] vr = new double[n];
        double[] vi = new double[n];
        double[] ir = new double[n];
        double[] ii = new double[n];
        for (int c = 0; c < n; c++) {
            vr[c] = f[0][off + c];
            vi[c] = f[1][off + c];
            ir[c] = f[2][off + c];
            ii[c] = f[3][off + c];
        }
        boolean seq = sequence();
        int numVI = n;
        if (seq) {
            double[][] vs = symmetrical(vr, vi);
            double[][] is = symmetrical(ir, ii);
            vr = vs[0];
            vi = vs[1];
            ir = is[0];
            ii = is[1];
            numVI = 3;
        }
        boolean power = (mode & 15) == 1;
        // Monitor.pas TakeSample: the residual (sum over the phases of the buffers as they are now,
        // sequence components if +16) in mode 0 only, polar when VIPolar; recorded after the
        // voltages and after the currents, without +64/+96, only its first part (magnitude) with +32
        double[] resV = null;
        double[] resI = null;
        if (residual && (mode & 15) == 0) {
            resV = new double[2];
            resI = new double[2];
            for (int c = 0; c < phases; c++) {
                resV[0] += vr[c];
                resV[1] += vi[c];
                resI[0] += ir[c];
                resI[1] += ii[c];
            }
            if (viPolar) {
                resV = polarOf(resV);
                resI = polarOf(resI);
            }
        }
        if (power) {
            for (int c = 0; c < numVI; c++) {
                double p = (vr[c] * ir[c] + vi[c] * ii[c]) / 1000.0;
                double q = (vi[c] * ir[c] - vr[c] * ii[c]) / 1000.0;
                if (seq) {
                    p *= 3.0;
                    q *= 3.0;
                }
                vr[c] = p;
                vi[c] = q;
            }
            if (pPolar) {
                polar(vr, vi, numVI);
            }
        } else if (viPolar) {
            polar(vr, vi, numVI);
            polar(ir, ii, numVI);
        }
        switch (mode & 96) {
            case 32 -> {
                for (int c = 0; c < numVI; c++) {
                    out.add(vr[c]);
                }
                if (resV != null) {
                    out.add(resV[0]);
                }
                if (!power) {
                    for (int c = 0; c < numVI; c++) {
                        out.add(ir[c]);
                    }
                    if (resI != null) {
                        out.add(resI[0]);
                    }
                }
            }
            case 64 -> {
                if (seq) {
                    out.add(vr[1]);
                    out.add(vi[1]);
                    if (!power) {
                        out.add(ir[1]);
                        out.add(ii[1]);
                    }
                } else {
                    double sr = 0;
                    double si = 0;
                    for (int c = 0; c < phases; c++) {
                        sr += vr[c];
                        si += vi[c];
                    }
                    out.add(power ? sr : sr / phases);
                    out.add(si);
                    if (!power) {
                        sr = 0;
                        si = 0;
                        for (int c = 0; c < phases; c++) {
                            sr += ir[c];
                            si += ii[c];
                        }
                        out.add(sr / phases);
                        out.add(si);
                    }
                }
            }
            case 96 -> {
                if (seq) {
                    out.add(vr[1]);
                    if (!power) {
                        out.add(ir[1]);
                    }
                } else {
                    double sum = 0;
                    for (int c = 0; c < phases; c++) {
                        sum += vr[c];
                    }
                    out.add(power ? sum : sum / phases);
                    if (!power) {
                        sum = 0;
                        for (int c = 0; c < phases; c++) {
                            sum += ir[c];
                        }
                        out.add(sum / phases);
                    }
                }
            }
            default -> {
                for (int c = 0; c < numVI; c++) {
                    out.add(vr[c]);
                    out.add(vi[c]);
                }
                if (!power) {
                    if (resV != null) {
                        out.add(resV[0]);
                        out.add(resV[1]);
                    }
                    for (int c = 0; c < numVI; c++) {
                        out.add(ir[c]);
                        out.add(ii[c]);
                    }
                    if (resI != null) {
                        out.add(resI[0]);
                        out.add(resI[1]);
                    }
                }
            }
        }
    }

    /** {re, im} as {magnitude, angle in degrees}. */
    private static double[] polarOf(double[] z) {
        return new double[] {Math.hypot(z[0], z[1]), Math.toDegrees(Math.atan2(z[1], z[0]))};
    }

    /** Phase2SymComp: {0, 1, 2} sequence components of the first three conductors, a = 1 at 120 degrees. */
    private static double[][] symmetrical(double[] xr, double[] xi) {
        double c = -0.5;
        double s = Math.sqrt(3.0) / 2.0;
        double[] r = new double[3];
        double[] i = new double[3];
        r[0] = (xr[0] + xr[1] + xr[2]) / 3.0;
        i[0] = (xi[0] + xi[1] + xi[2]) / 3.0;
        // a Vb and a^2 Vc
        double abr = c * xr[1] - s * xi[1];
        double abi = c * xi[1] + s * xr[1];
        double a2br = c * xr[1] + s * xi[1];
        double a2bi = c * xi[1] - s * xr[1];
        double acr = c * xr[2] - s * xi[2];
        double aci = c * xi[2] + s * xr[2];
        double a2cr = c * xr[2] + s * xi[2];
        double a2ci = c * xi[2] - s * xr[2];
        r[1] = (xr[0] + abr + a2cr) / 3.0;
        i[1] = (xi[0] + abi + a2ci) / 3.0;
        r[2] = (xr[0] + a2br + acr) / 3.0;
        i[2] = (xi[0] + a2bi + aci) / 3.0;
        return new double[][] {r, i};
    }

    private static void polar(double[] re, double[] im, int n) {
        for (int k = 0; k < n; k++) {
            double m = Math.hypot(re[k], im[k]);
            double a = Math.toDegrees(Math.atan2(im[k], re[k]));
            re[k] = m;
            im[k] = a;
        }
    }

    /** The CSV header (CLI.md contract for modes 0 and 1; OpenDSS's names for the others). */
    public String header() {
        StringBuilder sb = new StringBuilder("hour,t(sec)");
        switch (mode & 15) {
            case 2 -> sb.append(",Tap (pu)");
            case 5 -> sb.append(',').append(String.join(",", SolutionVariables.NAMES));
            case 3 -> {
                if (element instanceof StateVariables sv) {
                    for (String n : sv.variableNames()) {
                        sb.append(',').append(n);
                    }
                }
            }
            case 6 -> {
                if (element instanceof Capacitor c) {
                    for (int s = 1; s <= c.numSteps(); s++) {
                        sb.append(",Step_").append(s);
                    }
                }
            }
            case 7 -> sb.append(",kW output,kvar output,kW Stored,%kW Stored,State");
            case 9 -> sb.append(",watts,vars");
            default -> voltsAndPowersHeader(sb);
        }
        return sb.toString();
    }

    private void voltsAndPowersHeader(StringBuilder sb) {
        boolean seq = sequence();
        int numVI = seq ? 3 : conductors;
        int lo = seq ? 0 : 1;
        boolean power = (mode & 15) == 1;
        switch (mode & 96) {
            case 32 -> {
                if (!power) {
                    for (int i = 1; i <= numVI; i++) {
                        sb.append(",|V|").append(i).append(" (volts)");
                    }
                    if (residual) {
                        sb.append(",|VN| (volts)");
                    }
                    for (int i = 1; i <= numVI; i++) {
                        sb.append(",|I|").append(i).append(" (amps)");
                    }
                    if (residual) {
                        sb.append(",|IN| (amps)");
                    }
                } else {
                    for (int i = 1; i <= numVI; i++) {
                        sb.append(pPolar ? ",S" + i + " (kVA)" : ",P" + i + " (kW)");
                    }
                }
            }
            case 64 -> {
                if (!power) {
                    sb.append(viPolar ? ",V1,V1ang,I1,I1ang" : ",V1.re,V1.im,I1.re,I1.im");
                } else {
                    sb.append(pPolar ? ",S1 (kVA),Ang" : ",P1 (kW),Q1 (kvar)");
                }
            }
            case 96 -> {
                if (!power) {
                    sb.append(",V,I");
                } else {
                    sb.append(pPolar ? ",S1 (kVA)" : ",P1 (kW)");
                }
            }
            default -> {
                if (!power) {
                    for (int c = lo; c < lo + numVI; c++) {
                        sb.append(viPolar ? ",V" + c + ",VAngle" + c : ",V" + c + ".re,V" + c + ".im");
                    }
                    if (residual) {
                        sb.append(viPolar ? ",VN,VNAngle" : ",VN.re,VN.im");
                    }
                    for (int c = lo; c < lo + numVI; c++) {
                        sb.append(viPolar ? ",I" + c + ",IAngle" + c : ",I" + c + ".re,I" + c + ".im");
                    }
                    if (residual) {
                        sb.append(viPolar ? ",IN,INAngle" : ",IN.re,IN.im");
                    }
                } else {
                    for (int c = lo; c < lo + numVI; c++) {
                        sb.append(pPolar ? ",S" + c + " (kVA),Ang" + c : ",P" + c + " (kW),Q" + c + " (kvar)");
                    }
                }
            }
        }
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
