package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;

/**
 * What carries the device ↔ server messages (YAML {@code network:}).
 *
 * @param model {@code radio} (the 5G model configured under {@code radio:}), {@code ideal} (delivered
 *              at once, never lost) or {@code fixed} (a fixed delay and independent losses)
 * @param delay fixed only: one-way delay
 * @param loss  fixed only: loss probability per message
 */
public record NetworkSpec(@JsonProperty("model") Model model,
                          @JsonProperty("delay") SimDuration delay,
                          @JsonProperty("loss") Double loss) {

    /** Network models. */
    public enum Model { RADIO, IDEAL, FIXED }

    public NetworkSpec {
        model = model == null ? Model.RADIO : model;
        delay = delay == null ? SimDuration.ofNs(0) : delay;
        loss = loss == null ? 0.0 : loss;
        if (!(loss >= 0 && loss <= 1)) {
            throw new IllegalArgumentException("loss must be in [0, 1], got " + loss);
        }
        if (model != Model.FIXED && (delay.ns() != 0 || loss != 0)) {
            throw new IllegalArgumentException("delay and loss apply to model: fixed only");
        }
    }

    public static NetworkSpec radio() {
        return new NetworkSpec(Model.RADIO, null, null);
    }

    public static NetworkSpec ideal() {
        return new NetworkSpec(Model.IDEAL, null, null);
    }
}
