package io.packetgrid.radio.reliability;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws one message's fate on a path of hops sent at a given time: each hop's rounds are decoded at the
 * times its {@link io.packetgrid.radio.nr.LinkTiming} gives for the arrival, and round r succeeds with
 * probability 1 − ε_r, independently (the radio model's round model). Used where a requirement involves
 * several messages whose outcomes are not independent (same send time) or follow each other.
 */
public final class PathSampler {
    private final long[] buf = new long[64];

    /** Latency of the whole path and of its first hop (ns); −1 where the message is lost (on the first hop: both). */
    public record Draw(long latencyNs, long firstHopNs) {
        public boolean lost() {
            return latencyNs < 0;
        }
    }

    public Draw draw(List<Hop> hops, long sentNs, UniformRandomProvider rng) {
        long t = sentNs;
        long first = -1;
        for (int h = 0; h < hops.size(); h++) {
            Hop hop = hops.get(h);
            int rounds = hop.timing().rounds();
            long[] b = rounds <= buf.length ? buf : new long[rounds];
            hop.timing().decodeTimes(t, b);
            int ok = -1;
            double[] eps = hop.roundFailure();
            for (int r = 0; r < rounds; r++) {
                if (rng.nextDouble() >= eps[r]) {
                    ok = r;
                    break;
                }
            }
            if (ok < 0) {
                return new Draw(-1, first);
            }
            if (h == 0) {
                first = b[ok] - sentNs;
            }
            t = b[ok] + hop.afterNs();
        }
        return new Draw(t - sentNs, first);
    }
}
