package io.packetgrid.grid.fault;

/**
 * Fortescue's transformation of three phase phasors into zero, positive and negative sequence
 * (a = 1∠120°): {@code X0 = (Xa + Xb + Xc)/3}, {@code X1 = (Xa + a Xb + a² Xc)/3},
 * {@code X2 = (Xa + a² Xb + a Xc)/3} (Glover, Sarma and Overbye, Power System Analysis and Design,
 * 5th ed., eqs. 8.1.8-8.1.10).
 */
public final class SymmetricalComponents {
    private static final double C = -0.5;
    private static final double S = Math.sqrt(3.0) / 2.0;

    private SymmetricalComponents() {
    }

    /**
     * @param re phase a, b, c real parts
     * @param im imaginary parts
     * @return {{X0 re, X0 im}, {X1 re, X1 im}, {X2 re, X2 im}}
     */
    public static double[][] fromPhases(double[] re, double[] im) {
        double[] x0 = {(re[0] + re[1] + re[2]) / 3.0, (im[0] + im[1] + im[2]) / 3.0};
        // a Xb = (C + jS)(xb), a² Xc = (C - jS)(xc)
        double aBr = C * re[1] - S * im[1];
        double aBi = C * im[1] + S * re[1];
        double a2Br = C * re[1] + S * im[1];
        double a2Bi = C * im[1] - S * re[1];
        double aCr = C * re[2] - S * im[2];
        double aCi = C * im[2] + S * re[2];
        double a2Cr = C * re[2] + S * im[2];
        double a2Ci = C * im[2] - S * re[2];
        double[] x1 = {(re[0] + aBr + a2Cr) / 3.0, (im[0] + aBi + a2Ci) / 3.0};
        double[] x2 = {(re[0] + a2Br + aCr) / 3.0, (im[0] + a2Bi + aCi) / 3.0};
        return new double[][] {x0, x1, x2};
    }
}
