package io.packetgrid.grid.model;

/**
 * Impedance and capacitance matrices of overhead conductors from their geometry (pure functions).
 *
 * <p>Series impedance per metre between conductors i and j: internal impedance (self only) plus
 * the external term {@code j w mu0/(2 pi) ln(1/Dij)} (GMR for the self term at power frequency)
 * plus the earth-return term of the chosen earth model:
 * <ul>
 *   <li>{@link EarthModel#CARSON}: the first terms of Carson's series,
 *       {@code w mu0/8 + j w mu0/(2 pi) ln(658.5 sqrt(rho/f))} (Kersting, Distribution System
 *       Modeling and Analysis, 4th ed., eqs. 4.27-4.30: 0.09530 ohm/mile and
 *       {@code ln(658.5 sqrt(rho/f))} at 60 Hz);</li>
 *   <li>{@link EarthModel#FULL_CARSON}: Carson's series to fourth order (Tleis, Power Systems
 *       Modelling and Fault Analysis, eqs. 3.22-3.27);</li>
 *   <li>{@link EarthModel#DERI}: the complex-depth image of Deri, Tevan, Semlyen and Castanheira
 *       (IEEE Trans. PAS-100(8), 1981): {@code ln(sqrt((hi+hj+2p)^2 + dx^2))} with
 *       {@code p = 1/sqrt(j w mu0/rho)}, and a skin-effect internal impedance from Bessel
 *       functions (round conductor of DC resistance Rdc).</li>
 * </ul>
 * Capacitance: Maxwell potential coefficients {@code ln(Dij'/Dij)/(2 pi eps0)} with image
 * distances, inverted. The earth-model choices, constants and the GMR-at-power-frequency rule
 * follow OpenDSS (LineConstants.pas), so that geometries agree with it.
 */
public final class LineConstants {
    private static final double E0 = 8.854e-12;       // F/m (OpenDSS constant)
    private static final double MU0 = 12.56637e-7;    // H/m (OpenDSS constant)
    private static final double TWO_PI = 6.283185307;  // OpenDSS constant

    /** Earth-return models (OpenDSS {@code Set EarthModel=}). */
    public enum EarthModel { CARSON, FULL_CARSON, DERI }

    private LineConstants() {
    }

    /**
     * @param x      horizontal positions (m)
     * @param y      heights (m), all > 0
     * @param rdc    DC resistance (ohm/m)
     * @param rac    AC resistance (ohm/m)
     * @param gmr    geometric mean radius (m)
     * @param radius conductor radius (m)
     * @param capRadius radius for capacitance (m), or a negative value to use {@code radius}
     * @return {z, yc}: impedance (ohm/m) and shunt admittance (S/m, imaginary) of all conductors
     */
    public static CMatrix[] compute(double[] x, double[] y, double[] rdc, double[] rac, double[] gmr, double[] radius,
                                    double[] capRadius, double f, double rhoEarth, EarthModel model) {
        int n = x.length;
        double w = TWO_PI * f;
        double lfactor = w * MU0 / TWO_PI; // imaginary factor
        boolean powerFreq = f < 1000.0 && f > 40.0;
        // me = sqrt(j w mu0 / rho)
        double[] me = csqrt(0, w * MU0 / rhoEarth);
        CMatrix z = new CMatrix(n);
        for (int i = 0; i < n; i++) {
            double[] zi = zint(rdc[i], rac[i], f, w, model);
            double zsr;
            double zsi;
            if (powerFreq) {
                zi[1] = 0.0;
                zsr = 0;
                zsi = lfactor * Math.log(1.0 / gmr[i]);
            } else {
                zsr = 0;
                zsi = lfactor * Math.log(1.0 / radius[i]);
            }
            double[] ze = ze(i, i, x, y, f, w, rhoEarth, me, model);
            z.set(i, i, zi[0] + zsr + ze[0], zi[1] + zsi + ze[1]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double dij = Math.hypot(x[i] - x[j], y[i] - y[j]);
                double[] ze = ze(i, j, x, y, f, w, rhoEarth, me, model);
                z.set(i, j, ze[0], lfactor * Math.log(1.0 / dij) + ze[1]);
                z.set(j, i, z.re(i, j), z.im(i, j));
            }
        }
        // potential coefficients (including -1/w so the inverse is j w C directly, as OpenDSS)
        double pfactor = -1.0 / TWO_PI / E0 / w;
        CMatrix p = new CMatrix(n);
        for (int i = 0; i < n; i++) {
            double r = capRadius[i] < 0 ? radius[i] : capRadius[i];
            p.set(i, i, 0, pfactor * Math.log(2.0 * y[i] / r));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double dij = Math.hypot(x[i] - x[j], y[i] - y[j]);
                double dijp = Math.hypot(x[i] - x[j], y[i] + y[j]);
                p.set(i, j, 0, pfactor * Math.log(dijp / dij));
                p.set(j, i, 0, pfactor * Math.log(dijp / dij));
            }
        }
        CMatrix yc = p.inverse();
        return new CMatrix[] {z, yc};
    }

    private static double[] zint(double rdc, double rac, double f, double w, EarthModel model) {
        if (model != EarthModel.DERI) {
            return new double[] {rac, w * MU0 / (8 * Math.PI)};
        }
        // round conductor with skin effect: Z = (1+j) I0(a)/I1(a) sqrt(Rdc f mu0)/2, a = (1+j) sqrt(f mu0 / Rdc)
        double s = Math.sqrt(f * MU0 / rdc);
        double[] alpha = {s, s};
        double[] ratio;
        if (Math.hypot(alpha[0], alpha[1]) > 35.0) {
            ratio = new double[] {1, 0};
        } else {
            ratio = cdiv(besselI0(alpha), besselI1(alpha));
        }
        double k = Math.sqrt(rdc * f * MU0) / 2.0;
        // (1+j) * ratio * k
        return new double[] {(ratio[0] - ratio[1]) * k, (ratio[0] + ratio[1]) * k};
    }

    private static double[] ze(int i, int j, double[] x, double[] y, double f, double w, double rho, double[] me, EarthModel model) {
        double yi = Math.abs(y[i]);
        double yj = Math.abs(y[j]);
        switch (model) {
            case CARSON:
                return new double[] {w * MU0 / 8.0, (w * MU0 / TWO_PI) * Math.log(658.5 * Math.sqrt(rho / f))};
            case FULL_CARSON: {
                double theta;
                double dij;
                if (i == j) {
                    theta = 0.0;
                    dij = 2.0 * yi;
                } else {
                    dij = Math.sqrt((yi + yj) * (yi + yj) + (x[i] - x[j]) * (x[i] - x[j]));
                    theta = Math.acos((yi + yj) / dij);
                }
                double b1 = 1.0 / (3.0 * Math.sqrt(2.0));
                double b2 = 1.0 / 16.0;
                double b3 = b1 / 3.0 / 5.0;
                double b4 = b2 / 4.0 / 6.0;
                double d2 = b2 * Math.PI / 4.0;
                double d4 = b4 * Math.PI / 4.0;
                double c2 = 1.3659315;
                double c4 = c2 + 1.0 / 4.0 + 1.0 / 6.0;
                double m = 2.8099e-3 * dij * Math.sqrt(f / rho);
                double re = Math.PI / 8.0 - b1 * m * Math.cos(theta)
                        + b2 * m * m * (Math.log(Math.exp(c2) / m) * Math.cos(2 * theta) + theta * Math.sin(2 * theta))
                        + b3 * m * m * m * Math.cos(3 * theta) - d4 * m * m * m * m * Math.cos(4 * theta);
                double im = 0.5 * Math.log(1.85138 / m) + b1 * m * Math.cos(theta) - d2 * m * m * Math.cos(2 * theta)
                        + b3 * m * m * m * Math.cos(3 * theta)
                        - b4 * m * m * m * m * (Math.log(Math.exp(c4) / m) * Math.cos(4 * theta) + theta * Math.sin(4 * theta));
                im += 0.5 * Math.log(dij);
                double k = w * MU0 / Math.PI;
                return new double[] {re * k, im * k};
            }
            default: {
                double[] invMe = cdiv(new double[] {1, 0}, me);
                double[] arg;
                if (i != j) {
                    double hr = yi + yj + 2 * invMe[0];
                    double hi = 2 * invMe[1];
                    double xt = x[i] - x[j];
                    // sqrt(h^2 + x^2)
                    double sr = hr * hr - hi * hi + xt * xt;
                    double si = 2 * hr * hi;
                    arg = csqrt(sr, si);
                } else {
                    arg = new double[] {2 * (yi + invMe[0]), 2 * invMe[1]};
                }
                double[] ln = {Math.log(Math.hypot(arg[0], arg[1])), Math.atan2(arg[1], arg[0])};
                double k = w * MU0 / TWO_PI;
                // j k ln
                return new double[] {-k * ln[1], k * ln[0]};
            }
        }
    }

    static double[] csqrt(double r, double i) {
        double m = Math.hypot(r, i);
        double a = Math.sqrt((m + r) / 2.0);
        double b = Math.copySign(Math.sqrt((m - r) / 2.0), i);
        return new double[] {a, b};
    }

    static double[] cdiv(double[] a, double[] b) {
        double den = b[0] * b[0] + b[1] * b[1];
        return new double[] {(a[0] * b[0] + a[1] * b[1]) / den, (a[1] * b[0] - a[0] * b[1]) / den};
    }

    /** Modified Bessel I0 of a complex argument by its power series (Abramowitz and Stegun 9.6.12). */
    static double[] besselI0(double[] z) {
        double[] q = {(z[0] * z[0] - z[1] * z[1]) / 4.0, z[0] * z[1] / 2.0}; // z^2/4
        double[] term = {1, 0};
        double[] sum = {1, 0};
        for (int k = 1; k < 200; k++) {
            double tr = (term[0] * q[0] - term[1] * q[1]) / ((double) k * k);
            double ti = (term[0] * q[1] + term[1] * q[0]) / ((double) k * k);
            term[0] = tr;
            term[1] = ti;
            sum[0] += tr;
            sum[1] += ti;
            if (Math.hypot(tr, ti) < 1e-17 * Math.hypot(sum[0], sum[1])) {
                break;
            }
        }
        return sum;
    }

    /** Modified Bessel I1 of a complex argument by its power series (Abramowitz and Stegun 9.6.10). */
    static double[] besselI1(double[] z) {
        double[] q = {(z[0] * z[0] - z[1] * z[1]) / 4.0, z[0] * z[1] / 2.0};
        double[] term = {z[0] / 2.0, z[1] / 2.0};
        double[] sum = {term[0], term[1]};
        for (int k = 1; k < 200; k++) {
            double d = (double) k * (k + 1);
            double tr = (term[0] * q[0] - term[1] * q[1]) / d;
            double ti = (term[0] * q[1] + term[1] * q[0]) / d;
            term[0] = tr;
            term[1] = ti;
            sum[0] += tr;
            sum[1] += ti;
            if (Math.hypot(tr, ti) < 1e-17 * Math.hypot(sum[0], sum[1])) {
                break;
            }
        }
        return sum;
    }

    /**
     * Cable data of one phase conductor (metres, ohm/m): the insulation ({@code epsR}, layer thickness,
     * diameter over it), the cable's outer diameter, and either a concentric neutral of {@code kStrand}
     * strands or a copper tape shield.
     */
    public record Cable(double epsR, double insLayer, double diaIns, double diaCable, int kStrand, double diaStrand,
                        double gmrStrand, double rStrand, double diaShield, double tapeLayer, double tapeLap) {

        public boolean concentricNeutral() {
            return kStrand > 0;
        }
    }

    /** Resistivity of a copper tape shield (ohm m), OpenDSS TSLineConstants RhoTS. */
    private static final double RHO_TAPE = 2.3718e-8;

    /**
     * Impedance and capacitance of cables (OpenDSS CNLineConstants.Calc and TSLineConstants.Calc,
     * after Kersting, Distribution System Modeling and Analysis, 4.3 and 5.5): the first
     * {@code cables.length} conductors are cables whose neutrals or shields are added as conductors
     * and Kron-reduced away. A concentric neutral of k strands is one conductor of resistance
     * {@code Rstrand/k} and GMR {@code (GMRs k R^(k-1))^(1/k)} at radius {@code R = (Dcable - Ds)/2}, its
     * distance to another conductor {@code (D^k - R^k)^(1/k)}; a tape shield has resistance
     * {@code 0.3183 rho / (ds T sqrt(50/(100 - lap)))} and GMR {@code (ds - T)/2}. Each cable's shunt
     * admittance is that of its insulation alone, {@code j w 2 pi eps0 epsR / ln(Rout/Rin)}, none between
     * cables and none for bare neutrals.
     *
     * @return {z, yc} of the {@code x.length} conductors (cable cores first, then bare neutrals)
     */
    public static CMatrix[] cables(double[] x, double[] y, double[] rdc, double[] rac, double[] gmr, double[] radius, Cable[] cables,
                                   double f, double rhoEarth, EarthModel model) {
        int nc = x.length;
        int np = cables.length;
        int n = nc + np;
        double w = TWO_PI * f;
        double lfactor = w * MU0 / TWO_PI;
        boolean powerFreq = f < 1000.0 && f > 40.0;
        double[] me = csqrt(0, w * MU0 / rhoEarth);
        CMatrix z = new CMatrix(n);
        for (int i = 0; i < nc; i++) {
            double[] zi = zint(rdc[i], rac[i], f, w, model);
            double zsi;
            if (powerFreq) {
                zi[1] = 0.0;
                zsi = lfactor * Math.log(1.0 / gmr[i]);
            } else {
                zsi = lfactor * Math.log(1.0 / radius[i]);
            }
            double[] ze = ze(i, i, x, y, f, w, rhoEarth, me, model);
            z.set(i, i, zi[0] + ze[0], zi[1] + zsi + ze[1]);
        }
        for (int i = 0; i < np; i++) {
            Cable c = cables[i];
            double res;
            double gmrShield;
            if (c.concentricNeutral()) {
                int k = c.kStrand();
                res = c.rStrand() / k;
                double radCn = 0.5 * (c.diaCable() - c.diaStrand());
                gmrShield = Math.pow(c.gmrStrand() * k * Math.pow(radCn, k - 1.0), 1.0 / k);
            } else {
                res = 0.3183 * RHO_TAPE / (c.diaShield() * c.tapeLayer() * Math.sqrt(50.0 / (100.0 - c.tapeLap())));
                gmrShield = 0.5 * (c.diaShield() - c.tapeLayer());
            }
            double[] ze = ze(i, i, x, y, f, w, rhoEarth, me, model);
            z.set(nc + i, nc + i, res + ze[0], lfactor * Math.log(1.0 / gmrShield) + ze[1]);
        }
        for (int i = 0; i < nc; i++) {
            for (int j = 0; j < i; j++) {
                double dij = Math.hypot(x[i] - x[j], y[i] - y[j]);
                double[] ze = ze(i, j, x, y, f, w, rhoEarth, me, model);
                z.set(i, j, ze[0], lfactor * Math.log(1.0 / dij) + ze[1]);
                z.set(j, i, ze[0], lfactor * Math.log(1.0 / dij) + ze[1]);
            }
        }
        for (int i = 0; i < np; i++) {
            Cable c = cables[i];
            int ii = nc + i;
            for (int j = 0; j < i; j++) {
                double dij = Math.hypot(x[i] - x[j], y[i] - y[j]);
                double[] ze = ze(i, j, x, y, f, w, rhoEarth, me, model);
                z.set(ii, nc + j, ze[0], lfactor * Math.log(1.0 / dij) + ze[1]);
                z.set(nc + j, ii, ze[0], lfactor * Math.log(1.0 / dij) + ze[1]);
            }
            for (int j = 0; j < nc; j++) {
                double dij;
                if (c.concentricNeutral()) {
                    double radCn = 0.5 * (c.diaCable() - c.diaStrand());
                    if (i == j) {
                        dij = radCn;
                    } else {
                        double d = Math.hypot(x[i] - x[j], y[i] - y[j]);
                        int k = c.kStrand();
                        dij = Math.pow(Math.pow(d, k) - Math.pow(radCn, k), 1.0 / k);
                    }
                } else {
                    dij = i == j ? 0.5 * (c.diaShield() - c.tapeLayer()) : Math.hypot(x[i] - x[j], y[i] - y[j]);
                }
                double[] ze = ze(i, j, x, y, f, w, rhoEarth, me, model);
                z.set(ii, j, ze[0], lfactor * Math.log(1.0 / dij) + ze[1]);
                z.set(j, ii, ze[0], lfactor * Math.log(1.0 / dij) + ze[1]);
            }
        }
        while (z.n > nc) {
            z = z.kron(z.n - 1);
        }
        CMatrix yc = new CMatrix(nc);
        for (int i = 0; i < np; i++) {
            Cable c = cables[i];
            double radOut = 0.5 * c.diaIns();
            double radIn = radOut - c.insLayer();
            yc.set(i, i, 0, TWO_PI * E0 * c.epsR() * w / Math.log(radOut / radIn));
        }
        return new CMatrix[] {z, yc};
    }

    /**
     * Kron-reduces the neutral conductors (all beyond the first {@code phases}) of a full
     * geometry result: Z by successive elimination of the last conductor, the shunt admittance by
     * taking the phase block of the nodal matrix (neutrals at zero potential), as OpenDSS does.
     */
    public static CMatrix[] reduce(CMatrix[] zy, int phases) {
        CMatrix z = zy[0];
        while (z.n > phases) {
            z = z.kron(z.n - 1);
        }
        return new CMatrix[] {z, zy[1].leading(phases)};
    }
}
