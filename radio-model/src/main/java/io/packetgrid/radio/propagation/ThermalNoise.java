package io.packetgrid.radio.propagation;

/**
 * Thermal noise power N = k·T₀·B·F: k = 1.380649e-23 J/K (SI 2019, exact), T₀ = 290 K (the reference
 * temperature of ITU-R P.372 and of receiver noise figures), so k·T₀ = −173.98 dBm/Hz.
 */
public final class ThermalNoise {
    public static final double BOLTZMANN = 1.380649e-23;
    public static final double T0_K = 290;
    /** 10·log10(k·T₀ / 1 mW) ≈ −173.975 dBm/Hz. */
    public static final double KT0_DBM_PER_HZ = 10 * Math.log10(BOLTZMANN * T0_K * 1e3);

    private ThermalNoise() {
    }

    /** Noise power in dBm over {@code bandwidthHz} with receiver noise figure {@code noiseFigureDb}. */
    public static double noiseDbm(double bandwidthHz, double noiseFigureDb) {
        if (!(bandwidthHz > 0)) {
            throw new IllegalArgumentException("bandwidth must be > 0 Hz, got " + bandwidthHz);
        }
        return KT0_DBM_PER_HZ + 10 * Math.log10(bandwidthHz) + noiseFigureDb;
    }
}
