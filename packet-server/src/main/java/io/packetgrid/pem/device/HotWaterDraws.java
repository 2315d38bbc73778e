package io.packetgrid.pem.device;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratNormalizedGaussianSampler;

/**
 * A household's hot-water draw events: times and flows, and the flow at any time.
 *
 * <p>Generator after ACC 2017 Table I: on average one event per hour with start times uniform in
 * [0, horizon − 10 min] (Table I: [0, 5.83] h of a 6 h run); duration N(700 s, 300 s) clipped to
 * [Δt, 3600 s]; flow exponential with mean 1200/(Δt·Δk) L/min, i.e. 1200 divided by the event's
 * duration in seconds (so 20 L per event on average before clipping), clipped to [1, 30] L/min.
 * The number of events is Poisson with that mean (our reading of "1 event/h").
 */
public final class HotWaterDraws {
    private final double[] startS;
    private final double[] endS;
    private final double[] flowLpm;
    /** Events before this index have all ended by the last query (time only moves forward in a run). */
    private int done;
    private double lastQueryS = Double.NEGATIVE_INFINITY;
    /**
     * No event is under way and none starts before this time (s): a query ending by then draws nothing. Most
     * queries (a tank's every control step) fall there, and answering them from this field alone keeps the
     * event arrays of thousands of tanks out of the cache.
     */
    private double quietUntilS = Double.NEGATIVE_INFINITY;

    public HotWaterDraws(double[] startS, double[] endS, double[] flowLpm) {
        if (startS.length != endS.length || startS.length != flowLpm.length) {
            throw new IllegalArgumentException("draw arrays differ in length");
        }
        this.startS = startS.clone();
        this.endS = endS.clone();
        this.flowLpm = flowLpm.clone();
    }

    public static HotWaterDraws none() {
        return new HotWaterDraws(new double[0], new double[0], new double[0]);
    }

    /** Draws per ACC 2017 Table I over {@code horizonS} with step {@code dtS}. */
    public static HotWaterDraws acc2017(UniformRandomProvider rng, double horizonS, double dtS, double eventsPerHour) {
        double lastStart = Math.max(0, horizonS - 600);
        int n = new PoissonSampler(rng, Math.max(1e-9, eventsPerHour * lastStart / 3600)).sample();
        GaussianSampler duration = new GaussianSampler(ZigguratNormalizedGaussianSampler.of(rng), 700, 300);
        double[] s = new double[n];
        double[] e = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = rng.nextDouble() * lastStart;
            double d = Math.min(3600, Math.max(dtS, duration.sample()));
            e[i] = s[i] + d;
            double meanFlow = 1200 / d;
            f[i] = Math.min(30, Math.max(1, AhrensDieterExponentialSampler.of(rng, meanFlow).sample()));
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b]));
        double[] s2 = new double[n];
        double[] e2 = new double[n];
        double[] f2 = new double[n];
        for (int i = 0; i < n; i++) {
            s2[i] = s[order[i]];
            e2[i] = e[order[i]];
            f2[i] = f[order[i]];
        }
        return new HotWaterDraws(s2, e2, f2);
    }

    /** Mean flow over [tS, tS + dtS] in L/min (events may overlap; flows add). */
    public double meanFlowLpm(double tS, double dtS) {
        if (tS < lastQueryS) {
            done = 0; // queried backwards: start over
            quietUntilS = Double.NEGATIVE_INFINITY;
        }
        lastQueryS = tS;
        if (tS + dtS <= quietUntilS && dtS > 0) {
            return 0; // no event left has started by then: what the loops below would find, without reading the events
        }
        while (done < startS.length && endS[done] <= tS) {
            done++;
        }
        double litresPerMinTimesS = 0;
        int i = done;
        for (; i < startS.length && startS[i] < tS + dtS; i++) {
            double a = Math.max(tS, startS[i]);
            double b = Math.min(tS + dtS, endS[i]);
            if (b > a) {
                litresPerMinTimesS += flowLpm[i] * (b - a);
            }
        }
        if (i == done) {
            // every event before done has ended and none from done on starts before tS + dtS (they are sorted by start)
            // (an event ending before its start would let done move on: no such shortcut past it)
            quietUntilS = done == startS.length ? Double.POSITIVE_INFINITY
                    : endS[done] >= startS[done] ? startS[done] : Double.NEGATIVE_INFINITY;
        }
        return litresPerMinTimesS / dtS;
    }

    /**
     * After the latest query (at time t0): no draw is under way and none starts before this time (s), so a
     * query over {@code [t, t + dt]} with {@code t >= t0}, {@code dt > 0} and {@code t + dt} at most this draws
     * nothing (0 L/min); −∞ when no such time is known. It is a fact about the events, not about later queries,
     * so a caller may keep it with t0 and answer such queries itself.
     */
    public double quietUntilS() {
        return quietUntilS;
    }

    public int events() {
        return startS.length;
    }

    /** Total volume drawn, litres. */
    public double totalLitres() {
        double v = 0;
        for (int i = 0; i < startS.length; i++) {
            v += flowLpm[i] * (endS[i] - startS[i]) / 60;
        }
        return v;
    }
}
