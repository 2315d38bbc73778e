package io.packetgrid.radio.reliability;

import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p><b>Phases.</b> The phase a is the arrival time at the first hop modulo H (every {@link
 * io.packetgrid.radio.nr.LinkTiming} schedule is anchored at time 0), so {@link #phases()} and {@link
 * #missProbabilityAt} give the distribution conditioned on when the packet was sent, and several messages sent
 * at the same moment over paths with the same period share their phase: {@link #jointMissProbability}.
 */
public final class DeliveryTimeDistribution {
    private final double period;
    private final long extraNs;
    /** Arrival-phase intervals (intervalLo, intervalHi] and the pieces [pieceFrom, pieceTo) of each. */
    private final double[] intervalLo;
    private final double[] intervalHi;
    private final int[] pieceFrom;
    private final int[] pieceTo;
    private final double[] lo;
    private final double[] hi;
    private final double[] total;
    private final double[] weight;
    private final double loss;

    /**
     * One arrival-phase interval: for a packet arriving at the first hop at phase a ∈ (fromNs, toNs], it is
     * delivered at {@code deliveryNs[i]} (latency deliveryNs[i] − a, counted from the send time, which is a
     * minus the fixed delay before the first hop) with probability {@code probability[i]}, and lost with the
     * distribution's {@link #lossProbability()}.
     */
    public record Phase(double fromNs, double toNs, double[] deliveryNs, double[] probability) {
        public Phase {
            deliveryNs = deliveryNs.clone();
            probability = probability.clone();
        }
    }

    private DeliveryTimeDistribution(double period, long extraNs, List<double[]> intervals, List<double[]> pieces, double loss) {
        this.period = period;
        this.extraNs = extraNs;
        int m = intervals.size();
        intervalLo = new double[m];
        intervalHi = new double[m];
        pieceFrom = new int[m];
        pieceTo = new int[m];
        for (int i = 0; i < m; i++) {
            double[] iv = intervals.get(i);
            intervalLo[i] = iv[0];
            intervalHi[i] = iv[1];
            pieceFrom[i] = (int) iv[2];
            pieceTo[i] = (int) iv[3];
        }
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
        List<double[]> intervals = new ArrayList<>();
        for (int i = 0; i + 1 < bp.length; i++) {
            if (bp[i + 1] <= bp[i]) {
                continue;
            }
            // decode times are constant for first-hop arrivals in (bp[i], bp[i+1]]: evaluate at the right end
            int from = pieces.size();
            expand(hops, 0, bp[i + 1], 1.0, bp[i], bp[i + 1], extraNs, pieces);
            intervals.add(new double[] {bp[i], bp[i + 1], from, pieces.size()});
        }
        // 1 − Π(1 − L_h) without cancellation: −expm1(Σ log1p(−L_h)); a certain loss gives −∞ → 1
        double logSurvive = 0;
        for (Hop hop : hops) {
            logSurvive += Math.log1p(-hop.lossProbability());
        }
        double loss = -Math.expm1(logSurvive);
        return new DeliveryTimeDistribution(h, extraNs, intervals, pieces, loss);
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
        return Math.min(1, loss + late / period); // rounding can put a certain miss a few ulp above 1
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
        return Math.min(1, within / period);
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

    /** The fixed delay (ns) before the first hop (the backhaul in front of a downlink; 0 from a device). */
    public long extraNs() {
        return extraNs;
    }

    /** The distribution phase by phase: intervals of the first hop's arrival phase, in order, covering (0, H]. */
    public List<Phase> phases() {
        List<Phase> out = new ArrayList<>(intervalLo.length);
        for (int i = 0; i < intervalLo.length; i++) {
            int a = pieceFrom[i];
            int b = pieceTo[i];
            out.add(new Phase(intervalLo[i], intervalHi[i], Arrays.copyOfRange(total, a, b), Arrays.copyOfRange(weight, a, b)));
        }
        return out;
    }

    /**
     * P[not delivered within {@code deadlineNs} of being sent | the packet reaches the first hop at phase
     * {@code phaseNs}] (taken modulo H; the intervals are (lo, hi], so a phase at a breakpoint belongs to the
     * interval that ends there).
     */
    public double missProbabilityAt(double phaseNs, double deadlineNs) {
        double a = phaseNs - Math.floor(phaseNs / period) * period;
        if (a <= intervalLo[0]) {
            a += period;
        }
        int i = interval(a);
        double late = loss;
        for (int p = pieceFrom[i]; p < pieceTo[i]; p++) {
            if (total[p] - a > deadlineNs) {
                late += weight[p];
            }
        }
        return Math.min(1, late);
    }

    /** The interval (lo, hi] holding a ∈ (intervalLo[0], H]. */
    private int interval(double a) {
        int l = 0;
        int h = intervalLo.length - 1;
        while (l < h) {
            int m = (l + h + 1) >>> 1;
            if (intervalLo[m] < a) {
                l = m;
            } else {
                h = m - 1;
            }
        }
        return l;
    }

    /**
     * P[at least one of several messages misses its deadline] when they are sent at the same moment (their
     * first hops see the same arrival phase), each over its own path: messages from one sender to several
     * receivers (a transfer trip to every PV inverter of a feeder). Given the phase a the messages' fates are
     * independent (each round of each message sees its own fading and decoding), but they are not independent
     * overall: they share a. With q_j(a) the conditional miss probability of message j,
     * <pre>  P = (1/H) ∫ (1 − Π_j (1 − q_j(a))) da</pre>
     * integrated exactly: on the common refinement of the distributions' phase intervals and of the points
     * a = T − d_j where a delivery time crosses a deadline, every q_j is constant. 1 − Π(1 − q) is computed as
     * −expm1(Σ log1p(−q)), so that probabilities of 10⁻⁹ and below keep their digits. A lost message misses any
     * deadline.
     *
     * @param distributions one per message; the same period and the same delay before the first hop
     * @param deadlinesNs   deadline of each message from its send time (ns)
     */
    public static double jointMissProbability(List<DeliveryTimeDistribution> distributions, double[] deadlinesNs) {
        int m = distributions.size();
        if (m == 0 || deadlinesNs.length != m) {
            throw new IllegalArgumentException("need one deadline per message and at least one message");
        }
        DeliveryTimeDistribution first = distributions.get(0);
        double[] cutsAll = new double[0];
        int cuts = 0;
        double[] bps = new double[0];
        int nb = 0;
        for (DeliveryTimeDistribution d : distributions) {
            if (d.period != first.period || d.extraNs != first.extraNs) {
                throw new IllegalArgumentException("messages sent together need paths with the same period and the same delay"
                        + " before their first hop: " + d.period + "/" + d.extraNs + " vs " + first.period + "/" + first.extraNs);
            }
            if (bps.length < nb + d.intervalLo.length + 1) {
                bps = Arrays.copyOf(bps, 2 * (nb + d.intervalLo.length + 1));
            }
            for (double x : d.intervalLo) {
                bps[nb++] = x;
            }
            bps[nb++] = d.intervalHi[d.intervalHi.length - 1];
        }
        Arrays.sort(bps, 0, nb);
        int[] at = new int[m];
        double[] q = new double[m];
        double late = 0;
        for (int b = 0; b + 1 < nb; b++) {
            double a0 = bps[b];
            double a1 = bps[b + 1];
            if (!(a1 > a0)) {
                continue;
            }
            cuts = 0;
            for (int j = 0; j < m; j++) {
                DeliveryTimeDistribution d = distributions.get(j);
                while (at[j] + 1 < d.intervalLo.length && d.intervalHi[at[j]] <= a0) {
                    at[j]++;
                }
                int i = at[j];
                for (int p = d.pieceFrom[i]; p < d.pieceTo[i]; p++) {
                    double c = d.total[p] - deadlinesNs[j];
                    if (c > a0 && c < a1) {
                        if (cuts == cutsAll.length) {
                            cutsAll = Arrays.copyOf(cutsAll, Math.max(16, 2 * cuts));
                        }
                        cutsAll[cuts++] = c;
                    }
                }
            }
            Arrays.sort(cutsAll, 0, cuts);
            double prev = a0;
            for (int c = 0; c <= cuts; c++) {
                double next = c < cuts ? cutsAll[c] : a1;
                double len = next - prev;
                if (len > 0) {
                    double x = 0.5 * (prev + next);
                    double logAll = 0;
                    for (int j = 0; j < m; j++) {
                        DeliveryTimeDistribution d = distributions.get(j);
                        int i = at[j];
                        q[j] = d.loss;
                        for (int p = d.pieceFrom[i]; p < d.pieceTo[i]; p++) {
                            if (x < d.total[p] - deadlinesNs[j]) { // latency T − x > deadline
                                q[j] += d.weight[p];
                            }
                        }
                        logAll += Math.log1p(-Math.min(1.0, q[j]));
                    }
                    late += len * -Math.expm1(logAll);
                }
                prev = next;
            }
        }
        return Math.min(1.0, late / first.period);
    }
}
