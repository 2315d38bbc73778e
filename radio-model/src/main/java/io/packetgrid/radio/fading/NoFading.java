package io.packetgrid.radio.fading;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/** No fading (pure AWGN): g = 1 always. */
final class NoFading implements Fading {
    static final NoFading INSTANCE = new NoFading();

    private NoFading() {
    }

    @Override
    public double cdf(double x) {
        return x >= 1 ? 1 : 0;
    }

    @Override
    public double density(double x) {
        return 0;
    }

    @Override
    public DoubleSupplier sampler(UniformRandomProvider random) {
        return () -> 1.0;
    }

    @Override
    public Fading combined(int copies) {
        return this;
    }

    @Override
    public String label() {
        return "none";
    }
}
