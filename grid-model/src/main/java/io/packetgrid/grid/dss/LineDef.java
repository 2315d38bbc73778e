package io.packetgrid.grid.dss;

import io.packetgrid.grid.model.CMatrix;
import io.packetgrid.grid.model.LineConstants;
import io.packetgrid.grid.model.SourceImpedance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenDSS Line: impedances from a LineCode, a LineGeometry, a LineSpacing with wires, sequence
 * values or matrices, with OpenDSS's unit handling (impedance per unit of the code's units,
 * length in the line's units) and its switch shortcut.
 */
final class LineDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("bus1", "bus2", "linecode", "length", "phases", "r1", "x1", "r0", "x0",
            "C1", "C0", "rmatrix", "xmatrix", "cmatrix", "Switch", "Rg", "Xg", "rho", "geometry", "units", "spacing", "wires",
            "EarthModel", "cncables", "tscables", "B1", "B0", "Seasons", "Ratings", "LineType",
            "normamps", "emergamps", "faultrate", "pctperm", "repair", "basefreq", "enabled", "like");
    private static final Set<String> NO_EFFECT = Set.of("seasons", "ratings", "linetype", "faultrate", "pctperm", "repair");

    String bus1 = "";
    String bus2 = "";
    int phases = 3;
    double length = 1.0;
    int lengthUnits = LineUnits.NONE;
    int lineCodeUnits = LineUnits.NONE;
    double unitsConvert = 1.0;
    double r1 = 0.0580;
    double x1 = 0.1206;
    double r0 = 0.1784;
    double x0 = 0.4047;
    double c1 = 3.4e-9;
    double c0 = 1.6e-9;
    boolean capSpecified;
    boolean symComponents = true;
    CMatrix z;
    CMatrix yc;
    double rg = 0.01805;
    double xg = 0.155081;
    double rho = 100;
    boolean rhoSpecified;
    double baseFreq;
    double normAmps = 400;
    double emergAmps = 600;
    boolean isSwitch;
    /** Terminal 1 / terminal 2 open (OpenDSS's Terminals[].ConductorsClosed, all phase conductors). */
    boolean open1;
    boolean open2;
    String lineCode;
    String geometry;
    String spacing;
    List<String> wires = new ArrayList<>();
    /** CNData or TSData of the phase conductors ({@code cncables}/{@code tscables}), or null. */
    List<String> cables;
    int cableKind;
    LineConstants.EarthModel earthModel;

    LineDef(String name, String at, DssCircuit c) {
        super("Line", name, at);
        baseFreq = c.baseFrequency;
        earthModel = c.earthModel;
    }

    @Override
    int terminals() {
        return 2;
    }

    @Override
    PropertyTable table() {
        return TABLE;
    }

    @Override
    Set<String> noEffect() {
        return NO_EFFECT;
    }

    private void killCodes() {
        lineCode = null;
        geometry = null;
        spacing = null;
    }

    private void resetLengthUnits() {
        unitsConvert = 1.0;
        lengthUnits = LineUnits.NONE;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "bus1" -> bus1 = p.value();
            case "bus2" -> bus2 = p.value();
            case "linecode" -> fetchLineCode(p.value(), ctx);
            case "length" -> length = ctx.dbl(p, key);
            case "phases" -> {
                int n = ctx.count(p, key, 1, 50);
                if (geometry == null && spacing == null) {
                    phases = n;
                } else if (n != phases) {
                    throw ctx.error("phases: cannot change the number of phases of a line defined by geometry");
                }
                if (!symComponents && (z == null || z.n != phases)) {
                    symComponents = true;
                }
            }
            case "r1" -> { r1 = ctx.dbl(p, key); seqEdited(); }
            case "x1" -> { x1 = ctx.dbl(p, key); seqEdited(); }
            case "r0" -> { r0 = ctx.dbl(p, key); seqEdited(); }
            case "x0" -> { x0 = ctx.dbl(p, key); seqEdited(); }
            case "c1" -> { c1 = ctx.dbl(p, key) * 1e-9; capSpecified = true; seqEdited(); }
            case "c0" -> { c0 = ctx.dbl(p, key) * 1e-9; capSpecified = true; seqEdited(); }
            case "b1" -> { c1 = ctx.dbl(p, key) / (2 * Math.PI * baseFreq) * 1e-6; capSpecified = true; seqEdited(); }
            case "b0" -> { c0 = ctx.dbl(p, key) / (2 * Math.PI * baseFreq) * 1e-6; capSpecified = true; seqEdited(); }
            case "rmatrix", "xmatrix", "cmatrix" -> {
                if (symComponents || z == null || z.n != phases) {
                    z = SourceImpedance.phaseMatrix(phases, r1, x1, r0, x0);
                    yc = seqYc();
                }
                LineCodeDef helper = new LineCodeDef("tmp", ctx.where(), ctx.circuit());
                helper.phases = phases;
                double[] full = helper.symMatrix(p, key, ctx);
                for (int k = 0; k < phases * phases; k++) {
                    if (key.equals("rmatrix")) {
                        z.re[k] = full[k];
                    } else if (key.equals("xmatrix")) {
                        z.im[k] = full[k];
                    } else {
                        yc.re[k] = 0;
                        yc.im[k] = 2 * Math.PI * baseFreq * full[k] * 1e-9;
                        capSpecified = true;
                    }
                }
                lineCode = null;
                symComponents = false;
                resetLengthUnits();
                geometry = null;
                spacing = null;
            }
            case "switch" -> {
                isSwitch = ctx.bool(p, key);
                if (isSwitch) {
                    killCodes();
                    r1 = 1.0;
                    x1 = 1.0;
                    r0 = 1.0;
                    x0 = 1.0;
                    c1 = 1.1e-9;
                    c0 = 1.0e-9;
                    length = 0.001;
                    symComponents = true;
                    resetLengthUnits();
                }
            }
            case "rg" -> rg = ctx.dbl(p, key);
            case "xg" -> xg = ctx.dbl(p, key);
            case "rho" -> { rho = LineCodeDef.positive(ctx.dbl(p, key), key, ctx); rhoSpecified = true; }
            case "geometry" -> {
                LineGeometryDef g = ctx.circuit().lineGeometry(p.value(), ctx);
                geometry = g.name;
                lineCode = null;
                spacing = null;
                phases = g.lineConductors();
                normAmps = g.normAmps;
                emergAmps = g.emergAmps;
                symComponents = false;
            }
            case "units" -> {
                int u = LineUnits.code(p.value());
                if (u < 0) {
                    throw ctx.error("units: unknown length unit '" + p.value() + "'");
                }
                if (lineCode != null) {
                    unitsConvert = LineUnits.convert(lineCodeUnits, u);
                } else {
                    unitsConvert *= LineUnits.convert(lengthUnits, u);
                }
                lengthUnits = u;
            }
            case "spacing" -> {
                LineSpacingDef s = ctx.circuit().lineSpacing(p.value(), ctx);
                spacing = s.name;
                lineCode = null;
                geometry = null;
                symComponents = false;
                phases = s.nphases;
            }
            case "wires" -> {
                // before any cables: all conductors; after cncables/tscables: the bare neutrals (Line.pas SetWires)
                wires = new ArrayList<>();
                for (String w : DssValues.toStrings(p.value())) {
                    WireDataDef wd = ctx.circuit().wireData(w, ctx);
                    wires.add(wd.name);
                }
            }
            case "cncables", "tscables" -> {
                cableKind = key.equals("cncables") ? 1 : 2;
                cables = new ArrayList<>();
                for (String w : DssValues.toStrings(p.value())) {
                    ElementDef d = ctx.circuit().find(cableKind == 1 ? "cndata" : "tsdata", w);
                    if (d == null) {
                        throw ctx.error((cableKind == 1 ? "CNData" : "TSData") + " '" + w + "' is not defined");
                    }
                    cables.add(d.name);
                }
                // wires given before stay as the bare neutrals after the cables (Line.pas: the cables take the first places)
                wires = wires.size() > cables.size() ? new ArrayList<>(wires.subList(cables.size(), wires.size())) : new ArrayList<>();
                lineCode = null;
                geometry = null;
                symComponents = false;
            }
            case "earthmodel" -> earthModel = DssCircuit.earthModel(p.value(), ctx);
            case "normamps" -> normAmps = ctx.dbl(p, key);
            case "emergamps" -> emergAmps = ctx.dbl(p, key);
            case "basefreq" -> baseFreq = LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void seqEdited() {
        lineCode = null;
        geometry = null;
        spacing = null;
        symComponents = true;
        resetLengthUnits();
    }

    private CMatrix seqYc() {
        int n = phases;
        CMatrix y = new CMatrix(n);
        double a1 = c1;
        double a0 = (n == 1) ? c1 : c0;
        double w = 2 * Math.PI * baseFreq;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                y.set(i, j, 0, i == j ? w * (2 * a1 + a0) / 3.0 : w * (a0 - a1) / 3.0);
            }
        }
        return y;
    }

    private void fetchLineCode(String codeName, EditContext ctx) {
        LineCodeDef lc = ctx.circuit().lineCode(codeName, ctx);
        lineCode = lc.name;
        baseFreq = lc.baseFreq;
        if (lc.symComponents) {
            r1 = lc.r1;
            x1 = lc.x1;
            r0 = lc.r0;
            x0 = lc.x0;
            c1 = lc.c1;
            c0 = lc.c0;
            symComponents = true;
        } else {
            symComponents = false;
            z = lc.z.copy();
            yc = lc.yc.copy();
        }
        rg = lc.rg;
        xg = lc.xg;
        rho = lc.rho;
        lineCodeUnits = lc.units;
        unitsConvert = LineUnits.convert(lineCodeUnits, lengthUnits);
        normAmps = lc.normAmps;
        emergAmps = lc.emergAmps;
        phases = lc.phases;
        capSpecified = true;
        geometry = null;
        spacing = null;
    }

    /** Total series impedance and shunt admittance of the line at the solution frequency. */
    CMatrix[] totals(DssCircuit c, EditContext ctx) {
        double f = c.baseFrequency;
        if (geometry != null || spacing != null) {
            CMatrix[] zy = geometryMatrices(c, ctx, f);
            double k = length / LineUnits.toMeters(LineUnits.M) * LineUnits.toMeters(lengthUnits);
            // ohm/m times the length expressed in metres (From_per_meter(units) * len)
            CMatrix zt = zy[0].copy();
            zt.scale(k);
            CMatrix yt = zy[1].copy();
            yt.scale(k);
            return new CMatrix[] {zt, yt};
        }
        CMatrix zu;
        CMatrix yu;
        if (symComponents) {
            double cc1 = c1;
            double cc0 = c0;
            if (!capSpecified) {
                // OpenDSS: default C1/C0 are per kft; convert to the line's length units
                cc1 = c1 / LineUnits.convert(LineUnits.KFT, lengthUnits);
                cc0 = c0 / LineUnits.convert(LineUnits.KFT, lengthUnits);
            }
            double rr0 = phases == 1 ? r1 : r0;
            double xx0 = phases == 1 ? x1 : x0;
            double cz0 = phases == 1 ? cc1 : cc0;
            zu = SourceImpedance.phaseMatrix(phases, r1, x1, rr0, xx0);
            yu = new CMatrix(phases);
            double w = 2 * Math.PI * baseFreq;
            for (int i = 0; i < phases; i++) {
                for (int j = 0; j < phases; j++) {
                    yu.set(i, j, 0, i == j ? w * (2 * cc1 + cz0) / 3.0 : w * (cz0 - cc1) / 3.0);
                }
            }
        } else {
            zu = z;
            yu = yc;
        }
        double lengthMult = length / unitsConvert;
        double freqMult = f / baseFreq;
        double xgmod = 0;
        if (xg != 0) {
            double kxg = xg / Math.log(658.5 * Math.sqrt(rho / baseFreq));
            xgmod = 0.5 * kxg * Math.log(freqMult);
        }
        CMatrix zt = new CMatrix(phases);
        CMatrix yt = new CMatrix(phases);
        for (int k = 0; k < phases * phases; k++) {
            zt.re[k] = (zu.re[k] + rg * (freqMult - 1.0)) * lengthMult;
            zt.im[k] = (zu.im[k] - xgmod) * lengthMult * freqMult;
            yt.im[k] = yu.im[k] * lengthMult * freqMult;
        }
        return new CMatrix[] {zt, yt};
    }

    private CMatrix[] geometryMatrices(DssCircuit c, EditContext ctx, double f) {
        if (geometry != null) {
            return ctx.circuit().lineGeometry(geometry, ctx).matrices(c, ctx, f, earthModel, rhoSpecified ? rho : -1);
        }
        LineSpacingDef s = ctx.circuit().lineSpacing(spacing, ctx);
        int given = wires.size() + (cables == null ? 0 : cables.size());
        if (given < s.nconds) {
            throw ctx.error("Line." + name + ": spacing " + s.name + " has " + s.nconds + " conductors but only " + given
                    + " wires and cables are given");
        }
        LineGeometryDef g = LineGeometryDef.fromSpacing(s, wires, cables, cableKind, ctx);
        return g.matrices(c, ctx, f, earthModel, rhoSpecified ? rho : -1);
    }
}
