package io.packetgrid.grid.model;

/**
 * Thevenin impedance matrix of a source from its short-circuit data (pure functions).
 *
 * <p>From three-phase and single-line-to-ground fault levels with X/R ratios (OpenDSS Vsource,
 * RecalcElementData): {@code X1 = kV^2 / MVAsc3 / sqrt(1 + 1/(X1/R1)^2)}, {@code R1 = X1/(X1/R1)};
 * for the zero sequence, {@code |2 Z1 + Z0| = 3 V_LN / Isc1} with {@code X0 = R0 (X0/R0)}, i.e.
 * {@code (1 + k0^2) R0^2 + 4 (R1 + X1 k0) R0 + 4 |Z1|^2 - (3 V / Isc1)^2 = 0}, the larger root.
 * The phase matrix is {@code Zs = (2 Z1 + Z0)/3} on the diagonal, {@code Zm = (Z0 - Z1)/3} off it
 * (symmetrical components, e.g. Kersting, Distribution System Modeling and Analysis, eq. 4.61).
 */
public final class SourceImpedance {
    private SourceImpedance() {
    }

    /** Sequence impedances in ohms: {r1, x1, r0, x0}. */
    public static double[] fromShortCircuit(double kvLL, int phases, double mvaSc3, double mvaSc1, double x1r1, double x0r0) {
        double factor = phases == 1 ? 1.0 : Math.sqrt(3.0);
        double x1 = kvLL * kvLL / mvaSc3 / Math.sqrt(1.0 + 1.0 / (x1r1 * x1r1));
        double r1 = x1 / x1r1;
        double isc1 = mvaSc1 * 1000.0 / (factor * kvLL);
        double a = 1.0 + x0r0 * x0r0;
        double b = 4.0 * (r1 + x1 * x0r0);
        double v = 3.0 * kvLL * 1000.0 / factor / isc1;
        double c = 4.0 * (r1 * r1 + x1 * x1) - v * v;
        double disc = b * b - 4.0 * a * c;
        if (disc < 0) {
            return null;
        }
        double mid = Math.sqrt(disc);
        double r0 = Math.max((-b + mid) / (2 * a), (-b - mid) / (2 * a));
        return new double[] {r1, x1, r0, r0 * x0r0};
    }

    /** Short-circuit MVA from currents: {MVAsc3, MVAsc1}. */
    public static double[] mvaFromCurrents(double kvLL, int phases, double isc3, double isc1) {
        double factor = phases == 1 ? 1.0 : Math.sqrt(3.0);
        return new double[] {Math.sqrt(3.0) * kvLL * isc3 / 1000.0, factor * kvLL * isc1 / 1000.0};
    }

    /** Phase impedance matrix from sequence impedances (Z2 = Z1). */
    public static CMatrix phaseMatrix(int phases, double r1, double x1, double r0, double x0) {
        CMatrix z = new CMatrix(phases);
        double rs = (2 * r1 + r0) / 3.0;
        double xs = (2 * x1 + x0) / 3.0;
        double rm = (r0 - r1) / 3.0;
        double xm = (x0 - x1) / 3.0;
        for (int i = 0; i < phases; i++) {
            for (int j = 0; j < phases; j++) {
                if (i == j) {
                    z.set(i, j, rs, xs);
                } else {
                    z.set(i, j, rm, xm);
                }
            }
        }
        return z;
    }

    /**
     * Phase impedance matrix with Z2 different from Z1 (3 phases): diagonal (Z0+Z1+Z2)/3,
     * off-diagonals (Z0 + a Z1 + a^2 Z2)/3 and (Z0 + a^2 Z1 + a Z2)/3 with a = 1 angle 120 degrees
     * arranged as OpenDSS does.
     */
    public static CMatrix phaseMatrix(int phases, double r1, double x1, double r2, double x2, double r0, double x0) {
        if (phases != 3 || (r1 == r2 && x1 == x2)) {
            return phaseMatrix(phases, r1, x1, r0, x0);
        }
        CMatrix z = new CMatrix(3);
        double dr = (r0 + r1 + r2) / 3.0;
        double dx = (x0 + x1 + x2) / 3.0;
        // alpha1 = 1 angle -120 (OpenDSS conj(Calpha)), alpha2 = alpha1^2 = 1 angle -240
        double c = -0.5;
        double s = Math.sqrt(3.0) / 2.0;
        double a1r = c;
        double a1i = -s;
        double a2r = c;
        double a2i = s;
        // Value2 = a2 Z2 + a1 Z1 + Z0 ; Value1 = a2 Z1 + a1 Z2 + Z0
        double v2r = (a2r * r2 - a2i * x2 + a1r * r1 - a1i * x1 + r0) / 3.0;
        double v2i = (a2r * x2 + a2i * r2 + a1r * x1 + a1i * r1 + x0) / 3.0;
        double v1r = (a2r * r1 - a2i * x1 + a1r * r2 - a1i * x2 + r0) / 3.0;
        double v1i = (a2r * x1 + a2i * r1 + a1r * x2 + a1i * r2 + x0) / 3.0;
        for (int i = 0; i < 3; i++) {
            z.set(i, i, dr, dx);
        }
        z.set(1, 0, v1r, v1i);
        z.set(2, 0, v2r, v2i);
        z.set(2, 1, v1r, v1i);
        z.set(0, 1, v2r, v2i);
        z.set(0, 2, v1r, v1i);
        z.set(1, 2, v2r, v2i);
        return z;
    }
}
