package io.packetgrid.grid.model;

/**
 * The per-phase admittance of a reactor from its OpenDSS specification (Reactor.pas
 * RecalcElementData and CalcYPrim, re-derived): kvar at kV, R + jX (or Z, or L in mH), R and X
 * matrices in series or in parallel, or symmetrical components Z1, Z2, Z0. Pure functions.
 */
public final class ReactorImpedance {
    private ReactorImpedance() {
    }

    /**
     * Reactance (ohm) of a unit rated {@code kvar} (all phases) at {@code kv}: line-to-line kV for
     * delta and for two- or three-phase wye units (divided by sqrt 3), the coil voltage otherwise;
     * {@code X = kV_phase^2 1000 / kvar_phase}.
     */
    public static double reactanceFromKvar(double kvar, double kv, int phases, boolean delta) {
        return Math.pow(phaseKv(kv, phases, delta), 2) * 1000.0 / (kvar / phases);
    }

    /** Coil voltage (kV): OpenDSS's PhasekV. */
    public static double phaseKv(double kv, int phases, boolean delta) {
        if (!delta && (phases == 2 || phases == 3)) {
            return kv / Math.sqrt(3.0);
        }
        return kv;
    }

    /** Diagonal admittance {@code 1/(R + jX) + 1/Rp} per phase (Rp = 0: no parallel resistance). */
    public static CMatrix scalar(int phases, double r, double x, double rp) {
        double den = r * r + x * x;
        if (den == 0) {
            throw new IllegalArgumentException("R and X are both zero");
        }
        double g = r / den + (rp != 0 ? 1.0 / rp : 0.0);
        double b = -x / den;
        CMatrix y = new CMatrix(phases);
        for (int i = 0; i < phases; i++) {
            y.set(i, i, g, b);
        }
        return y;
    }

    /**
     * From R and X matrices (ohm, row major): in series {@code (R + jX)^-1}; in parallel
     * {@code R^-1 + j (-X)^-1} (OpenDSS Gmatrix and Bmatrix).
     */
    public static CMatrix matrices(int phases, double[] r, double[] x, boolean parallel) {
        if (!parallel) {
            CMatrix z = new CMatrix(phases);
            for (int k = 0; k < phases * phases; k++) {
                z.re[k] = r[k];
                z.im[k] = x[k];
            }
            CMatrix inv = z.inverse();
            if (inv == null) {
                throw new IllegalArgumentException("singular R + jX matrix");
            }
            return inv;
        }
        CMatrix g = realInverse(phases, r, 1.0, "R matrix");
        CMatrix b = realInverse(phases, x, -1.0, "X matrix");
        CMatrix y = new CMatrix(phases);
        for (int k = 0; k < phases * phases; k++) {
            y.re[k] = g.re[k];
            y.im[k] = b.re[k];
        }
        return y;
    }

    private static CMatrix realInverse(int n, double[] a, double sign, String what) {
        CMatrix m = new CMatrix(n);
        for (int k = 0; k < n * n; k++) {
            m.re[k] = sign * a[k];
        }
        CMatrix inv = m.inverse();
        if (inv == null) {
            throw new IllegalArgumentException("singular " + what + " (parallel form)");
        }
        return inv;
    }

    /**
     * From symmetrical components (ohm): one phase takes Z1; three phases the full matrix with
     * Z2 possibly different from Z1 ({@link SourceImpedance#phaseMatrix}); other counts only the
     * diagonal {@code (Z0 + Z1 + Z2)/3}, as OpenDSS leaves the off-diagonals undefined there.
     */
    public static CMatrix sequence(int phases, double r1, double x1, double r2, double x2, double r0, double x0) {
        CMatrix z;
        if (phases == 1) {
            z = new CMatrix(1);
            z.set(0, 0, r1, x1);
        } else if (phases == 3) {
            z = SourceImpedance.phaseMatrix(3, r1, x1, r2, x2, r0, x0);
        } else {
            z = new CMatrix(phases);
            for (int i = 0; i < phases; i++) {
                z.set(i, i, (r0 + r1 + r2) / 3.0, (x0 + x1 + x2) / 3.0);
            }
        }
        CMatrix inv = z.inverse();
        if (inv == null) {
            throw new IllegalArgumentException("singular sequence impedance matrix");
        }
        return inv;
    }
}
