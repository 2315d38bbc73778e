package io.packetgrid.grid.dss;

import java.util.Set;

/** OpenDSS Capacitor: kvar per step (or capacitance), kV, connection, steps in service. */
final class CapacitorDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("bus1", "bus2", "phases", "kvar", "kv", "conn", "cmatrix", "cuf", "R",
            "XL", "Harm", "Numsteps", "states", "normamps", "emergamps", "faultrate", "pctperm", "repair", "basefreq",
            "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("faultrate", "pctperm", "repair");

    String bus1 = "";
    String bus2;
    boolean bus2Defined;
    int phases = 3;
    double[] kvar = {1200};
    double[] cuf;
    double kv = 12.47;
    boolean delta;
    double[] r = {0};
    double[] xl = {0};
    int[] states = {1};
    int steps = 1;
    Double normAmps;
    Double emergAmps;
    /** Run-time state kept across rebuilds: the terminal opened by a CapControl (not a property). */
    boolean open;

    CapacitorDef(String name, String at) {
        super("Capacitor", name, at);
    }

    @Override
    int terminals() {
        return delta ? 1 : 2;
    }

    @Override
    PropertyTable table() {
        return TABLE;
    }

    @Override
    Set<String> noEffect() {
        return NO_EFFECT;
    }

    private void resize(int n) {
        steps = n;
        kvar = fit(kvar, n, kvar.length > 0 ? kvar[kvar.length - 1] : 0);
        r = fit(r, n, 0);
        xl = fit(xl, n, 0);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = i < states.length ? states[i] : 1;
        }
        states = s;
        if (cuf != null) {
            cuf = fit(cuf, n, 0);
        }
    }

    private static double[] fit(double[] a, int n, double fill) {
        double[] b = java.util.Arrays.copyOf(a, n);
        for (int i = a.length; i < n; i++) {
            b[i] = fill;
        }
        return b;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "bus1" -> {
                bus1 = p.value();
                if (!bus2Defined) {
                    int dot = bus1.indexOf('.');
                    String b = dot >= 0 ? bus1.substring(0, dot) : bus1;
                    bus2 = b + ".0".repeat(Math.max(phases, 3));
                }
            }
            case "bus2" -> {
                bus2 = p.value();
                String a = bus1.contains(".") ? bus1.substring(0, bus1.indexOf('.')) : bus1;
                String b = bus2.contains(".") ? bus2.substring(0, bus2.indexOf('.')) : bus2;
                bus2Defined = !a.equalsIgnoreCase(b);
            }
            case "phases" -> phases = ctx.count(p, key, 1, 50);
            case "kvar" -> {
                double[] a = ctx.array(p, key);
                if (a.length > steps) {
                    resize(a.length);
                }
                for (int i = 0; i < a.length; i++) {
                    kvar[i] = a[i];
                }
                cuf = null;
            }
            case "kv" -> kv = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "conn" -> delta = TransformerDef.delta(p.value(), ctx);
            case "cuf" -> {
                double[] a = ctx.array(p, key);
                if (a.length > steps) {
                    resize(a.length);
                }
                cuf = fit(a, steps, 0);
            }
            case "r" -> r = fit(ctx.array(p, key), steps, 0);
            case "xl" -> xl = fit(ctx.array(p, key), steps, 0);
            case "harm" -> {
                for (double h : ctx.array(p, key)) {
                    if (h != 0) {
                        throw ctx.error("Harm (tuned filter reactors) is not implemented");
                    }
                }
            }
            case "numsteps" -> resize(ctx.count(p, key, 1, 1000));
            case "states" -> {
                double[] a = ctx.array(p, key);
                for (int i = 0; i < Math.min(a.length, steps); i++) {
                    states[i] = (int) Math.round(a[i]);
                }
            }
            case "normamps" -> normAmps = ctx.dbl(p, key);
            case "emergamps" -> emergAmps = ctx.dbl(p, key);
            case "basefreq" -> {
                if (ctx.dbl(p, key) != ctx.circuit().baseFrequency) {
                    throw ctx.error("basefreq different from the circuit frequency is not implemented for capacitors");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
