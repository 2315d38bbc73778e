package io.packetgrid.radio.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact distribution of the end-to-end delivery time of a packet over a path of radio hops, for a
 * packet that arrives at a uniformly random time (relative to the frame, i.e. at a uniform phase over
 * the first hop's schedule period H).
 *
 * <p><b>Why it is exact.</b> Within each interval between two consecutive breakpoints of the first
 * hop's schedule, every round's decode time is the same (the packet catches the same occasion); the
 * later hops start at those fixed times, so their decode times are fixed too. For each interval and
 * each combination of "first successful round" per hop the latency is T − a, linear in the arrival
 * phase a, with the probability Π_h Π_{j&lt;r_h} ε_{h,j}·(1 − ε_{h,r_h}). The distribution is therefore a
 * finite mixture of uniform pieces, and P[latency &gt; d] is a finite sum of positive terms — no
 * sampling, no cancellation, valid down to the smallest representable probabilities. That is what
 * deadline-miss probabilities of 1e-5 … 1e-9 need.
 */
public final class DeliveryTimeDistribution {
    private final double period;
    private final double[] lo;
    private final double[] hi;
    private final double[] total;
    private final double[] weight;
    private final double loss;

    private DeliveryTimeDistribution(double period, List<double[]> pieces, double loss) {
        this.period = period;
        int n = pieces.size();
        lo = new double[n];
        hi = new double[n];
        total = new double[n];
        weight = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = pieces.get(i);
            lo[i] = p[0];
            hi[i] = p[1];
            total[i] = p[2];
            weight[i] = p[3];
        }
        this.loss = loss;
    }

    /**
     * The distribution over {@code hops} plus a fixed {@code extraNs} before the first hop (e.g. the
     * backhaul in front of a downlink). The arrival phase at the first hop is uniform over its period.
     */
    public static DeliveryTimeDistribution of(List<Hop> hops, long extraNs) {
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least one hop");
        }
        Hop first = hops.get(0);
        long h = first.timing().hyperperiodNs();
        long[] bp = first.timing().breakpoints();
        List<double[]> pieces = new ArrayList<>();
        for (int i = 0; i + 1 < bp.length; i++) {
            if (bp[i + 1] <= bp[i]) {
                continue;
            }
            // decode times are constant for first-hop arrivals in (bp[i], bp[i+1]]: evaluate at the right end
            expand(hops, 0, bp[i + 1], 1.0, bp[i], bp[i + 1], extraNs, pieces);
        }
        // 1 − Π(1 − L_h) without cancellation: −expm1(Σ log1p(−L_h)); a certain loss gives −∞ → 1
        double logSurvive = 0;
        for (Hop hop : hops) {
            logSurvive += Math.log1p(-hop.lossProbability());
        }
        double loss = -Math.expm1(logSurvive);
        return new DeliveryTimeDistribution(h, pieces, loss);
    }

    /** One hop. */
    public static DeliveryTimeDistribution of(Hop hop) {
        return of(List.of(hop), 0);
    }

    private static void expand(List<Hop> hops, int index, long arrival, double prob, double aLo, double aHi,
                               long extraNs, List<double[]> out) {
        Hop hop = hops.get(index);
        int rounds = hop.timing().rounds();
        long[] decode = new long[rounds];
        hop.timing().decodeTimes(arrival, decode);
        double failSoFar = 1;
        for (int r = 0; r < rounds; r++) {
            double eps = hop.roundFailure()[r];
            double p = prob * failSoFar * (1 - eps);
            failSoFar *= eps;
            if (p == 0) {
                continue;
            }
            long t = decode[r] + hop.afterNs();
            if (index + 1 < hops.size()) {
                expand(hops, index + 1, t, p, aLo, aHi, extraNs, out);
            } else {
                out.add(new double[] {aLo, aHi, (double) t + extraNs, p});
            }
        }
    }

    /** P[the packet is lost on some hop (all rounds fail)]. */
    public double lossProbability() {
        return loss;
    }

    /** P[not delivered within {@code deadlineNs} of its arrival] = P[lost] + P[delivered later]. */
    public double missProbability(double deadlineNs) {
        double late = 0;
        for (int i = 0; i < lo.length; i++) {
            // latency T − a > d  ⇔  a < T − d, over a ∈ (lo, hi]
            double len = Math.min(hi[i], total[i] - deadlineNs) - lo[i];
            if (len > 0) {
                late += weight[i] * len;
            }
        }
        return loss + late / period;
    }

    /** P[delivered within {@code latencyNs}]. */
    public double cdf(double latencyNs) {
        double within = 0;
        for (int i = 0; i < lo.length; i++) {
            // T − a ≤ d  ⇔  a ≥ T − d
            double len = hi[i] - Math.max(lo[i], total[i] - latencyNs);
            if (len > 0) {
                within += weight[i] * len;
            }
        }
        return within / period;
    }

    /** The smallest latency (ns) with P[delivered within it] ≥ p, or +∞ if never reached. */
    public double quantile(double p) {
        double lo0 = Double.POSITIVE_INFINITY;
        double hi0 = 0;
        for (int i = 0; i < lo.length; i++) {
            lo0 = Math.min(lo0, total[i] - hi[i]);
            hi0 = Math.max(hi0, total[i] - lo[i]);
        }
        if (lo.length == 0 || cdf(hi0) < p) {
            return Double.POSITIVE_INFINITY;
        }
        double a = lo0;
        double b = hi0;
        for (int it = 0; it < 200 && b - a > 1e-3; it++) {
            double m = 0.5 * (a + b);
            if (cdf(m) >= p) {
                b = m;
            } else {
                a = m;
            }
        }
        return b;
    }

    /** Mean latency (ns) of delivered packets. */
    public double meanDelivered() {
        double s = 0;
        double w = 0;
        for (int i = 0; i < lo.length; i++) {
            double len = hi[i] - lo[i];
            s += weight[i] * len * (total[i] - 0.5 * (lo[i] + hi[i]));
            w += weight[i] * len;
        }
        return s / w;
    }

    /** The arrival-phase period H (ns) the distribution is averaged over. */
    public double periodNs() {
        return period;
    }
}
