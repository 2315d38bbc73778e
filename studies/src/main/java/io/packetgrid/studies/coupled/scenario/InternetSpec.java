package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;

/**
 * The Energy-Internet server of variants with {@code control: energy_internet} (YAML
 * {@code energy_internet:}; packet-server's {@code EnergyInternetServer}, docs/energy-internet.md), one per
 * feeder.
 *
 * @param slot                      the plan's slot (15 min: the Nordic markets' settlement period)
 * @param horizon                   how far each plan looks ahead
 * @param replan                    intraday re-planning cadence
 * @param importLimitKwPerHousehold the feeder's import limit (the server keeps the transformer's draw under
 *                                  it: scheduler's import tier, and the packets' target), per household
 * @param forecast                  the error of the server's forecast of the feeder's net local supply
 *                                  (renewable minus base load): RMSE at long lead, kW per feeder, and its
 *                                  correlation time (packet-server {@code ForecastErrorModel}); sweepable
 * @param retry                     a device whose request was rejected, or not answered, asks again after this
 */
public record InternetSpec(@JsonProperty("slot") SimDuration slot,
                           @JsonProperty("horizon") SimDuration horizon,
                           @JsonProperty("replan") SimDuration replan,
                           @JsonProperty("import_limit_kw_per_household") Double importLimitKwPerHousehold,
                           @JsonProperty("forecast") ForecastSpec forecast,
                           @JsonProperty("retry") SimDuration retry) {

    public InternetSpec {
        slot = slot == null ? SimDuration.parse("15m") : slot;
        horizon = horizon == null ? SimDuration.parse("24h") : horizon;
        replan = replan == null ? SimDuration.parse("1h") : replan;
        importLimitKwPerHousehold = importLimitKwPerHousehold == null ? 4.0 : importLimitKwPerHousehold;
        forecast = forecast == null ? new ForecastSpec(null, null) : forecast;
        retry = retry == null ? SimDuration.parse("5m") : retry;
        if (slot.ns() <= 0 || replan.ns() <= 0 || retry.ns() <= 0) {
            throw new IllegalArgumentException("slot, replan and retry must be > 0");
        }
        if (horizon.ns() < slot.ns()) {
            throw new IllegalArgumentException("horizon must be at least one slot");
        }
        if (!(importLimitKwPerHousehold >= 0) || Double.isInfinite(importLimitKwPerHousehold)) {
            throw new IllegalArgumentException("import_limit_kw_per_household must be a number ≥ 0");
        }
    }

    public static InternetSpec defaults() {
        return new InternetSpec(null, null, null, null, null, null);
    }

    /** Slots in a plan. */
    public int horizonSlots() {
        return (int) Math.max(1, horizon.ns() / slot.ns());
    }

    /** The forecast's error model (packet-server {@code ForecastErrorModel}). */
    public record ForecastSpec(@JsonProperty("rmse_kw") Double rmseKw, @JsonProperty("correlation") SimDuration correlation) {
        public ForecastSpec {
            rmseKw = rmseKw == null ? 5.0 : rmseKw;
            correlation = correlation == null ? SimDuration.parse("2h") : correlation;
            if (!(rmseKw >= 0) || Double.isInfinite(rmseKw)) {
                throw new IllegalArgumentException("rmse_kw must be a number ≥ 0");
            }
            if (correlation.ns() <= 0) {
                throw new IllegalArgumentException("correlation must be > 0");
            }
        }
    }
}
