package io.packetgrid.grid.dss;

import java.util.List;
import java.util.Set;

/**
 * OpenDSS Transformer (and, with {@code code=true}, XfmrCode): windings addressed with
 * {@code wdg=} or by arrays, short-circuit reactances, losses, taps, vector group; defaults and
 * side effects as in OpenDSS (Transformer.pas constructor, TWinding.Init, PropertySideEffects).
 */
final class TransformerDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("phases", "windings", "wdg", "bus", "conn", "kV", "kVA", "tap", "%R",
            "Rneut", "Xneut", "buses", "conns", "kVs", "kVAs", "taps", "XHL", "XHT", "XLT", "Xscarray", "thermal", "n", "m",
            "flrise", "hsrise", "%loadloss", "%noloadloss", "normhkVA", "emerghkVA", "sub", "MaxTap", "MinTap", "NumTaps",
            "subname", "%imag", "ppm_antifloat", "%Rs", "bank", "XfmrCode", "XRConst", "X12", "X13", "X23", "LeadLag",
            "WdgCurrents", "Core", "RdcOhms", "Seasons", "Ratings",
            "normamps", "emergamps", "faultrate", "pctperm", "repair", "basefreq", "enabled", "like");
    static final PropertyTable CODE_TABLE = new PropertyTable("phases", "windings", "wdg", "conn", "kV", "kVA", "tap", "%R",
            "Rneut", "Xneut", "conns", "kVs", "kVAs", "taps", "Xhl", "Xht", "Xlt", "Xscarray", "thermal", "n", "m", "flrise",
            "hsrise", "%loadloss", "%noloadloss", "normhkVA", "emerghkVA", "MaxTap", "MinTap", "NumTaps", "%imag",
            "ppm_antifloat", "%Rs", "X12", "X13", "X23", "RdcOhms", "Seasons", "Ratings", "like");
    private static final Set<String> NO_EFFECT = Set.of("thermal", "n", "m", "flrise", "hsrise", "sub", "subname", "bank",
            "xrconst", "wdgcurrents", "core", "rdcohms", "seasons", "ratings", "normamps", "emergamps", "faultrate", "pctperm",
            "repair");

    static final class W {
        boolean delta;
        double kv = 12.47;
        double kva = 1000;
        double tap = 1.0;
        double rpu = 0.002;
        double rneut = -1;
        double xneut = 0;
        double maxTap = 1.10;
        double minTap = 0.90;
        int numTaps = 32;
        String bus = "";

        W copy() {
            W w = new W();
            w.delta = delta;
            w.kv = kv;
            w.kva = kva;
            w.tap = tap;
            w.rpu = rpu;
            w.rneut = rneut;
            w.xneut = xneut;
            w.maxTap = maxTap;
            w.minTap = minTap;
            w.numTaps = numTaps;
            w.bus = bus;
            return w;
        }
    }

    final boolean code;
    int phases = 3;
    W[] w = {new W(), new W()};
    int active = 1;
    double xhl = 0.07;
    double xht = 0.35;
    double xlt = 0.30;
    double[] xsc = {0.07};
    boolean xhlChanged;
    double pctLoadLoss = 0.4;
    double pctNoLoadLoss;
    double pctImag;
    double ppm = 1e-6;
    double normHkva = 1100;
    double emergHkva = 1500;
    boolean hvLeadsLv;
    boolean normSet;

    TransformerDef(String name, String at, boolean code) {
        super(code ? "XfmrCode" : "Transformer", name, at);
        this.code = code;
    }

    @Override
    int terminals() {
        return w.length;
    }

    @Override
    PropertyTable table() {
        return code ? CODE_TABLE : TABLE;
    }

    @Override
    Set<String> noEffect() {
        return NO_EFFECT;
    }

    @Override
    boolean isCircuitElement() {
        return !code;
    }

    private void setWindings(int n) {
        int oldSize = w.length * (w.length - 1) / 2;
        W[] nw = new W[n];
        for (int i = 0; i < n; i++) {
            nw[i] = new W();
        }
        w = nw;
        int newSize = n * (n - 1) / 2;
        double[] x = new double[newSize];
        for (int i = 0; i < newSize; i++) {
            x[i] = i < oldSize && i < xsc.length ? xsc[i] : 0.30;
        }
        xsc = x;
        active = 1;
    }

    private W act() {
        return w[active - 1];
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "phases" -> phases = ctx.count(p, key, 1, 50);
            case "windings" -> {
                int n = ctx.count(p, key, 2, 20);
                if (n != w.length) {
                    setWindings(n);
                }
            }
            case "wdg" -> active = ctx.count(p, key, 1, w.length);
            case "bus" -> act().bus = p.value();
            case "conn" -> act().delta = delta(p.value(), ctx);
            case "kv" -> act().kv = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            case "kva" -> {
                act().kva = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
                if (active == 1) {
                    for (W x : w) {
                        x.kva = w[0].kva;
                    }
                    normHkva = 1.1 * w[0].kva;
                    emergHkva = 1.5 * w[0].kva;
                } else if (w.length == 2) {
                    w[0].kva = w[1].kva;
                }
            }
            case "tap" -> act().tap = ctx.dbl(p, key);
            case "%r" -> {
                act().rpu = ctx.dbl(p, key) / 100.0;
                pctLoadLoss = (w[0].rpu + w[1].rpu) * 100.0;
            }
            case "rneut" -> act().rneut = ctx.dbl(p, key);
            case "xneut" -> act().xneut = ctx.dbl(p, key);
            case "buses" -> {
                List<String> b = DssValues.toStrings(p.value());
                for (int i = 0; i < Math.min(b.size(), w.length); i++) {
                    w[i].bus = b.get(i);
                }
            }
            case "conns" -> {
                List<String> b = DssValues.toStrings(p.value());
                for (int i = 0; i < Math.min(b.size(), w.length); i++) {
                    w[i].delta = delta(b.get(i), ctx);
                }
            }
            case "kvs" -> {
                double[] a = ctx.array(p, key);
                for (int i = 0; i < Math.min(a.length, w.length); i++) {
                    w[i].kv = LineCodeDef.positive(a[i], key, ctx);
                }
            }
            case "kvas" -> {
                double[] a = ctx.array(p, key);
                for (int i = 0; i < Math.min(a.length, w.length); i++) {
                    w[i].kva = LineCodeDef.positive(a[i], key, ctx);
                }
                normHkva = 1.1 * w[0].kva;
                emergHkva = 1.5 * w[0].kva;
            }
            case "taps" -> {
                double[] a = ctx.array(p, key);
                for (int i = 0; i < Math.min(a.length, w.length); i++) {
                    w[i].tap = a[i];
                }
            }
            // OpenDSS traps a zero reactance to the default (Transformer.pas: XHL := TrapZero(value, 7.0) * 0.01):
            // a transformer without series impedance would join its buses with an infinite admittance
            case "xhl", "x12" -> { xhl = trapZero(ctx.dbl(p, key), 7.0) / 100.0; xhlChanged = true; }
            case "xht", "x13" -> { xht = trapZero(ctx.dbl(p, key), 35.0) / 100.0; xhlChanged = true; }
            case "xlt", "x23" -> { xlt = trapZero(ctx.dbl(p, key), 30.0) / 100.0; xhlChanged = true; }
            case "xscarray" -> {
                double[] a = ctx.array(p, key);
                for (int i = 0; i < Math.min(a.length, xsc.length); i++) {
                    if (a[i] == 0) { // DSS C-API DSSObjectHelper: "Xscarray: Elements cannot be zero."
                        throw ctx.error("Xscarray: elements cannot be zero (a transformer needs a leakage reactance)");
                    }
                    xsc[i] = a[i] / 100.0;
                }
            }
            case "%loadloss" -> {
                pctLoadLoss = ctx.dbl(p, key);
                w[0].rpu = pctLoadLoss / 2.0 / 100.0;
                w[1].rpu = w[0].rpu;
            }
            case "%noloadloss" -> pctNoLoadLoss = ctx.dbl(p, key);
            case "normhkva" -> normHkva = ctx.dbl(p, key);
            case "emerghkva" -> emergHkva = ctx.dbl(p, key);
            case "maxtap" -> act().maxTap = ctx.dbl(p, key);
            case "mintap" -> act().minTap = ctx.dbl(p, key);
            case "numtaps" -> act().numTaps = ctx.count(p, key, 0, 10000);
            case "%imag" -> pctImag = ctx.dbl(p, key);
            case "ppm_antifloat" -> ppm = ctx.dbl(p, key) * 1e-6;
            case "%rs" -> {
                double[] a = ctx.array(p, key);
                for (int i = 0; i < Math.min(a.length, w.length); i++) {
                    w[i].rpu = a[i] / 100.0;
                }
                pctLoadLoss = (w[0].rpu + w[1].rpu) * 100.0;
            }
            case "xfmrcode" -> fetch(ctx.circuit().xfmrCode(p.value(), ctx));
            case "leadlag" -> {
                String v = p.value().toLowerCase(java.util.Locale.ROOT);
                if (v.startsWith("lead") || v.startsWith("euro")) {
                    hvLeadsLv = true;
                } else if (v.startsWith("lag") || v.startsWith("ansi")) {
                    hvLeadsLv = false;
                } else {
                    throw ctx.error("LeadLag: expected lead, lag, ansi or euro, got '" + p.value() + "'");
                }
            }
            case "basefreq" -> ctx.requireCircuitFrequency(p, key, " for transformers");
            default -> {
                return false;
            }
        }
        return true;
    }

    private static double trapZero(double value, double dflt) {
        return value == 0 ? dflt : value;
    }

    static boolean delta(String v, EditContext ctx) {
        String s = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("d") || s.startsWith("ll")) {
            return true;
        }
        if (s.startsWith("w") || s.startsWith("y") || s.startsWith("ln")) {
            return false;
        }
        throw ctx.error("conn: expected wye or delta, got '" + v + "'");
    }

    private void fetch(TransformerDef c) {
        phases = c.phases;
        String[] buses = new String[w.length];
        for (int i = 0; i < w.length; i++) {
            buses[i] = w[i].bus;
        }
        w = new W[c.w.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = c.w[i].copy();
            w[i].bus = i < buses.length ? buses[i] : "";
        }
        xhl = c.xhl;
        xht = c.xht;
        xlt = c.xlt;
        xsc = c.xsc.clone();
        pctLoadLoss = c.pctLoadLoss;
        pctNoLoadLoss = c.pctNoLoadLoss;
        pctImag = c.pctImag;
        normHkva = c.normHkva;
        emergHkva = c.emergHkva;
        ppm = c.ppm;
        active = 1;
    }

    @Override
    void endEdit(EditContext ctx) {
        if (xhlChanged) {
            if (w.length <= 3) {
                for (int i = 0; i < xsc.length; i++) {
                    xsc[i] = i == 0 ? xhl : (i == 1 ? xht : xlt);
                }
            }
            xhlChanged = false;
        }
    }
}
