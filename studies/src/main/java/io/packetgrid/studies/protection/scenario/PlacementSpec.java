package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the feeder's devices are on the radio map, and how that varies between samples (YAML
 * {@code placement:}). Devices sit at their buses' coordinates relative to the origin bus, shifted by
 * {@code (x_m, y_m)}; each sample moves the whole feeder by a uniform point in a disc of radius
 * {@code feeder_jitter_m} and each device by its own uniform point in a disc of {@code device_jitter_m}.
 * Shadowing and line of sight are drawn by the radio model for every sample.
 */
public record PlacementSpec(@JsonProperty("x_m") Double xM,
                            @JsonProperty("y_m") Double yM,
                            @JsonProperty("feeder_jitter_m") Double feederJitterM,
                            @JsonProperty("device_jitter_m") Double deviceJitterM) {

    public PlacementSpec {
        xM = xM == null ? 0.0 : xM;
        yM = yM == null ? 0.0 : yM;
        feederJitterM = feederJitterM == null ? 0.0 : feederJitterM;
        deviceJitterM = deviceJitterM == null ? 0.0 : deviceJitterM;
        if (!(feederJitterM >= 0) || !(deviceJitterM >= 0) || feederJitterM.isInfinite() || deviceJitterM.isInfinite()) {
            throw new IllegalArgumentException("jitter radii must be ≥ 0 m");
        }
    }

    public static PlacementSpec defaults() {
        return new PlacementSpec(null, null, null, null);
    }
}
