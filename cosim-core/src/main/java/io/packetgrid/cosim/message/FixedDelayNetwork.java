package io.packetgrid.cosim.message;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Delivers each message after a fixed delay, or loses it with a fixed probability drawn from the
 * network's own seeded stream (independent Bernoulli losses).
 */
public final class FixedDelayNetwork implements Network {
    private final long delayNs;
    private final double lossProbability;
    private final UniformRandomProvider random;

    public FixedDelayNetwork(long delayNs, double lossProbability, UniformRandomProvider random) {
        if (delayNs < 0) {
            throw new IllegalArgumentException("delay must be ≥ 0 ns: " + delayNs);
        }
        if (!(lossProbability >= 0 && lossProbability <= 1)) {
            throw new IllegalArgumentException("loss probability must be in [0, 1]: " + lossProbability);
        }
        this.delayNs = delayNs;
        this.lossProbability = lossProbability;
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public void submit(Message message, long nowNs, Delivery out) {
        if (lossProbability > 0 && random.nextDouble() < lossProbability) {
            out.drop(message, "loss");
        } else {
            out.deliver(message, nowNs + delayNs);
        }
    }
}
