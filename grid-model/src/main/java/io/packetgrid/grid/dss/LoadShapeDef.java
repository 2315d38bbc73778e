package io.packetgrid.grid.dss;

import io.packetgrid.grid.series.LoadShape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenDSS LoadShape: multipliers inline or from files ({@code mult=(file=... col=.. header=..)},
 * {@code sngfile}, {@code dblfile}, {@code csvfile}), fixed interval ({@code interval} hours,
 * {@code minterval}, {@code sinterval}) or given hours, {@code useactual}.
 */
final class LoadShapeDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("npts", "interval", "mult", "hour", "mean", "stddev", "csvfile",
            "sngfile", "dblfile", "action", "qmult", "UseActual", "Pmax", "Qmax", "sinterval", "minterval", "Pbase", "Qbase",
            "Pmult", "PQCSVFile", "MemoryMapping", "Interpolation", "like");
    private static final Set<String> NO_EFFECT = Set.of("mean", "stddev", "memorymapping", "pbase", "qbase");
    static final int MAX_POINTS = 10_000_000;

    int npts;
    double interval = 1.0; // hours
    double[] p;
    double[] q;
    double[] hours;
    boolean useActual;
    Double pmax;
    Double qmax;
    boolean edge;

    LoadShapeDef(String name, String at) {
        super("LoadShape", name, at);
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

    double maxP() {
        if (pmax != null) {
            return pmax;
        }
        double m = 0;
        if (p != null) {
            for (int i = 0; i < count(); i++) {
                m = Math.max(m, p[i]);
            }
        }
        return p == null ? 1.0 : m;
    }

    double maxQ() {
        if (qmax != null) {
            return qmax;
        }
        double m = 0;
        if (q != null) {
            for (int i = 0; i < Math.min(count(), q.length); i++) {
                m = Math.max(m, q[i]);
            }
        }
        return m;
    }

    int count() {
        if (p == null) {
            return 0;
        }
        return npts > 0 ? Math.min(npts, p.length) : p.length;
    }

    @Override
    boolean set(String key, DssTokenizer.Param prm, EditContext ctx) {
        switch (key) {
            case "npts" -> npts = ctx.count(prm, key, 0, MAX_POINTS);
            case "interval" -> interval = nonNegative(ctx.dbl(prm, key), key, ctx);
            case "minterval" -> interval = nonNegative(ctx.dbl(prm, key), key, ctx) / 60.0;
            case "sinterval" -> interval = nonNegative(ctx.dbl(prm, key), key, ctx) / 3600.0;
            case "mult", "pmult" -> p = values(prm, ctx, key);
            case "qmult" -> q = values(prm, ctx, key);
            case "hour" -> {
                hours = values(prm, ctx, key);
                interval = 0;
            }
            case "csvfile" -> p = textFile(ctx.file(prm.value()), 1, false, ctx);
            case "sngfile" -> p = binary(ctx.file(prm.value()), 4, ctx);
            case "dblfile" -> p = binary(ctx.file(prm.value()), 8, ctx);
            case "useactual" -> useActual = ctx.bool(prm, key);
            case "pmax" -> pmax = ctx.dbl(prm, key);
            case "qmax" -> qmax = ctx.dbl(prm, key);
            case "action" -> {
                String a = prm.value().toLowerCase(java.util.Locale.ROOT);
                if (a.startsWith("n")) {
                    normalize();
                } else if (!(a.startsWith("dblsave") || a.startsWith("sngsave"))) {
                    throw ctx.error("LoadShape action=" + prm.value() + " is not implemented (normalize only)");
                } else {
                    throw ctx.error("LoadShape action=" + prm.value() + " writes files and is not supported");
                }
            }
            case "interpolation" -> {
                String a = prm.value().toLowerCase(java.util.Locale.ROOT);
                edge = a.startsWith("e");
                if (!edge && !a.startsWith("a")) {
                    throw ctx.error("Interpolation: expected avg or edge");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static double nonNegative(double v, String key, EditContext ctx) {
        if (v < 0) {
            throw ctx.error(key + " must be >= 0");
        }
        return v;
    }

    private void normalize() {
        if (p == null) {
            return;
        }
        double m = 0;
        for (double v : p) {
            m = Math.max(m, Math.abs(v));
        }
        if (m > 0) {
            for (int i = 0; i < p.length; i++) {
                p[i] /= m;
            }
        }
    }

    private double[] values(DssTokenizer.Param prm, EditContext ctx, String key) {
        String v = prm.value().trim();
        String low = v.toLowerCase(java.util.Locale.ROOT);
        if (low.startsWith("file") || low.startsWith("dblfile") || low.startsWith("sngfile")) {
            DssTokenizer t = new DssTokenizer(v);
            DssTokenizer.Param first = t.next();
            String pname = first.name().toLowerCase(java.util.Locale.ROOT);
            Path file = ctx.file(first.value());
            if (pname.equals("dblfile")) {
                return binary(file, 8, ctx);
            }
            if (pname.equals("sngfile")) {
                return binary(file, 4, ctx);
            }
            if (!pname.equals("file")) {
                throw ctx.error(key + ": expected file=..., got " + v);
            }
            int col = 1;
            boolean header = false;
            for (DssTokenizer.Param o = t.next(); !o.isEmpty(); o = t.next()) {
                String on = o.name().toLowerCase(java.util.Locale.ROOT);
                if (!on.isEmpty() && "column".startsWith(on)) {
                    col = ctx.count(o, "column", 1, 1000);
                } else if (!on.isEmpty() && "header".startsWith(on)) {
                    header = ctx.bool(o, "header");
                } else {
                    throw ctx.error(key + ": unknown file option '" + o.name() + "'");
                }
            }
            return textFile(file, col, header, ctx);
        }
        double[] a = DssValues.toArray(v, ctx.where(), key);
        if (a.length > MAX_POINTS) {
            throw ctx.error(key + ": too many values");
        }
        return a;
    }

    private double[] textFile(Path file, int column, boolean header, EditContext ctx) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            ctx.read(lines);
        } catch (IOException e) {
            throw ctx.error("cannot read load shape file " + file.getFileName() + ": " + e.getClass().getSimpleName());
        }
        List<Double> out = new ArrayList<>();
        int start = header ? 1 : 0;
        int limit = npts > 0 ? npts : Integer.MAX_VALUE;
        for (int i = start; i < lines.size() && out.size() < limit; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (column == 1) {
                // fast path: a plain number on the line (the usual one-column multiplier file)
                Double d = DssValues.parseNumber(line);
                if (d != null && Double.isFinite(d)) {
                    out.add(d);
                    continue;
                }
            }
            DssTokenizer t = new DssTokenizer(line);
            DssTokenizer.Param prm = null;
            for (int c = 0; c < column; c++) {
                prm = t.next();
            }
            if (prm == null || prm.value().isEmpty()) {
                throw new io.packetgrid.cosim.error.PacketGridException(file.getFileName() + ":" + (i + 1),
                        "no value in column " + column);
            }
            out.add(DssValues.toDouble(prm.value(), prm.quoted(), file.getFileName() + ":" + (i + 1), "multiplier"));
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    private double[] binary(Path file, int width, EditContext ctx) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
            ctx.read(bytes);
        } catch (IOException e) {
            throw ctx.error("cannot read load shape file " + file.getFileName() + ": " + e.getClass().getSimpleName());
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = bytes.length / width;
        if (npts > 0) {
            n = Math.min(n, npts);
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = width == 8 ? b.getDouble(i * 8) : b.getFloat(i * 4);
        }
        return r;
    }

    /** The immutable shape for time-series use. */
    LoadShape toShape(EditContext ctx) {
        int n = count();
        double[] pp = p == null ? new double[0] : java.util.Arrays.copyOf(p, n);
        double[] qq = q == null ? null : java.util.Arrays.copyOf(q, Math.min(n, q.length));
        double[] hh = null;
        if (interval == 0) {
            if (hours == null || hours.length < n) {
                throw ctx.error("LoadShape." + name + ": interval=0 needs " + n + " hour values");
            }
            hh = java.util.Arrays.copyOf(hours, n);
        }
        return new LoadShape(name, interval, pp, qq, hh, useActual, edge);
    }
}
