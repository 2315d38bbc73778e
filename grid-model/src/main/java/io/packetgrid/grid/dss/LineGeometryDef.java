package io.packetgrid.grid.dss;

import io.packetgrid.grid.model.CMatrix;
import io.packetgrid.grid.model.LineConstants;
import java.util.List;
import java.util.Set;

/**
 * OpenDSS LineGeometry: conductor positions and wires, or cables for the phases (CNData, TSData) with
 * bare neutral wires after them; impedances by {@link LineConstants} (cables: its {@code cables}).
 */
final class LineGeometryDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("nconds", "nphases", "cond", "wire", "x", "h", "units", "normamps",
            "emergamps", "reduce", "spacing", "wires", "cncable", "tscable", "cncables", "tscables", "Seasons", "Ratings",
            "LineType", "like");
    private static final Set<String> NO_EFFECT = Set.of("seasons", "ratings", "linetype");

    int nconds;
    int nphases;
    int active = 1;
    String[] wire = new String[0];
    /** Per conductor: 0 WireData, 1 CNData, 2 TSData (OpenDSS's phase choice). */
    int[] kind = new int[0];
    double[] x = new double[0];
    double[] h = new double[0];
    int[] units = new int[0];
    int lastUnit = LineUnits.FT;
    double normAmps;
    double emergAmps;
    boolean reduce;
    double rhoEarth = 100;

    LineGeometryDef(String name, String at) {
        super("LineGeometry", name, at);
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

    /** Conductors a line using this geometry has (phases only when reduced). */
    int lineConductors() {
        return reduce ? nphases : nconds;
    }

    private void allocate(int n) {
        nconds = n;
        wire = new String[n];
        kind = new int[n];
        x = new double[n];
        h = new double[n];
        units = new int[n];
        java.util.Arrays.fill(units, -1);
        lastUnit = LineUnits.FT;
        active = 1;
        if (nphases == 0 || nphases > n) {
            nphases = n;
        }
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "nconds" -> allocate(ctx.count(p, key, 1, 100));
            case "nphases" -> {
                nphases = ctx.count(p, key, 1, 100);
                if (nconds > 0 && nphases > nconds) {
                    nphases = nconds;
                }
            }
            case "cond" -> {
                need(ctx);
                active = ctx.count(p, key, 1, nconds);
                if (units[active - 1] == -1) {
                    units[active - 1] = lastUnit;
                }
            }
            case "wire" -> {
                need(ctx);
                WireDataDef w = ctx.circuit().wireData(p.value(), ctx);
                wire[active - 1] = w.name;
                kind[active - 1] = 0;
                if (normAmps == 0) {
                    normAmps = w.normAmps;
                    emergAmps = w.emergAmps;
                }
            }
            case "cncable", "tscable" -> {
                need(ctx);
                int k = key.equals("cncable") ? 1 : 2;
                CableDataDef cd = cable(p.value(), k, ctx);
                wire[active - 1] = cd.name;
                kind[active - 1] = k;
                if (active == 1 && normAmps == 0) {
                    normAmps = cd.core.normAmps;
                    emergAmps = cd.core.emergAmps;
                }
            }
            case "cncables", "tscables" -> {
                need(ctx);
                int k = key.equals("cncables") ? 1 : 2;
                List<String> cs = DssValues.toStrings(p.value());
                for (int i = 0; i < Math.min(cs.size(), nphases); i++) {
                    wire[i] = cable(cs.get(i), k, ctx).name;
                    kind[i] = k;
                }
                if (!cs.isEmpty() && normAmps == 0) {
                    CableDataDef cd = cable(cs.get(0), k, ctx);
                    normAmps = cd.core.normAmps;
                    emergAmps = cd.core.emergAmps;
                }
            }
            case "x" -> { need(ctx); x[active - 1] = ctx.dbl(p, key); }
            case "h" -> { need(ctx); h[active - 1] = ctx.dbl(p, key); }
            case "units" -> {
                need(ctx);
                int u = LineUnits.code(p.value());
                if (u < 0) {
                    throw ctx.error("units: unknown length unit '" + p.value() + "'");
                }
                units[active - 1] = u;
                lastUnit = u;
            }
            case "normamps" -> normAmps = ctx.dbl(p, key);
            case "emergamps" -> emergAmps = ctx.dbl(p, key);
            case "reduce" -> reduce = ctx.bool(p, key);
            case "spacing" -> {
                LineSpacingDef s = ctx.circuit().lineSpacing(p.value(), ctx);
                if (nconds != s.nconds) {
                    allocate(s.nconds);
                }
                nphases = s.nphases;
                for (int i = 0; i < nconds; i++) {
                    x[i] = s.x[i];
                    h[i] = s.h[i];
                    units[i] = s.units;
                }
                lastUnit = s.units;
            }
            case "wires" -> {
                List<String> ws = DssValues.toStrings(p.value());
                need(ctx);
                // after cables for the phases, the wires are the bare neutrals (LineGeometry.pas SetWires)
                int start = kind[active - 1] != 0 ? nphases : 0;
                for (int i = 0; i < Math.min(ws.size(), nconds - start); i++) {
                    wire[start + i] = ctx.circuit().wireData(ws.get(i), ctx).name;
                    kind[start + i] = 0;
                }
                if (normAmps == 0 && !ws.isEmpty()) {
                    WireDataDef w = ctx.circuit().wireData(ws.get(0), ctx);
                    normAmps = w.normAmps;
                    emergAmps = w.emergAmps;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static CableDataDef cable(String n, int k, EditContext ctx) {
        ElementDef d = ctx.circuit().find(k == 1 ? "cndata" : "tsdata", n);
        if (d == null) {
            throw ctx.error((k == 1 ? "CNData" : "TSData") + " '" + n + "' is not defined");
        }
        return (CableDataDef) d;
    }

    private void need(EditContext ctx) {
        if (nconds == 0) {
            throw ctx.error("LineGeometry." + name + ": set nconds first");
        }
    }

    /** A geometry from a spacing and the conductors' names (cables of {@code cableKind} for the first ones). */
    static LineGeometryDef fromSpacing(LineSpacingDef s, List<String> wires, List<String> cables, int cableKind, EditContext ctx) {
        LineGeometryDef g = new LineGeometryDef("spacing:" + s.name, ctx.where());
        g.allocate(s.nconds);
        g.nphases = s.nphases;
        int nc = cables == null ? 0 : cables.size();
        for (int i = 0; i < s.nconds; i++) {
            g.x[i] = s.x[i];
            g.h[i] = s.h[i];
            g.units[i] = s.units;
            if (i < nc) {
                g.wire[i] = cables.get(i);
                g.kind[i] = cableKind;
            } else {
                g.wire[i] = wires.get(i - nc);
            }
        }
        g.reduce = s.nconds > s.nphases;
        return g;
    }

    /** {Z (ohm/m), Yc (S/m)} for the line's conductors (reduced to phases if {@code reduce}). */
    CMatrix[] matrices(DssCircuit c, EditContext ctx, double f, LineConstants.EarthModel model, double rhoOverride) {
        int n = nconds;
        double[] xm = new double[n];
        double[] ym = new double[n];
        double[] rdc = new double[n];
        double[] rac = new double[n];
        double[] gmr = new double[n];
        double[] rad = new double[n];
        double[] cap = new double[n];
        double[] outer = new double[n];
        int cableKind = 0;
        int cables = 0;
        for (int i = 0; i < n; i++) {
            if (wire[i] == null) {
                throw ctx.error("LineGeometry." + name + ": conductor " + (i + 1) + " has no wire");
            }
            WireDataDef w;
            if (kind[i] != 0) {
                if (i >= nphases || (cableKind != 0 && cableKind != kind[i])) {
                    throw ctx.error("LineGeometry." + name + ": cables (all CNData or all TSData) must be the phase conductors");
                }
                cableKind = kind[i];
                cables++;
                w = cable(wire[i], kind[i], ctx).core;
            } else {
                w = ctx.circuit().wireData(wire[i], ctx);
            }
            int u = units[i] < 0 ? LineUnits.FT : units[i];
            xm[i] = x[i] * LineUnits.toMeters(u);
            ym[i] = h[i] * LineUnits.toMeters(u);
            double perM = 1.0 / LineUnits.toMeters(w.rUnits);
            rdc[i] = w.rdc * perM;
            rac[i] = w.rac * perM;
            gmr[i] = w.gmr * LineUnits.toMeters(w.gmrUnits);
            rad[i] = w.radius * LineUnits.toMeters(w.radUnits);
            cap[i] = w.capRadius < 0 ? -1 : w.capRadius * LineUnits.toMeters(w.radUnits);
            outer[i] = rad[i];
            if (!(gmr[i] > 0) || !(rad[i] > 0) || !(rac[i] >= 0)) {
                throw ctx.error(w.className + "." + w.name + ": GMR, radius and resistance must be set");
            }
        }
        LineConstants.Cable[] cableData = new LineConstants.Cable[cables];
        for (int i = 0; i < cables; i++) {
            cableData[i] = cable(wire[i], kind[i], ctx).toCable(ctx);
            outer[i] = cableData[i].diaCable() / 2.0;
        }
        if (cables > 0 && cables != nphases) {
            throw ctx.error("LineGeometry." + name + ": every phase conductor must be a cable (" + cables + " of " + nphases + ")");
        }
        for (int i = 0; i < n; i++) {
            if (cables == 0 && !(ym[i] > 0)) {
                throw ctx.error("LineGeometry." + name + ": conductor " + (i + 1) + " height must be > 0");
            }
            for (int j = i + 1; j < n; j++) {
                if (Math.hypot(xm[i] - xm[j], ym[i] - ym[j]) < outer[i] + outer[j]) {
                    throw ctx.error("LineGeometry." + name + ": conductors " + (i + 1) + " and " + (j + 1) + " occupy the same space");
                }
            }
        }
        double rho = rhoOverride > 0 ? rhoOverride : rhoEarth;
        CMatrix[] zy = cables > 0 ? LineConstants.cables(xm, ym, rdc, rac, gmr, rad, cableData, f, rho, model)
                : LineConstants.compute(xm, ym, rdc, rac, gmr, rad, cap, f, rho, model);
        if (zy[1] == null) {
            throw ctx.error("LineGeometry." + name + ": singular potential coefficient matrix");
        }
        return reduce ? LineConstants.reduce(zy, nphases) : zy;
    }
}
