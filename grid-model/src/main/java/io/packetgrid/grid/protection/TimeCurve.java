package io.packetgrid.grid.protection;

import java.util.Locale;

/**
 * Operate-time characteristics of overcurrent elements. The dependent-time (inverse) curves of
 * IEC 60255-151:2009 (Table 1; the curves of the former IEC 60255-3):
 * {@code t(G) = TMS · k / ((G/Gs)^α − 1)} with
 * standard inverse k = 0.14, α = 0.02; very inverse k = 13.5, α = 1; extremely inverse k = 80, α = 2;
 * long-time inverse k = 120, α = 1. Definite time operates after a fixed delay once G exceeds Gs.
 */
public enum TimeCurve {
    STANDARD_INVERSE("si", 0.14, 0.02),
    VERY_INVERSE("vi", 13.5, 1.0),
    EXTREMELY_INVERSE("ei", 80.0, 2.0),
    LONG_TIME_INVERSE("lti", 120.0, 1.0),
    DEFINITE_TIME("dt", Double.NaN, Double.NaN);

    private final String label;
    private final double k;
    private final double alpha;

    TimeCurve(String label, double k, double alpha) {
        this.label = label;
        this.k = k;
        this.alpha = alpha;
    }

    public String label() {
        return label;
    }

    /** The constant k (seconds), NaN for definite time. */
    public double k() {
        return k;
    }

    /** The exponent α, NaN for definite time. */
    public double alpha() {
        return alpha;
    }

    public boolean inverse() {
        return this != DEFINITE_TIME;
    }

    /**
     * The IEC 60255-151 operate time at {@code multiple} = G/Gs for time multiplier {@code tms}:
     * +∞ at or below 1 (no operation); the multiple is capped at {@code maxMultiple} (the standard
     * defines the curves' accuracy up to 20 Gs; relays hold the 20 Gs time above it).
     */
    public double inverseTimeS(double multiple, double tms, double maxMultiple) {
        if (!inverse()) {
            throw new IllegalStateException("definite time has no curve");
        }
        if (!(multiple > 1.0)) {
            return Double.POSITIVE_INFINITY;
        }
        double g = Math.min(multiple, maxMultiple);
        // (G/Gs)^α − 1 without cancellation for the small α of the standard inverse curve
        double den = Math.expm1(alpha * Math.log(g));
        return tms * k / den;
    }

    /** The curve with this label ({@code si, vi, ei, lti, dt}, case-insensitive), or null. */
    public static TimeCurve byLabel(String s) {
        String l = s.trim().toLowerCase(Locale.ROOT);
        for (TimeCurve c : values()) {
            if (c.label.equals(l)) {
                return c;
            }
        }
        return null;
    }
}
