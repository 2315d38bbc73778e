package io.packetgrid.radio.propagation;

/**
 * 3GPP TR 36.942 §4.5.2 macro-cell propagation model (urban/suburban, Hata-derived), used for MTC
 * coverage: L = 40·(1 − 4·10⁻³·Dhb)·log10(R) − 18·log10(Dhb) + 21·log10(f) + 80 dB, with R the
 * distance in km, f the carrier in MHz and Dhb the base-station antenna height above the average
 * rooftop in m (15 m in the TR). No LOS state (every link is NLOS, Rayleigh). Shadowing: σ = 10 dB
 * (TR 36.942 §4.5); decorrelation distance 50 m, the macro value of 3GPP system-level evaluations
 * with Gudmundson's exponential correlation (Gudmundson, "Correlation model for shadow fading in
 * mobile radio systems", Electronics Letters 27(23):2145–2146, 1991; TR 36.814 Annex A.2.1.1).
 * Distances below 35 m (the TR's minimum coupling distance for macro cells) are clamped.
 */
public final class Tr36942Macro implements PathLossModel {
    private final double fMhz;
    private final double rooftopHeightM;

    public Tr36942Macro(double carrierGhz, double bsAboveRooftopM) {
        if (!(carrierGhz > 0) || !(bsAboveRooftopM > 0)) {
            throw new IllegalArgumentException("carrier and antenna height above rooftop must be > 0");
        }
        this.fMhz = carrierGhz * 1000;
        this.rooftopHeightM = bsAboveRooftopM;
    }

    @Override
    public double pathLossDb(double d2dM, double hBsM, double hUtM, boolean los) {
        double rKm = Math.max(35, d2dM) / 1000;
        double dhb = rooftopHeightM;
        return 40 * (1 - 4e-3 * dhb) * Math.log10(rKm) - 18 * Math.log10(dhb) + 21 * Math.log10(fMhz) + 80;
    }

    @Override
    public double losProbability(double d2dM, double hUtM) {
        return 0;
    }

    @Override
    public double shadowingSigmaDb(boolean los) {
        return 10;
    }

    @Override
    public double correlationDistanceM(boolean los) {
        return 50;
    }

    @Override
    public double kFactorDb(boolean los) {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public String label() {
        return "36.942-macro";
    }
}
