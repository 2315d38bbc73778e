package io.packetgrid.grid.dss;

import io.packetgrid.grid.model.LineConstants;
import java.util.Set;

/**
 * OpenDSS CNData (concentric-neutral cable) and TSData (tape-shielded cable) (CNData.pas, TSData.pas,
 * CableData.pas, ConductorData.pas): the core conductor's data as WireData has it, the insulation
 * ({@code EpsR} 2.3, {@code InsLayer}, {@code DiaIns}), the cable's outer diameter ({@code DiaCable}),
 * and the neutral strands ({@code k} 2, {@code DiaStrand}, {@code GmrStrand} defaulting to
 * 0.7788 of the strand radius, {@code Rstrand}) or the tape shield ({@code DiaShield}, {@code TapeLayer},
 * {@code TapeLap} 20 %). Dimensions are in the data's {@code radunits}, the strand GMR in {@code GMRunits},
 * resistances in {@code Runits}, as OpenDSS's LineGeometry reads them.
 */
final class CableDataDef extends ElementDef {
    private static final String[] CONDUCTOR = {"Rdc", "Rac", "Runits", "GMRac", "GMRunits", "radius", "radunits", "normamps",
        "emergamps", "diam", "Seasons", "Ratings", "Capradius"};
    private static final String[] CABLE = {"EpsR", "InsLayer", "DiaIns", "DiaCable"};
    static final PropertyTable CN = table(new String[] {"k", "DiaStrand", "GmrStrand", "Rstrand"});
    static final PropertyTable TS = table(new String[] {"DiaShield", "TapeLayer", "TapeLap"});

    final boolean concentric;
    final WireDataDef core;
    double epsR = 2.3;
    double insLayer = -1;
    double diaIns = -1;
    double diaCable = -1;
    int kStrand = 2;
    double diaStrand = -1;
    double gmrStrand = -1;
    double rStrand = -1;
    double diaShield = -1;
    double tapeLayer = -1;
    double tapeLap = 20;

    private static PropertyTable table(String[] own) {
        String[] all = new String[own.length + CABLE.length + CONDUCTOR.length + 1];
        System.arraycopy(own, 0, all, 0, own.length);
        System.arraycopy(CABLE, 0, all, own.length, CABLE.length);
        System.arraycopy(CONDUCTOR, 0, all, own.length + CABLE.length, CONDUCTOR.length);
        all[all.length - 1] = "like";
        return new PropertyTable(all);
    }

    CableDataDef(String name, String at, boolean concentric) {
        super(concentric ? "CNData" : "TSData", name, at);
        this.concentric = concentric;
        this.core = new WireDataDef(name, at);
    }

    @Override
    PropertyTable table() {
        return concentric ? CN : TS;
    }

    @Override
    Set<String> noEffect() {
        return Set.of("seasons", "ratings");
    }

    @Override
    boolean isCircuitElement() {
        return false;
    }

    private static double positive(DssTokenizer.Param p, String key, EditContext ctx) {
        return LineCodeDef.positive(ctx.dbl(p, key), key, ctx);
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "k" -> {
                kStrand = ctx.count(p, key, 2, 10000);
            }
            case "diastrand" -> {
                diaStrand = positive(p, key, ctx);
                if (gmrStrand <= 0) {
                    gmrStrand = 0.7788 * 0.5 * diaStrand;
                }
            }
            case "gmrstrand" -> gmrStrand = positive(p, key, ctx);
            case "rstrand" -> rStrand = positive(p, key, ctx);
            case "diashield" -> diaShield = positive(p, key, ctx);
            case "tapelayer" -> tapeLayer = positive(p, key, ctx);
            case "tapelap" -> {
                tapeLap = ctx.dbl(p, key);
                if (tapeLap < 0 || tapeLap > 100) {
                    throw ctx.error("TapeLap must be 0..100 %, got " + p.value());
                }
            }
            case "epsr" -> {
                epsR = ctx.dbl(p, key);
                if (epsR < 1.0) {
                    throw ctx.error("EpsR (insulation permittivity) must be at least 1, got " + p.value());
                }
            }
            case "inslayer" -> insLayer = positive(p, key, ctx);
            case "diains" -> diaIns = positive(p, key, ctx);
            case "diacable" -> diaCable = positive(p, key, ctx);
            default -> {
                return core.set(key, p, ctx);
            }
        }
        return true;
    }

    /** The cable's data in metres and ohm per metre, checked. */
    LineConstants.Cable toCable(EditContext ctx) {
        String what = className + "." + name;
        if (insLayer <= 0 || diaIns <= 0 || diaCable <= 0) {
            throw ctx.error(what + ": InsLayer, DiaIns and DiaCable must be given");
        }
        double m = LineUnits.toMeters(core.radUnits);
        if (concentric) {
            if (diaStrand <= 0 || rStrand <= 0) {
                throw ctx.error(what + ": DiaStrand and Rstrand must be given");
            }
            double gm = LineUnits.toMeters(core.gmrUnits);
            double perM = 1.0 / LineUnits.toMeters(core.rUnits);
            return new LineConstants.Cable(epsR, insLayer * m, diaIns * m, diaCable * m, kStrand, diaStrand * m, gmrStrand * gm,
                    rStrand * perM, 0, 0, 0);
        }
        if (diaShield <= 0 || tapeLayer <= 0) {
            throw ctx.error(what + ": DiaShield and TapeLayer must be given");
        }
        return new LineConstants.Cable(epsR, insLayer * m, diaIns * m, diaCable * m, 0, 0, 0, 0, diaShield * m, tapeLayer * m, tapeLap);
    }
}
