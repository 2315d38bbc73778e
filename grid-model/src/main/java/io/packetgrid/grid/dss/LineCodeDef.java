package io.packetgrid.grid.dss;

import io.packetgrid.grid.model.CMatrix;
import java.util.List;
import java.util.Set;

/** OpenDSS LineCode: impedances per unit length (sequence or matrix form), ratings, Kron reduction. */
final class LineCodeDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("nphases", "r1", "x1", "r0", "x0", "C1", "C0", "units", "rmatrix",
            "xmatrix", "cmatrix", "baseFreq", "normamps", "emergamps", "faultrate", "pctperm", "repair", "Kron", "Rg", "Xg",
            "rho", "neutral", "B1", "B0", "Seasons", "Ratings", "LineType", "like");
    private static final Set<String> NO_EFFECT = Set.of("faultrate", "pctperm", "repair", "seasons", "ratings", "linetype");

    int phases = 3;
    double r1 = 0.0580;
    double x1 = 0.1206;
    double r0 = 0.1784;
    double x0 = 0.4047;
    double c1 = 3.4e-9;
    double c0 = 1.6e-9;
    int units = LineUnits.NONE;
    double baseFreq;
    double normAmps = 400;
    double emergAmps = 600;
    double rg = 0.01805;
    double xg = 0.155081;
    double rho = 100;
    int neutral;
    boolean symComponents = true;
    CMatrix z;   // ohm per unit length
    CMatrix yc;  // siemens per unit length (imaginary part = w C)

    LineCodeDef(String name, String at, DssCircuit c) {
        super("LineCode", name, at);
        baseFreq = c.baseFrequency;
        neutral = phases;
        calcFromSequence();
    }

    @Override
    PropertyTable table() {
        return TABLE;
    }

    @Override
    Set<String> noEffect() {
        return NO_EFFECT;
    }

    @Override
    boolean isCircuitElement() {
        return false;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "nphases" -> {
                int n = ctx.count(p, "nphases", 1, 50);
                if (n != phases) {
                    phases = n;
                    neutral = n;
                    calcFromSequence();
                }
                symComponents = true;
            }
            case "r1" -> { r1 = ctx.dbl(p, key); symComponents = true; }
            case "x1" -> { x1 = ctx.dbl(p, key); symComponents = true; }
            case "r0" -> { r0 = ctx.dbl(p, key); symComponents = true; }
            case "x0" -> { x0 = ctx.dbl(p, key); symComponents = true; }
            case "c1" -> { c1 = ctx.dbl(p, key) * 1e-9; symComponents = true; }
            case "c0" -> { c0 = ctx.dbl(p, key) * 1e-9; }
            case "b1" -> { c1 = ctx.dbl(p, key) / (2 * Math.PI * baseFreq) * 1e-6; symComponents = true; }
            case "b0" -> { c0 = ctx.dbl(p, key) / (2 * Math.PI * baseFreq) * 1e-6; symComponents = true; }
            case "units" -> {
                int u = LineUnits.code(p.value());
                if (u < 0) {
                    throw ctx.error("units: unknown length unit '" + p.value() + "'");
                }
                units = u;
            }
            case "rmatrix", "xmatrix", "cmatrix" -> {
                double[] full = symMatrix(p, key, ctx);
                if (z == null || z.n != phases) {
                    calcFromSequence();
                }
                for (int i = 0; i < phases; i++) {
                    for (int j = 0; j < phases; j++) {
                        double v = full[i * phases + j];
                        int k = i * phases + j;
                        if (key.equals("rmatrix")) {
                            z.re[k] = v;
                        } else if (key.equals("xmatrix")) {
                            z.im[k] = v;
                        } else {
                            yc.re[k] = 0;
                            yc.im[k] = 2 * Math.PI * baseFreq * v * 1e-9;
                        }
                    }
                }
                symComponents = false;
            }
            case "basefreq" -> baseFreq = positive(ctx.dbl(p, key), key, ctx);
            case "normamps" -> normAmps = ctx.dbl(p, key);
            case "emergamps" -> emergAmps = ctx.dbl(p, key);
            case "rg" -> rg = ctx.dbl(p, key);
            case "xg" -> xg = ctx.dbl(p, key);
            case "rho" -> rho = positive(ctx.dbl(p, key), key, ctx);
            case "neutral" -> neutral = ctx.count(p, key, 0, phases);
            case "kron" -> {
                if (ctx.bool(p, key)) {
                    kron(ctx);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    static double positive(double v, String key, EditContext ctx) {
        if (!(v > 0)) {
            throw ctx.error(key + " must be positive");
        }
        return v;
    }

    /** Parses a symmetric matrix given by its lower triangle (or full rows) into a full array. */
    double[] symMatrix(DssTokenizer.Param p, String key, EditContext ctx) {
        List<double[]> rows = DssValues.toRows(p.value(), ctx.where(), key);
        double[] m = new double[phases * phases];
        if (rows.size() > phases) {
            throw ctx.error(key + ": " + rows.size() + " rows for " + phases + " phases (set nphases first)");
        }
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            if (row.length > phases) {
                throw ctx.error(key + ": row " + (i + 1) + " has " + row.length + " values for " + phases + " phases");
            }
            for (int j = 0; j < row.length; j++) {
                m[j * phases + i] = row[j];
                m[i * phases + j] = row[j];
            }
        }
        return m;
    }

    private void calcFromSequence() {
        z = io.packetgrid.grid.model.SourceImpedance.phaseMatrix(phases, r1, x1, r0, x0);
        yc = new CMatrix(phases);
        double y1 = 2 * Math.PI * baseFreq * c1;
        double y0 = 2 * Math.PI * baseFreq * c0;
        double ys = (2 * y1 + y0) / 3.0;
        double ym = (y0 - y1) / 3.0;
        for (int i = 0; i < phases; i++) {
            for (int j = 0; j < phases; j++) {
                yc.set(i, j, 0, i == j ? ys : ym);
            }
        }
    }

    private void kron(EditContext ctx) {
        if (symComponents || neutral == 0) {
            return;
        }
        if (phases <= 1) {
            throw ctx.error("cannot Kron-reduce a 1-phase LineCode");
        }
        int k = neutral - 1;
        CMatrix nz = z.kron(k);
        CMatrix ny;
        if (yc.isZero()) {
            ny = new CMatrix(phases - 1);
        } else {
            CMatrix inv = yc.inverse();
            if (inv == null) {
                throw ctx.error("Kron reduction failed: singular capacitance matrix");
            }
            CMatrix red = inv.kron(k).inverse();
            if (red == null) {
                throw ctx.error("Kron reduction failed: singular reduced capacitance matrix");
            }
            ny = red;
        }
        z = nz;
        yc = ny;
        phases = phases - 1;
        neutral = 0;
    }

    @Override
    void endEdit(EditContext ctx) {
        if (symComponents) {
            calcFromSequence();
        }
    }
}
