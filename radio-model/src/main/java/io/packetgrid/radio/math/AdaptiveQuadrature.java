package io.packetgrid.radio.math;

import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive quadrature on a finite interval, in the manner of QUADPACK's QAG (Piessens,
 * de Doncker-Kapenga, Überhuber, Kahaner, "QUADPACK", Springer 1983, §2.1): the panel with the
 * largest error estimate is bisected until the summed estimate meets the tolerance. Each panel is
 * integrated with a 10- and a 20-point Gauss–Legendre rule; their difference is the (pessimistic)
 * error estimate of the 20-point value, which converges far faster than the estimate suggests for
 * smooth integrands.
 */
public final class AdaptiveQuadrature {
    private static final GaussLegendre LOW = GaussLegendre.of(10);
    private static final GaussLegendre HIGH = GaussLegendre.of(20);
    private static final int MAX_PANELS = 4000;

    private AdaptiveQuadrature() {
    }

    /** ∫_a^b f to max(absTol, relTol·|I|); the points in {@code breaks} (inside (a, b)) start as panel ends. */
    public static double integrate(DoubleUnaryOperator f, double a, double b, double relTol, double absTol,
                                   double... breaks) {
        if (!(b > a)) {
            return 0;
        }
        PriorityQueue<Panel> heap = new PriorityQueue<>((p, q) -> Double.compare(q.err, p.err));
        double total = 0;
        double err = 0;
        double lo = a;
        double[] sorted = breaks.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i <= sorted.length; i++) {
            double hi = i < sorted.length ? sorted[i] : b;
            if (hi > lo && hi <= b) {
                Panel p = panel(f, lo, hi);
                heap.add(p);
                total += p.value;
                err += p.err;
                lo = hi;
            }
        }
        while (err > Math.max(absTol, relTol * Math.abs(total)) && heap.size() < MAX_PANELS) {
            Panel worst = heap.poll();
            double mid = 0.5 * (worst.a + worst.b);
            if (!(mid > worst.a && mid < worst.b)) {
                heap.add(new Panel(worst.a, worst.b, worst.value, 0));
                err -= worst.err;
                continue;
            }
            Panel left = panel(f, worst.a, mid);
            Panel right = panel(f, mid, worst.b);
            total += left.value + right.value - worst.value;
            err += left.err + right.err - worst.err;
            heap.add(left);
            heap.add(right);
        }
        // re-sum to remove the drift of the running sums
        double s = 0;
        for (Panel p : heap) {
            s += p.value;
        }
        return s;
    }

    private static Panel panel(DoubleUnaryOperator f, double a, double b) {
        double lo = LOW.integrate(f, a, b);
        double hi = HIGH.integrate(f, a, b);
        return new Panel(a, b, hi, Math.abs(hi - lo));
    }

    private record Panel(double a, double b, double value, double err) {
    }
}
