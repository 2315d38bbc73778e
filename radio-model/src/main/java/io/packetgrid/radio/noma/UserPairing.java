package io.packetgrid.radio.noma;

import java.util.ArrayList;
import java.util.List;

/**
 * Aggregator-side user grouping for two-user NOMA: rank the users by channel gain and pair the
 * strongest with the weakest, the second strongest with the second weakest, and so on, which gives
 * each pair a large gain difference (Ding, Fan, Poor, "Impact of user pairing on 5G nonorthogonal
 * multiple-access downlink transmissions", IEEE TVT 65(8):6010–6023, 2016, §IV: the NOMA gain grows
 * with the gain gap). With an odd count the median user is left alone (orthogonal access).
 */
public final class UserPairing {
    private UserPairing() {
    }

    /** A group: {@code near} is the stronger user; {@code far} is −1 for a user left alone. */
    public record Pair(int near, int far) {
        public boolean single() {
            return far < 0;
        }
    }

    /** Near–far pairs over user indices 0..gain.length−1 (ties broken by index, so deterministic). */
    public static List<Pair> nearFar(double[] gain) {
        Integer[] order = DownlinkNoma.rankByGain(gain);
        List<Pair> pairs = new ArrayList<>();
        int lo = 0;
        int hi = order.length - 1;
        while (lo < hi) {
            pairs.add(new Pair(order[hi], order[lo]));
            lo++;
            hi--;
        }
        if (lo == hi) {
            pairs.add(new Pair(order[lo], -1));
        }
        return pairs;
    }
}
