package io.packetgrid.pem.forecast;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Forecasts made from the truth with an error that grows with lead time: along the lead axis the
 * error is a first-order autoregressive process that starts at zero, {@code e_0 = 0},
 * {@code e_k = φ·e_(k−1) + σ_w·w_k}, w ~ N(0, 1), {@code φ = exp(−Δ/τ)}, so its RMSE at lead k is
 * {@code σ(k) = σ_∞·√(1 − φ^(2k))} with {@code σ_∞ = σ_w/√(1 − φ²)}: near zero for the next step, rising
 * to σ_∞ over a few correlation times τ (the AR(1) error model of forecast-error simulations, e.g.
 * Bludszuweit, Domínguez-Navarro &amp; Llombart, IEEE TPWRS 23(3), 2008, for wind; an error
 * correlated in time, unlike white noise, so that a bad forecast stays bad for hours as weather
 * forecasts do). {@code rmseKw} = σ_∞ makes forecast quality a sweepable parameter; σ_∞ = 0 gives
 * perfect forecasts. Forecasts of a non-negative quantity (PV) are clipped at 0 and at {@code maxKw}.
 */
public record ForecastErrorModel(double rmseKw, double correlationS) {

    public ForecastErrorModel {
        if (!(rmseKw >= 0) || !(correlationS > 0)) {
            throw new IllegalArgumentException("forecast error: need rmse ≥ 0 and a correlation time > 0");
        }
    }

    /** No error. */
    public static ForecastErrorModel perfect() {
        return new ForecastErrorModel(0, 3600);
    }

    /** φ for a lead step of {@code stepS}. */
    public double phi(double stepS) {
        return Math.exp(-stepS / correlationS);
    }

    /** The error RMSE at lead {@code k} steps of {@code stepS}: σ_∞·√(1 − φ^(2k)). */
    public double rmseAtLead(int k, double stepS) {
        return rmseKw * Math.sqrt(1 - Math.pow(phi(stepS), 2.0 * k));
    }

    /**
     * A forecast of {@code truth[from..]} issued at step {@code from}: entry i is the forecast for step
     * {@code from + i} (lead i), clipped to [lo, hi].
     */
    public double[] forecast(double[] truth, int from, double stepS, double lo, double hi, UniformRandomProvider rng) {
        int n = truth.length - from;
        double[] f = new double[Math.max(0, n)];
        double phi = phi(stepS);
        double sw = rmseKw * Math.sqrt(1 - phi * phi);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double e = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                e = phi * e + sw * g.sample();
            }
            f[i] = Math.max(lo, Math.min(hi, truth[from + i] + e));
        }
        return f;
    }
}
