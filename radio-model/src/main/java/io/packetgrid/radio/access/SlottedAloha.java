package io.packetgrid.radio.access;

/**
 * Slotted ALOHA with M orthogonal channels (or RACH preambles): N devices, each active in a slot with
 * probability p, each active device picks one of the M channels uniformly at random; a packet
 * succeeds when no other device picks the same channel in the same slot (Abramson, "The ALOHA
 * system", AFIPS 1970; Roberts, "ALOHA packet system with and without slots and capture", ACM
 * SIGCOMM CCR 5(2), 1975; columns as in ../shared/radio/README.md, {@code aloha-examples.csv}).
 *
 * <pre>
 *   p_success = (1 − p/M)^(N−1)          (each of the other N−1 devices hits the tagged channel w.p. p/M)
 *   throughput = N·p·p_success           (expected successful devices per slot, all channels)
 *   G = N·p/M,  Poisson limit per channel G·e^(−G), peak 1/e at G = 1
 * </pre>
 */
public final class SlottedAloha {
    private SlottedAloha() {
    }

    /** All columns of {@code aloha-examples.csv} after N, p, M. */
    public record Metrics(double pSuccess, double pCollision, double throughput, double throughputPerChannel,
                          double offeredLoadPerChannel, double poissonPerChannel) {
    }

    /** The metrics for N ≥ 1 devices, activity p in [0, 1], M ≥ 1 channels. */
    public static Metrics of(long devices, double p, long channels) {
        if (devices < 1) {
            throw new IllegalArgumentException("N must be ≥ 1 devices, got " + devices);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("M must be ≥ 1 channels, got " + channels);
        }
        // (1 − p/M)^(N−1) = exp((N−1)·log1p(−p/M)); the collision probability as −expm1(·) keeps its
        // relative accuracy when it is small.
        double logSuccess = devices == 1 ? 0 : (devices - 1) * Math.log1p(-p / channels);
        double success = Math.exp(logSuccess);
        double collision = -Math.expm1(logSuccess);
        double throughput = devices * p * success;
        double g = devices * p / channels;
        return new Metrics(success, collision, throughput, throughput / channels, g, g * Math.exp(-g));
    }

    /** The tagged device's success probability (1 − p/M)^(N−1). */
    public static double successProbability(long devices, double p, long channels) {
        return of(devices, p, channels).pSuccess();
    }
}
