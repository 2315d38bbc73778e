package io.packetgrid.grid.federate;

import java.util.List;

/**
 * Settings of a {@link GridFederate}.
 *
 * @param name         federate name (unique in the federation)
 * @param periodNs     time between power-flow solutions (e.g. one minute)
 * @param loads        load bindings
 * @param summaryPrefix prefix of the feeder summary values ({@code <prefix>/v_min_pu}, {@code v_max_pu},
 *                     {@code transformer_loading_pct}, {@code losses_kw}, {@code violations})
 * @param followShapes true: loads follow their yearly shapes at simulated time and inputs are added on
 *                     top; false: inputs replace the load power (loads without an input keep their base power)
 */
public record GridFederateConfig(String name, long periodNs, List<LoadBinding> loads, String summaryPrefix, boolean followShapes) {

    public GridFederateConfig {
        if (periodNs <= 0) {
            throw new IllegalArgumentException("period must be > 0");
        }
        loads = List.copyOf(loads);
    }
}
