package io.packetgrid.grid.model;

/**
 * Open conductors of an element, as OpenDSS treats them (CktElement.pas, DoYprimCalcs): the current of an
 * open conductor is forced to zero, so its row is eliminated from the primitive matrix by a Kron reduction
 * {@code Y_ij -= Y_in Y_nj / Y_nn} and then its row and column are zeroed; a tiny conductance (OpenDSS's
 * {@code cEpsilon}, 1e-12 S) goes on the diagonal of every row so that nothing is left floating. The
 * eliminated conductors' own voltages follow from the kept ones: {@code V_o = -Y_oo^-1 Y_oc V_c}
 * ({@link #floatingVoltages}), what a synchronism-check relay reads on the open side of a breaker.
 */
public final class OpenConductors {
    /** OpenDSS's EPSILON (1e-12), the conductance kept on eliminated and remaining diagonals. */
    static final double EPSILON = 1e-12;

    private OpenConductors() {
    }

    /**
     * Kron-reduces a primitive matrix (row major, order {@code open.length}) in place on the conductors
     * marked open, in conductor order, and zeroes them.
     */
    public static void reduce(double[] re, double[] im, boolean[] open) {
        int m = open.length;
        boolean any = false;
        for (int e = 0; e < m; e++) {
            if (!open[e]) {
                continue;
            }
            any = true;
            double nr = re[e * m + e];
            double ni = im[e * m + e];
            if (nr == 0 && ni == 0) {
                nr = EPSILON;
            }
            double den = nr * nr + ni * ni;
            for (int i = 0; i < m; i++) {
                if (open[i] && i <= e) {
                    continue;
                }
                double inr = re[i * m + e];
                double ini = im[i * m + e];
                if (inr == 0 && ini == 0) {
                    continue;
                }
                // t = Y_in / Y_nn
                double tr = (inr * nr + ini * ni) / den;
                double ti = (ini * nr - inr * ni) / den;
                for (int j = 0; j < m; j++) {
                    if (open[j] && j <= e) {
                        continue;
                    }
                    double njr = re[e * m + j];
                    double nji = im[e * m + j];
                    re[i * m + j] -= tr * njr - ti * nji;
                    im[i * m + j] -= tr * nji + ti * njr;
                }
            }
            for (int k = 0; k < m; k++) {
                re[e * m + k] = 0;
                im[e * m + k] = 0;
                re[k * m + e] = 0;
                im[k * m + e] = 0;
            }
            re[e * m + e] = EPSILON;
        }
        if (any) {
            for (int i = 0; i < m; i++) {
                if (!open[i]) {
                    re[i * m + i] += EPSILON;
                }
            }
        }
    }

    /**
     * The voltages of the open conductors from the closed ones' ({@code vr}/{@code vi}, conductor order; the
     * open entries are overwritten): {@code V_o = -Y_oo^-1 Y_oc V_c} with the element's closed primitive
     * matrix ({@code re}/{@code im}).
     *
     * When the open conductors have no path to ground (a wye winding opened with its neutral and no
     * magnetising or anti-float shunt), their common-mode potential is undetermined: {@code Y_oo} is singular
     * with the all-ones vector in its null space, and the currents it must balance add up to zero. Adding
     * {@code α 1 1ᵀ} then pins the mean of the open voltages at zero and leaves the voltages between them
     * (what a relay measures) exact.
     *
     * @return false when {@code Y_oo} is singular even so (an element that gives no coupling: the open side floats)
     */
    public static boolean floatingVoltages(double[] re, double[] im, boolean[] open, double[] vr, double[] vi) {
        int m = open.length;
        int no = 0;
        for (boolean o : open) {
            no += o ? 1 : 0;
        }
        int[] idx = new int[no];
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (open[i]) {
                idx[k++] = i;
            }
        }
        CMatrix yoo = new CMatrix(no);
        double[] br = new double[no];
        double[] bi = new double[no];
        for (int a = 0; a < no; a++) {
            int i = idx[a];
            for (int b = 0; b < no; b++) {
                yoo.set(a, b, re[i * m + idx[b]], im[i * m + idx[b]]);
            }
            double sr = 0;
            double si = 0;
            for (int j = 0; j < m; j++) {
                if (!open[j]) {
                    sr += re[i * m + j] * vr[j] - im[i * m + j] * vi[j];
                    si += re[i * m + j] * vi[j] + im[i * m + j] * vr[j];
                }
            }
            br[a] = -sr;
            bi[a] = -si;
        }
        CMatrix inv = yoo.inverse();
        if (inv == null) {
            double scale = 0;
            for (int q = 0; q < yoo.re.length; q++) {
                scale = Math.max(scale, Math.hypot(yoo.re[q], yoo.im[q]));
            }
            for (int a = 0; a < no; a++) {
                for (int b = 0; b < no; b++) {
                    yoo.add(a, b, scale / no, 0);
                }
            }
            inv = yoo.inverse();
            if (inv == null) {
                return false;
            }
        }
        double[] xr = new double[no];
        double[] xi = new double[no];
        inv.multiply(br, bi, xr, xi);
        for (int a = 0; a < no; a++) {
            vr[idx[a]] = xr[a];
            vi[idx[a]] = xi[a];
        }
        return true;
    }
}
