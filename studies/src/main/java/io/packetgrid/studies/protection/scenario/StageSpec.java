package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;
import io.packetgrid.grid.protection.OvercurrentElement;
import io.packetgrid.grid.protection.TimeCurve;

/**
 * One overcurrent stage of a relay.
 *
 * @param curve     {@code si, vi, ei, lti} (IEC 60255-151 inverse curves) or {@code dt} (definite time)
 * @param pickupA   setting Is, primary amperes
 * @param tms       time multiplier (inverse curves)
 * @param delay     definite-time delay (dt), or a fixed delay added to an inverse curve (default 0)
 * @param blockable the stage is held while a blocking signal is received (blocking schemes)
 */
public record StageSpec(@JsonProperty(value = "curve", required = true) String curve,
                        @JsonProperty(value = "pickup_a", required = true) Double pickupA,
                        @JsonProperty("tms") Double tms,
                        @JsonProperty("delay") SimDuration delay,
                        @JsonProperty("blockable") Boolean blockable) {

    public StageSpec {
        if (TimeCurve.byLabel(curve) == null) {
            throw new IllegalArgumentException("curve must be si, vi, ei, lti or dt, got '" + curve + "'");
        }
        delay = delay == null ? SimDuration.ofNs(0) : delay;
        blockable = blockable != null && blockable;
        element(curve, pickupA, tms, delay);
    }

    private static OvercurrentElement element(String curve, Double pickupA, Double tms, SimDuration delay) {
        TimeCurve c = TimeCurve.byLabel(curve);
        return new OvercurrentElement(c, pickupA == null ? Double.NaN : pickupA, tms == null ? (c.inverse() ? Double.NaN : 0) : tms,
                delay.seconds(), 20);
    }

    /** The grid-model stage (settings checked there). */
    public OvercurrentElement toElement() {
        return element(curve, pickupA, tms, delay);
    }
}
