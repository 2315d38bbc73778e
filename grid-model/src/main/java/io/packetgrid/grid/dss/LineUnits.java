package io.packetgrid.grid.dss;

/**
 * OpenDSS length units ({@code units=none|mi|kft|km|m|ft|in|cm|mm}), matched on the first two
 * letters as OpenDSS does (LineUnits.pas GetUnitsCode), and their conversion factors.
 */
final class LineUnits {
    static final int NONE = 0;
    static final int MILES = 1;
    static final int KFT = 2;
    static final int KM = 3;
    static final int M = 4;
    static final int FT = 5;
    static final int IN = 6;
    static final int CM = 7;
    static final int MM = 8;

    private LineUnits() {
    }

    /** Unit code, or -1 if not recognised. */
    static int code(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        String two = t.length() >= 2 ? t.substring(0, 2) : t;
        return switch (two) {
            case "no" -> NONE;
            case "mi" -> MILES;
            case "kf" -> KFT;
            case "km" -> KM;
            case "m", "me" -> M;
            case "ft" -> FT;
            case "in" -> IN;
            case "cm" -> CM;
            case "mm" -> MM;
            default -> -1;
        };
    }

    /** Metres per unit (1 for none). */
    static double toMeters(int u) {
        return switch (u) {
            case MILES -> 1609.344;
            case KFT -> 304.8;
            case KM -> 1000.0;
            case M -> 1.0;
            case FT -> 0.3048;
            case IN -> 0.0254;
            case CM -> 0.01;
            case MM -> 0.001;
            default -> 1.0;
        };
    }

    /** Factor from one unit to another; 1 if either is none (OpenDSS ConvertLineUnits). */
    static double convert(int from, int to) {
        if (from == NONE || to == NONE) {
            return 1.0;
        }
        return toMeters(from) / toMeters(to);
    }
}
