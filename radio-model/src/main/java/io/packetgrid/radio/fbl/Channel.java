package io.packetgrid.radio.fbl;

import java.util.Locale;

/**
 * The AWGN channel with Gaussian codebooks, real or complex, and its capacity C and dispersion V
 * in bits (Polyanskiy, Poor, Verdú, "Channel coding rate in the finite blocklength regime", IEEE
 * Trans. IT 56(5):2307–2359, 2010 [PPV10], §IV.B, Theorem 54 for the real AWGN channel; the complex
 * channel is two real channels at the same SNR, so C and V double per complex use; the table of
 * ../shared/radio/README.md, "Capacity and dispersion", lists both).
 *
 * <ul>
 *   <li>real, SNR P: C = ½·log2(1+P), V = P(P+2) / (2(P+1)²)·(log2 e)²</li>
 *   <li>complex, SNR ρ: C = log2(1+ρ), V = ρ(ρ+2) / (ρ+1)²·(log2 e)²</li>
 * </ul>
 * V is computed in the product form, which has no cancellation at small SNR (unlike 1 − (1+ρ)⁻²).
 */
public enum Channel {
    /** n counts real dimensions. */
    REAL(0.5),
    /** n counts complex symbols (resource elements). */
    COMPLEX(1.0);

    static final double LOG2E = 1 / Math.log(2);
    static final double LOG2E_SQ = LOG2E * LOG2E;

    /** Bits per channel use relative to the complex channel: ½ for real, 1 for complex. */
    final double scale;

    Channel(double scale) {
        this.scale = scale;
    }

    /** {@code real} or {@code complex} (case-insensitive); anything else is an IllegalArgumentException. */
    public static Channel parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "real":
                return REAL;
            case "complex":
                return COMPLEX;
            default:
                throw new IllegalArgumentException("unknown channel '" + text + "' (expected real or complex)");
        }
    }

    /** Capacity in bits per channel use at linear SNR {@code snr} ≥ 0. */
    public double capacity(double snr) {
        return scale * LOG2E * ln1p(snr);
    }

    /** Dispersion in bits² per channel use at linear SNR {@code snr} ≥ 0. */
    public double dispersion(double snr) {
        double s1 = 1 + snr;
        return scale * snr * (snr + 2) / (s1 * s1) * LOG2E_SQ;
    }

    /** dC/dSNR. */
    public double capacityDerivative(double snr) {
        return scale * LOG2E / (1 + snr);
    }

    /** dV/dSNR = scale·2(log2 e)²/(1+SNR)³. */
    public double dispersionDerivative(double snr) {
        double s1 = 1 + snr;
        return scale * 2 * LOG2E_SQ / (s1 * s1 * s1);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * ln(1+x): Math.log(1+x) where the rounding of 1+x is harmless (x ≥ 1e-2: relative error below
     * 2e-14), else log1p. Math.log is an intrinsic and several times faster than log1p.
     */
    static double ln1p(double x) {
        return x >= 1e-2 ? Math.log(1 + x) : Math.log1p(x);
    }
}
