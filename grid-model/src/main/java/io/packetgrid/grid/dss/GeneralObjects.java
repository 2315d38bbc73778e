package io.packetgrid.grid.dss;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenDSS's general objects: the classes that belong to the whole session, not to a circuit
 * (DSSClass type DSS_OBJECT: shapes, curves, conductor and line data, transformer codes, spectra).
 * They may be defined before {@code New Circuit} (except LineCode and LineGeometry, whose classes
 * set RequiresCircuit in DSS C-API's LineCode.pas/LineGeometry.pas: they take the circuit's
 * frequency), they are kept when a circuit is created, and {@code Clear} replaces them with the
 * start-up set only when a circuit exists (Executive.pas TExecutive.Clear: classes are disposed and
 * re-created only if NumCircuits > 0).
 */
final class GeneralObjects {
    /** Lower-case names of the general classes implemented here (ExecHelper.AddObject: DSS_OBJECT). */
    static final Set<String> CLASSES = Set.of("loadshape", "linecode", "wiredata", "linegeometry", "linespacing", "cndata",
            "tsdata", "xfmrcode", "tcc_curve", "xycurve", "tshape", "priceshape", "growthshape", "spectrum");
    /** General classes that still need a circuit to be defined (DSS C-API RequiresCircuit). */
    static final Set<String> NEED_CIRCUIT = Set.of("linecode", "linegeometry");

    /**
     * The objects OpenDSS creates at start-up and after Clear (Executive.pas
     * CreateDefaultDSSItems), as commands: the 24-hour "default" load shape (also the default daily
     * and yearly shape of the circuit, used for generator dispatch), a 2.5 %/year growth shape and
     * the harmonic spectra. The TCC curves of that list are {@link TccCurveDef#BUILT_IN}.
     */
    static final List<String> STARTUP = List.of(
            "New LoadShape.default npts=24 interval=1 mult=(0.677 0.6256 0.6087 0.5833 0.58028 0.6025 0.657 0.7477 0.832 0.88"
                    + " 0.94 0.989 0.985 0.98 0.9898 0.999 1 0.958 0.936 0.913 0.876 0.876 0.828 0.756)",
            "New GrowthShape.default npts=2 year=(1 20) mult=(1.025 1.025)",
            "New Spectrum.default numharm=7 harmonic=(1 3 5 7 9 11 13) %mag=(100 33 20 14 11 9 7) angle=(0 0 0 0 0 0 0)",
            "New Spectrum.defaultload numharm=7 harmonic=(1 3 5 7 9 11 13) %mag=(100 1.5 20 14 1 9 7)"
                    + " angle=(0 180 180 180 180 180 180)",
            "New Spectrum.defaultgen numharm=7 harmonic=(1 3 5 7 9 11 13) %mag=(100 5 3 1.5 1 .7 .5) angle=(0 0 0 0 0 0 0)",
            "New Spectrum.defaultvsource numharm=1 harmonic=(1) %mag=(100) angle=(0)",
            "New Spectrum.linear numharm=1 harmonic=(1) %mag=(100) angle=(0)",
            "New Spectrum.pwm6 numharm=13 harmonic=(1 3 5 7 9 11 13 15 17 19 21 23 25)"
                    + " %mag=(100 4.4 76.5 62.7 2.9 24.8 12.7 0.5 7.1 8.4 0.9 4.4 3.3)"
                    + " angle=(-103 -5 28 -180 -33 -59 79 36 -253 -124 3 -30 86)",
            "New Spectrum.dc6 numharm=10 harmonic=(1 3 5 7 9 11 13 15 17 19) %mag=(100 1.2 33.6 1.6 0.4 8.7 1.2 0.3 4.5 1.3)"
                    + " angle=(-75 28 156 29 -91 49 54 148 -57 -46)");

    private final Map<String, LinkedHashMap<String, ElementDef>> classes = new HashMap<>();

    GeneralObjects() {
        for (Object[] row : TccCurveDef.BUILT_IN) {
            TccCurveDef d = TccCurveDef.builtIn(row);
            of("tcc_curve").put(d.name, d);
        }
    }

    static boolean isGeneral(String cls) {
        return CLASSES.contains(cls.toLowerCase(Locale.ROOT));
    }

    /** The objects of one general class by lower-case name, in definition order. */
    LinkedHashMap<String, ElementDef> of(String cls) {
        return classes.computeIfAbsent(cls.toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>());
    }
}
