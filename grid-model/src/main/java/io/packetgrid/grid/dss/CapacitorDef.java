package io.packetgrid.grid.dss;

/** OpenDSS Capacitor: kvar per step (or capacitance), kV, connection, steps in service. */
final class CapacitorDef extends ShuntDef {
    static final PropertyTable TABLE = new PropertyTable("bus1", "bus2", "phases", "kvar", "kv", "conn", "cmatrix", "cuf", "R",
            "XL", "Harm", "Numsteps", "states", "normamps", "emergamps", "faultrate", "pctperm", "repair", "basefreq",
            "enabled", "like");

    double[] kvar = {1200};
    double[] cuf;
    double[] r = {0};
    double[] xl = {0};
    int[] states = {1};
    int steps = 1;
    /** Run-time state kept across rebuilds: the terminal opened by a CapControl (not a property). */
    boolean open;

    CapacitorDef(String name, String at) {
        super("Capacitor", name, at, "capacitors");
    }

    @Override
    PropertyTable table() {
        return TABLE;
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
            default -> {
                return setShared(key, p, ctx);
            }
        }
        return true;
    }
}
