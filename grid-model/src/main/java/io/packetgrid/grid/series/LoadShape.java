package io.packetgrid.grid.series;

/**
 * A load shape: multipliers at a fixed interval or at given hours, looked up as OpenDSS does
 * (LoadShape.pas GetMultAtHour): with a fixed interval the point {@code round(hour/interval)}
 * (1-based, wrapping around past the end, so a daily shape repeats); with given hours a linear
 * interpolation. Without Q multipliers, Q follows P unless {@code useActual} (then Q = 0).
 *
 * @param intervalHours fixed interval in hours, or 0 when {@code hours} are given
 * @param p      P multipliers (or actual kW when {@code useActual})
 * @param q      Q multipliers, or null
 * @param hours  hour of each point when the interval is variable, else null
 * @param useActual values are kW/kvar rather than per-unit multipliers
 * @param edge   "edge" interpolation (hold the last value) rather than the average
 */
public record LoadShape(String name, double intervalHours, double[] p, double[] q, double[] hours, boolean useActual, boolean edge) {

    /** Multiplier pair {P, Q} at {@code hour} (OpenDSS returns 1+j1 for an empty shape). */
    public double[] at(double hour) {
        double[] out = new double[2];
        at(hour, out);
        return out;
    }

    /** The multiplier pair at {@code hour} into {@code out[0]}, {@code out[1]} (no allocation, for per-step use). */
    public void at(double hour, double[] out) {
        int n = p.length;
        if (n == 0) {
            out[0] = 1.0;
            out[1] = 1.0;
            return;
        }
        if (n == 1) {
            pair(0, out);
            return;
        }
        if (intervalHours > 0) {
            long i = edge ? (long) Math.floor(hour / intervalHours) : roundHalfEven(hour / intervalHours);
            if (i > n) {
                i = i % n;
            }
            if (i == 0) {
                i = n;
            }
            if (i < 0) {
                i = ((i % n) + n) % n;
                if (i == 0) {
                    i = n;
                }
            }
            pair((int) (i - 1), out);
            return;
        }
        double last = hours[n - 1];
        double h = hour;
        if (h > last && last > 0) {
            h = h - Math.floor(h / last) * last;
        }
        for (int i = 0; i < n; i++) {
            if (Math.abs(hours[i] - h) < 0.00001) {
                pair(i, out);
                return;
            }
            if (hours[i] > h) {
                if (i == 0 || edge) {
                    pair(i == 0 ? 0 : i - 1, out);
                    return;
                }
                double f = (h - hours[i - 1]) / (hours[i] - hours[i - 1]);
                pair(i - 1, out);
                double a0 = out[0];
                double a1 = out[1];
                pair(i, out);
                out[0] = a0 + f * (out[0] - a0);
                out[1] = a1 + f * (out[1] - a1);
                return;
            }
        }
        pair(n - 1, out);
    }

    private void pair(int i, double[] out) {
        double pv = p[i];
        double qv;
        if (q != null && i < q.length) {
            qv = q[i];
        } else {
            qv = useActual ? 0.0 : pv;
        }
        out[0] = pv;
        out[1] = qv;
    }

    /** Pascal's Round: to nearest, ties to even (banker's rounding). */
    static long roundHalfEven(double x) {
        return (long) Math.rint(x);
    }
}
