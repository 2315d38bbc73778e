package io.packetgrid.grid.fault;

/** Dense complex linear algebra for the few fault nodes (Gaussian elimination, partial pivoting). */
final class SmallComplex {
    private SmallComplex() {
    }

    /** Solves {@code A x = b} (order k, row major, separate real and imaginary parts): {xr, xi}. */
    static double[][] solve(int k, double[] ar0, double[] ai0, double[] br0, double[] bi0) {
        double[] ar = ar0.clone();
        double[] ai = ai0.clone();
        double[] br = br0.clone();
        double[] bi = bi0.clone();
        for (int c = 0; c < k; c++) {
            int piv = c;
            double best = -1;
            for (int r = c; r < k; r++) {
                double m = ar[r * k + c] * ar[r * k + c] + ai[r * k + c] * ai[r * k + c];
                if (m > best) {
                    best = m;
                    piv = r;
                }
            }
            if (!(best > 0)) {
                throw new ArithmeticException("singular fault equations");
            }
            if (piv != c) {
                for (int j = 0; j < k; j++) {
                    double t = ar[c * k + j];
                    ar[c * k + j] = ar[piv * k + j];
                    ar[piv * k + j] = t;
                    t = ai[c * k + j];
                    ai[c * k + j] = ai[piv * k + j];
                    ai[piv * k + j] = t;
                }
                double t = br[c];
                br[c] = br[piv];
                br[piv] = t;
                t = bi[c];
                bi[c] = bi[piv];
                bi[piv] = t;
            }
            double pr = ar[c * k + c];
            double pi = ai[c * k + c];
            double den = pr * pr + pi * pi;
            for (int r = c + 1; r < k; r++) {
                // f = A(r,c) / A(c,c)
                double xr = ar[r * k + c];
                double xi = ai[r * k + c];
                double fr = (xr * pr + xi * pi) / den;
                double fi = (xi * pr - xr * pi) / den;
                for (int j = c; j < k; j++) {
                    double yr = ar[c * k + j];
                    double yi = ai[c * k + j];
                    ar[r * k + j] -= fr * yr - fi * yi;
                    ai[r * k + j] -= fr * yi + fi * yr;
                }
                br[r] -= fr * br[c] - fi * bi[c];
                bi[r] -= fr * bi[c] + fi * br[c];
            }
        }
        double[] xr = new double[k];
        double[] xi = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double sr = br[r];
            double si = bi[r];
            for (int j = r + 1; j < k; j++) {
                sr -= ar[r * k + j] * xr[j] - ai[r * k + j] * xi[j];
                si -= ar[r * k + j] * xi[j] + ai[r * k + j] * xr[j];
            }
            double pr = ar[r * k + r];
            double pi = ai[r * k + r];
            double den = pr * pr + pi * pi;
            xr[r] = (sr * pr + si * pi) / den;
            xi[r] = (si * pr - sr * pi) / den;
        }
        return new double[][] {xr, xi};
    }
}
