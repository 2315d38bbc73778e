package io.packetgrid.grid.dss;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.model.XyCurve;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * OpenDSS XYCurve (XYcurve.pas): points given as {@code Xarray}/{@code Yarray}, as
 * {@code Points=[x1 y1 x2 y2 ...]}, or from a file of x,y pairs ({@code csvfile}: one pair a line,
 * comma or blank separated; {@code sngfile}/{@code dblfile}: binary singles/doubles, x and y
 * alternating). {@code npts} limits the points. The curve as used by elements ignores
 * {@code Xshift}, {@code Yshift}, {@code Xscale}, {@code Yscale} (they only act on the curve's
 * {@code x}/{@code y} query properties in OpenDSS), so they are accepted with no effect.
 */
final class XyCurveDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("npts", "Points", "Yarray", "Xarray", "csvfile", "sngfile", "dblfile",
            "x", "y", "Xshift", "Yshift", "Xscale", "Yscale", "like");
    private static final Set<String> NO_EFFECT = Set.of("x", "y", "xshift", "yshift", "xscale", "yscale");
    static final int MAX_POINTS = 1_000_000;

    int npts = -1;
    double[] xs = new double[0];
    double[] ys = new double[0];

    XyCurveDef(String name, String at) {
        super("XYcurve", name, at);
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
            case "npts" -> npts = ctx.count(p, key, 0, MAX_POINTS);
            case "points" -> {
                double[] a = ctx.array(p, key);
                if (a.length % 2 != 0) {
                    throw ctx.error("Points: expected x y pairs, got " + a.length + " values");
                }
                pairs(a);
            }
            case "xarray" -> xs = ctx.array(p, key);
            case "yarray" -> ys = ctx.array(p, key);
            case "csvfile" -> pairs(text(ctx.file(p.value()), ctx));
            case "sngfile" -> pairs(binary(ctx.file(p.value()), 4, ctx));
            case "dblfile" -> pairs(binary(ctx.file(p.value()), 8, ctx));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void pairs(double[] a) {
        int n = a.length / 2;
        xs = new double[n];
        ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = a[2 * i];
            ys[i] = a[2 * i + 1];
        }
    }

    private static double[] text(Path file, EditContext ctx) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            ctx.read(lines);
        } catch (IOException e) {
            throw ctx.error("cannot read XYCurve file " + file.getFileName() + ": " + e.getClass().getSimpleName());
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            DssTokenizer t = new DssTokenizer(line);
            String where = file.getFileName() + ":" + (i + 1);
            for (int c = 0; c < 2; c++) {
                DssTokenizer.Param v = t.next();
                if (v.value().isEmpty()) {
                    throw new PacketGridException(where, "expected x and y on the line");
                }
                out.add(DssValues.toDouble(v.value(), v.quoted(), where, c == 0 ? "x" : "y"));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] binary(Path file, int width, EditContext ctx) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
            ctx.read(bytes);
        } catch (IOException e) {
            throw ctx.error("cannot read XYCurve file " + file.getFileName() + ": " + e.getClass().getSimpleName());
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] r = new double[bytes.length / width];
        for (int i = 0; i < r.length; i++) {
            r[i] = width == 8 ? b.getDouble(i * 8) : b.getFloat(i * 4);
        }
        return r;
    }

    /** The curve: {@code npts} points (or as many as both arrays give). */
    XyCurve toCurve() {
        int n = Math.min(xs.length, ys.length);
        if (npts >= 0) {
            n = Math.min(n, npts);
        }
        if (xs.length != ys.length && npts < 0) {
            throw new PacketGridException(definedAt, "XYCurve." + name + ": " + xs.length + " x values and " + ys.length
                    + " y values (give npts or equal arrays)");
        }
        return new XyCurve(name, Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
    }
}
