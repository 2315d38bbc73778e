package io.packetgrid.grid.model;

import java.util.Arrays;

/**
 * A small dense complex matrix (row-major, separate real and imaginary arrays) for element
 * level work: impedance matrices of lines, windings and sources, their inverses and Kron
 * reductions. Not used in the solver's hot loop.
 */
public final class CMatrix {
    public final int n;
    public final double[] re;
    public final double[] im;

    public CMatrix(int n) {
        this.n = n;
        this.re = new double[n * n];
        this.im = new double[n * n];
    }

    public CMatrix copy() {
        CMatrix c = new CMatrix(n);
        System.arraycopy(re, 0, c.re, 0, re.length);
        System.arraycopy(im, 0, c.im, 0, im.length);
        return c;
    }

    public double re(int i, int j) {
        return re[i * n + j];
    }

    public double im(int i, int j) {
        return im[i * n + j];
    }

    public void set(int i, int j, double r, double x) {
        re[i * n + j] = r;
        im[i * n + j] = x;
    }

    public void add(int i, int j, double r, double x) {
        re[i * n + j] += r;
        im[i * n + j] += x;
    }

    public void scale(double s) {
        for (int k = 0; k < re.length; k++) {
            re[k] *= s;
            im[k] *= s;
        }
    }

    public boolean isZero() {
        for (int k = 0; k < re.length; k++) {
            if (re[k] != 0 || im[k] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The inverse by Gauss-Jordan elimination with partial pivoting.
     *
     * @return null if the matrix is singular
     */
    public CMatrix inverse() {
        int m = n;
        double[] ar = Arrays.copyOf(re, re.length);
        double[] ai = Arrays.copyOf(im, im.length);
        CMatrix inv = identity(m);
        double[] br = inv.re;
        double[] bi = inv.im;
        double scale = 0;
        for (int k = 0; k < ar.length; k++) {
            scale = Math.max(scale, Math.hypot(ar[k], ai[k]));
        }
        for (int c = 0; c < m; c++) {
            int piv = -1;
            double best = 0;
            for (int r = c; r < m; r++) {
                double mag = Math.hypot(ar[r * m + c], ai[r * m + c]);
                if (mag > best) {
                    best = mag;
                    piv = r;
                }
            }
            if (piv < 0 || !(best > 1e-300) || !(best > 1e-15 * scale)) {
                return null;
            }
            if (piv != c) {
                swapRows(ar, ai, m, piv, c);
                swapRows(br, bi, m, piv, c);
            }
            double pr = ar[c * m + c];
            double pi = ai[c * m + c];
            double den = pr * pr + pi * pi;
            double qr = pr / den;
            double qi = -pi / den;
            for (int j = 0; j < m; j++) {
                double xr = ar[c * m + j];
                double xi = ai[c * m + j];
                ar[c * m + j] = xr * qr - xi * qi;
                ai[c * m + j] = xr * qi + xi * qr;
                xr = br[c * m + j];
                xi = bi[c * m + j];
                br[c * m + j] = xr * qr - xi * qi;
                bi[c * m + j] = xr * qi + xi * qr;
            }
            for (int r = 0; r < m; r++) {
                if (r == c) {
                    continue;
                }
                double fr = ar[r * m + c];
                double fi = ai[r * m + c];
                if (fr == 0 && fi == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    double xr = ar[c * m + j];
                    double xi = ai[c * m + j];
                    ar[r * m + j] -= fr * xr - fi * xi;
                    ai[r * m + j] -= fr * xi + fi * xr;
                    xr = br[c * m + j];
                    xi = bi[c * m + j];
                    br[r * m + j] -= fr * xr - fi * xi;
                    bi[r * m + j] -= fr * xi + fi * xr;
                }
            }
        }
        for (int k = 0; k < br.length; k++) {
            if (!Double.isFinite(br[k]) || !Double.isFinite(bi[k])) {
                return null;
            }
        }
        return inv;
    }

    private static void swapRows(double[] r, double[] i, int m, int a, int b) {
        for (int j = 0; j < m; j++) {
            double t = r[a * m + j];
            r[a * m + j] = r[b * m + j];
            r[b * m + j] = t;
            t = i[a * m + j];
            i[a * m + j] = i[b * m + j];
            i[b * m + j] = t;
        }
    }

    /**
     * Whether the n x n complex matrix stored row-major at {@code off} of {@code re}/{@code im} has the
     * form d I + o (1 - I): equal diagonal and equal off-diagonal entries, to {@code relTol} of its
     * largest entry (|re| + |im|; the entries come from numerical inverses). If so, stores
     * (d - o, o) as four numbers at {@code out[at..at + 3]} — then M x = (d - o) x + o sum(x), which
     * costs O(n) instead of O(n^2) — and returns true; otherwise leaves {@code out} untouched.
     */
    public static boolean balancedForm(double[] re, double[] im, int off, int n, double relTol, double[] out, int at) {
        double scale = 0;
        for (int s = 0; s < n * n; s++) {
            scale = Math.max(scale, Math.abs(re[off + s]) + Math.abs(im[off + s]));
        }
        double dr = re[off];
        double di = im[off];
        double or = n > 1 ? re[off + 1] : 0.0;
        double oi = n > 1 ? im[off + 1] : 0.0;
        double tol = relTol * scale;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double er = a == b ? dr : or;
                double ei = a == b ? di : oi;
                if (Math.abs(re[off + a * n + b] - er) + Math.abs(im[off + a * n + b] - ei) > tol) {
                    return false;
                }
            }
        }
        out[at] = dr - or;
        out[at + 1] = di - oi;
        out[at + 2] = or;
        out[at + 3] = oi;
        return true;
    }

    public static CMatrix identity(int m) {
        CMatrix c = new CMatrix(m);
        for (int k = 0; k < m; k++) {
            c.re[k * m + k] = 1;
        }
        return c;
    }

    /**
     * Kron reduction eliminating row and column {@code k} (0-based):
     * {@code Z'(i,j) = Z(i,j) - Z(i,k) Z(k,j) / Z(k,k)}, the elimination of a conductor whose
     * voltage (for Z: current) is zero (Kersting, Distribution System Modeling and Analysis, eq. 4.28).
     */
    public CMatrix kron(int k) {
        CMatrix r = new CMatrix(n - 1);
        double kr = re(k, k);
        double ki = im(k, k);
        double den = kr * kr + ki * ki;
        for (int i = 0, ii = 0; i < n; i++) {
            if (i == k) {
                continue;
            }
            for (int j = 0, jj = 0; j < n; j++) {
                if (j == k) {
                    continue;
                }
                // a = Z(i,k) Z(k,j)
                double ar = re(i, k) * re(k, j) - im(i, k) * im(k, j);
                double ai = re(i, k) * im(k, j) + im(i, k) * re(k, j);
                // a / Z(k,k)
                double qr = (ar * kr + ai * ki) / den;
                double qi = (ai * kr - ar * ki) / den;
                r.set(ii, jj, re(i, j) - qr, im(i, j) - qi);
                jj++;
            }
            ii++;
        }
        return r;
    }

    /** The leading {@code m x m} block. */
    public CMatrix leading(int m) {
        CMatrix r = new CMatrix(m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                r.set(i, j, re(i, j), im(i, j));
            }
        }
        return r;
    }

    /**
     * Adds this n x n admittance as a series branch between two n-conductor terminals to a 2n x 2n
     * primitive matrix (row-major): {@code +Y} on both diagonal blocks, {@code -Y} on both off-diagonal
     * blocks (the series part of OpenDSS's Yprim for lines, reactors and the source's internal impedance).
     */
    public void addSeriesTo(double[] yRe, double[] yIm) {
        int m = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double r = re[i * n + j];
                double x = im[i * n + j];
                yRe[i * m + j] += r;
                yIm[i * m + j] += x;
                yRe[(i + n) * m + j + n] += r;
                yIm[(i + n) * m + j + n] += x;
                yRe[i * m + j + n] -= r;
                yIm[i * m + j + n] -= x;
                yRe[(i + n) * m + j] -= r;
                yIm[(i + n) * m + j] -= x;
            }
        }
    }

    /**
     * Adds a scalar admittance {@code g + jb} between conductors {@code a} and {@code b} of a primitive matrix
     * of this order (row-major): {@code +y} on both diagonals, {@code -y} off them (a shunt or delta branch).
     */
    public static void addBranch(double[] yRe, double[] yIm, int order, int a, int b, double g, double bIm) {
        yRe[a * order + a] += g;
        yIm[a * order + a] += bIm;
        yRe[b * order + b] += g;
        yIm[b * order + b] += bIm;
        yRe[a * order + b] -= g;
        yIm[a * order + b] -= bIm;
        yRe[b * order + a] -= g;
        yIm[b * order + a] -= bIm;
    }

    /** y = this x */
    public void multiply(double[] xr, double[] xi, double[] yr, double[] yi) {
        for (int i = 0; i < n; i++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double a = re[i * n + j];
                double b = im[i * n + j];
                sr += a * xr[j] - b * xi[j];
                si += a * xi[j] + b * xr[j];
            }
            yr[i] = sr;
            yi[i] = si;
        }
    }
}
