package io.packetgrid.grid.model;

/**
 * An OpenDSS XYCurve: points (x, y) in increasing x, read by linear interpolation and extrapolated
 * beyond either end along the first or last two points (XYcurve.pas GetYValue, GetXValue,
 * InterpolatePoints). Used for inverter efficiency and power-temperature curves, volt-var and
 * volt-watt curves, and reactor R/L frequency curves.
 */
public record XyCurve(String name, double[] x, double[] y) {

    public XyCurve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("XYCurve." + name + ": " + x.length + " x values and " + y.length + " y values");
        }
        x = x.clone();
        y = y.clone();
    }

    public int points() {
        return x.length;
    }

    /** y at {@code at}: 0 without points, the only y with one point. */
    public double yAt(double at) {
        int n = x.length;
        if (n == 0) {
            return 0.0;
        }
        if (n == 1) {
            return y[0];
        }
        if (x[0] > at) {
            return interpolate(0, 1, at, x, y);
        }
        for (int i = 1; i < n; i++) {
            if (Math.abs(x[i] - at) < 0.00001) {
                return y[i];
            }
            if (x[i] > at) {
                return interpolate(i, i - 1, at, x, y);
            }
        }
        return interpolate(n - 1, n - 2, at, x, y);
    }

    /**
     * The line {@code y = a x + b} that {@link #yAt} uses at {@code at}, as {a, b}: the segment that holds it,
     * or the first or last two points beyond the ends; {0, 0} with fewer than two points (XYcurve.pas
     * GetCoefficients).
     */
    public double[] lineAt(double at) {
        int n = x.length;
        if (n < 2) {
            return new double[] {0.0, 0.0};
        }
        int hi = n - 1;
        if (x[0] > at) {
            hi = 1;
        } else {
            for (int i = 1; i < n; i++) {
                if (x[i] > at) {
                    hi = i;
                    break;
                }
            }
        }
        double a = (y[hi] - y[hi - 1]) / (x[hi] - x[hi - 1]);
        return new double[] {a, y[hi] - a * x[hi]};
    }

    /** x at {@code value} of y, on the first segment that spans it (curves need not be monotonic), else extrapolated. */
    public double xAt(double value) {
        int n = x.length;
        if (n == 0) {
            return 0.0;
        }
        if (n == 1) {
            return x[0];
        }
        for (int i = 1; i < n; i++) {
            if ((value >= y[i - 1] && value <= y[i]) || (value <= y[i - 1] && value >= y[i])) {
                return interpolate(i - 1, i, value, y, x);
            }
        }
        boolean increasing = y[0] <= y[n - 1];
        boolean belowFirst = increasing ? value <= y[0] : value >= y[0];
        return belowFirst ? interpolate(0, 1, value, y, x) : interpolate(n - 1, n - 2, value, y, x);
    }

    /** OpenDSS InterpolatePoints: the line through points i and j of (xs, ys) at {@code at}. */
    private static double interpolate(int i, int j, double at, double[] xs, double[] ys) {
        double den = xs[i] - xs[j];
        return den != 0.0 ? ys[j] + (at - xs[j]) / den * (ys[i] - ys[j]) : ys[i];
    }
}
