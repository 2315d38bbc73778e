package io.packetgrid.studies.protection.radio;

import io.packetgrid.radio.nr.LinkTiming;
import io.packetgrid.radio.reliability.Hop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact probability that several messages sent at the same moment all arrive within their budgets,
 * when their paths start with the same radio schedule (one sender: the same uplink timing). Their fates
 * are independent given the arrival phase a (each round sees its own fading), but not independent
 * overall: they share a. As in {@link io.packetgrid.radio.reliability.DeliveryTimeDistribution}, within
 * each interval between the first hop's schedule breakpoints every round's decode time is fixed, so each
 * message's latency is T − a with T from a finite distribution; then
 * <pre>
 *   P[some message late] = (1/H) ∫ (1 − Π_j (1 − q_j(a))) da,   q_j(a) = P[T_j − a &gt; budget_j]
 * </pre>
 * is integrated exactly over the pieces where every q_j is constant, with 1 − Π(1 − q) evaluated as
 * −expm1(Σ log1p(−q)) so that probabilities of 10⁻⁹ keep their digits.
 */
public final class JointDelivery {
    private JointDelivery() {
    }

    /**
     * @param paths    hops of each message (all starting with the same {@link LinkTiming})
     * @param budgetNs latency budget of each message (ns); +∞ as {@code Long.MAX_VALUE}: never late
     * @return P[at least one message not delivered within its budget], or NaN if the first hops differ
     */
    public static double missProbability(List<List<Hop>> paths, long[] budgetNs) {
        LinkTiming first = paths.get(0).get(0).timing();
        for (List<Hop> p : paths) {
            if (!p.get(0).timing().equals(first)) {
                return Double.NaN;
            }
        }
        long h = first.hyperperiodNs();
        long[] bp = first.breakpoints();
        int m = paths.size();
        double late = 0;
        for (int i = 0; i + 1 < bp.length; i++) {
            long lo = bp[i];
            long hi = bp[i + 1];
            if (hi <= lo) {
                continue;
            }
            // per message: loss and the (T, w) outcomes for arrivals in (lo, hi]
            double[] loss = new double[m];
            List<double[]> outcomes = new ArrayList<>();   // {message, T - budget, w}
            List<Double> cuts = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                List<double[]> tw = new ArrayList<>();
                expand(paths.get(j), 0, hi, 1.0, tw);
                double delivered = 0;
                for (double[] x : tw) {
                    delivered += x[1];
                    double c = budgetNs[j] == Long.MAX_VALUE ? Double.NEGATIVE_INFINITY : x[0] - budgetNs[j];
                    outcomes.add(new double[] {j, c, x[1]});
                    if (c > lo && c < hi) {
                        cuts.add(c);
                    }
                }
                loss[j] = budgetNs[j] == Long.MAX_VALUE ? 0.0 : lossOf(paths.get(j), delivered);
            }
            double[] pts = new double[cuts.size() + 2];
            pts[0] = lo;
            for (int k = 0; k < cuts.size(); k++) {
                pts[k + 1] = cuts.get(k);
            }
            pts[pts.length - 1] = hi;
            Arrays.sort(pts);
            double[] q = new double[m];
            for (int s = 0; s + 1 < pts.length; s++) {
                double len = pts[s + 1] - pts[s];
                if (len <= 0) {
                    continue;
                }
                double a = 0.5 * (pts[s] + pts[s + 1]);
                System.arraycopy(loss, 0, q, 0, m);
                for (double[] o : outcomes) {
                    if (a < o[1]) {            // latency T − a > budget
                        q[(int) o[0]] += o[2];
                    }
                }
                double logAll = 0;
                for (int j = 0; j < m; j++) {
                    logAll += Math.log1p(-Math.min(1.0, q[j]));
                }
                late += len * -Math.expm1(logAll);
            }
        }
        return Math.min(1.0, late / h);
    }

    /** P[lost on some hop]: from the hops' round failures, without cancellation. */
    private static double lossOf(List<Hop> hops, double delivered) {
        double logSurvive = 0;
        for (Hop hop : hops) {
            double p = 1;
            for (double e : hop.roundFailure()) {
                p *= e;
            }
            logSurvive += Math.log1p(-p);
        }
        return -Math.expm1(logSurvive);
    }

    /** Absolute delivery times T (for an arrival at {@code arrival} on hop {@code index}) with their probabilities. */
    private static void expand(List<Hop> hops, int index, long arrival, double prob, List<double[]> out) {
        Hop hop = hops.get(index);
        int rounds = hop.timing().rounds();
        long[] decode = new long[rounds];
        hop.timing().decodeTimes(arrival, decode);
        double failSoFar = 1;
        double[] eps = hop.roundFailure();
        for (int r = 0; r < rounds; r++) {
            double p = prob * failSoFar * (1 - eps[r]);
            failSoFar *= eps[r];
            if (p == 0) {
                continue;
            }
            long t = decode[r] + hop.afterNs();
            if (index + 1 < hops.size()) {
                expand(hops, index + 1, t, p, out);
            } else {
                out.add(new double[] {t, p});
            }
        }
    }
}
