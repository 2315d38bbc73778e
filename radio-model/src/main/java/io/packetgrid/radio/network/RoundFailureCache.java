package io.packetgrid.radio.network;

import io.packetgrid.radio.fading.Fading;
import io.packetgrid.radio.reliability.UrllcLinkAnalysis;
import java.util.HashMap;
import java.util.Map;

/**
 * ε of one round by its link-budget inputs (blocklength, bits, mean SNR, fading law, log term, combined
 * repetitions), shared by the analyses of one network: variants that differ only in what does not change a
 * round's error (background load, pre-emption, deadlines) ask the fading average once.
 */
final class RoundFailureCache {
    private record Key(int n, int k, double snr, Fading fading, boolean logTerm, int reps) {
    }

    private final Map<Key, Double> values = new HashMap<>();

    synchronized double get(int n, int k, double snr, Fading fading, boolean logTerm, int reps) {
        Key key = new Key(n, k, snr, fading, logTerm, reps);
        Double v = values.get(key);
        if (v == null) {
            v = UrllcLinkAnalysis.roundFailure(reps, n, k, snr, fading, logTerm);
            values.put(key, v);
        }
        return v;
    }
}
