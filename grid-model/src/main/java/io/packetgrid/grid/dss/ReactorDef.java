package io.packetgrid.grid.dss;

import java.util.List;

/**
 * OpenDSS Reactor (Reactor.pas, properties, defaults and side effects re-derived): {@code bus2}
 * defaults to {@code bus1}'s nodes 0 (a grounded shunt) until a bus2 on another bus is given
 * ({@link ShuntDef#setBus1});
 * the reactance comes from the last-given form: {@code kvar} at {@code kv} (the default, 100 kvar at
 * 12.47 kV), {@code X} (or {@code Z}, or {@code LmH}), {@code Rmatrix}/{@code Xmatrix} (in series, or
 * in parallel with {@code Parallel=yes}), or {@code Z1} (with {@code Z2}, {@code Z0} defaulting to it).
 * {@code R} alone does not change the form (so {@code R=0.001 X=0} is 0.001 ohm, but {@code R=0.001}
 * alone keeps the kvar-rated reactance, as in OpenDSS); {@code Rp} adds a parallel resistance to the
 * scalar forms.
 */
final class ReactorDef extends ShuntDef {
    static final PropertyTable TABLE = new PropertyTable("bus1", "bus2", "phases", "kvar", "kv", "conn", "Rmatrix", "Xmatrix",
            "Parallel", "R", "X", "Rp", "Z1", "Z2", "Z0", "Z", "RCurve", "LCurve", "LmH", "normamps", "emergamps", "faultrate",
            "pctperm", "repair", "basefreq", "enabled", "like");

    /** How the impedance was last given (OpenDSS SpecType). */
    enum Spec { KVAR, RX, MATRIX, SEQUENCE }

    double kvar = 100;
    double[] rmatrix;
    double[] xmatrix;
    boolean parallel;
    double r;
    double x = 12.47 * 12.47 * 1000.0 / 100.0;
    double rp;
    boolean rpSet;
    double[] z1 = {0, 0};
    double[] z2 = {0, 0};
    double[] z0 = {0, 0};
    boolean z2Set;
    boolean z0Set;
    String rCurve;
    String lCurve;
    Spec spec = Spec.KVAR;

    ReactorDef(String name, String at) {
        super("Reactor", name, at, "reactors");
    }

    @Override
    PropertyTable table() {
        return TABLE;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "kvar" -> {
                kvar = ctx.dbl(p, key);
                if (kvar == 0) {
                    throw ctx.error("kvar must not be 0");
                }
                spec = Spec.KVAR;
            }
            case "rmatrix" -> {
                rmatrix = squareMatrix(p, key, ctx);
                spec = Spec.MATRIX;
            }
            case "xmatrix" -> {
                xmatrix = squareMatrix(p, key, ctx);
                spec = Spec.MATRIX;
            }
            case "parallel" -> parallel = ctx.bool(p, key);
            case "r" -> r = ctx.dbl(p, key);
            case "x" -> {
                x = ctx.dbl(p, key);
                spec = Spec.RX;
            }
            case "rp" -> {
                rp = ctx.dbl(p, key);
                rpSet = true;
            }
            case "z1" -> {
                z1 = complex(p, key, ctx);
                if (!z2Set) {
                    z2 = z1.clone();
                }
                if (!z0Set) {
                    z0 = z1.clone();
                }
                spec = Spec.SEQUENCE;
            }
            case "z2" -> {
                z2 = complex(p, key, ctx);
                z2Set = true;
            }
            case "z0" -> {
                z0 = complex(p, key, ctx);
                z0Set = true;
            }
            case "z" -> {
                double[] z = complex(p, key, ctx);
                r = z[0];
                x = z[1];
                spec = Spec.RX;
            }
            case "rcurve" -> rCurve = ctx.xyCurveOrNone(p);
            case "lcurve" -> lCurve = ctx.xyCurveOrNone(p);
            case "lmh" -> {
                x = ctx.dbl(p, key) * 1e-3 * 2 * Math.PI * ctx.circuit().baseFrequency;
                spec = Spec.RX;
            }
            default -> {
                return setShared(key, p, ctx);
            }
        }
        return true;
    }

    static double[] complex(DssTokenizer.Param p, String key, EditContext ctx) {
        double[] a = ctx.array(p, key);
        if (a.length != 2) {
            throw ctx.error(key + ": expected [R X] (two numbers), got " + a.length);
        }
        return a;
    }

    private double[] squareMatrix(DssTokenizer.Param p, String key, EditContext ctx) {
        List<double[]> rows = DssValues.toRows(p.value(), ctx.where(), key);
        if (rows.size() != phases) {
            throw ctx.error(key + ": " + rows.size() + " rows for " + phases + " phases (set phases first)");
        }
        double[] m = new double[phases * phases];
        for (int i = 0; i < phases; i++) {
            double[] row = rows.get(i);
            if (row.length != i + 1 && row.length != phases) {
                throw ctx.error(key + ": row " + (i + 1) + " needs " + (i + 1) + " (lower triangle) or " + phases + " values, got "
                        + row.length);
            }
            for (int j = 0; j < row.length; j++) {
                m[i * phases + j] = row[j];
                if (row.length == i + 1) {
                    m[j * phases + i] = row[j];
                }
            }
        }
        return m;
    }
}
