package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;

/**
 * The PEM fleet whose mMTC traffic shares the cells with the trip messages (YAML
 * {@code coexistence.fleet:}): water heaters under packetized energy management at the feeder's homes,
 * simulated with their server over the variant's radio for {@code measure_for}; the uplink units their
 * messages took (Msg3 transmissions, retransmissions included) give the fleet's busy share.
 *
 * @param perHome    water heaters per home (default 1)
 * @param mttr       PEM mean time to request (default 5 min, ACC 2017 Table I)
 * @param packet     energy packet length (default 5 min, ACC 2017)
 * @param step       device control step (default 10 s, ACC 2017 Table I)
 * @param measureFor simulated time over which the load is measured (default 10 min)
 */
public record FleetSpec(@JsonProperty("per_home") Integer perHome,
                        @JsonProperty("mttr") SimDuration mttr,
                        @JsonProperty("packet") SimDuration packet,
                        @JsonProperty("step") SimDuration step,
                        @JsonProperty("measure_for") SimDuration measureFor) {

    public FleetSpec {
        perHome = perHome == null ? 1 : perHome;
        if (perHome < 0 || perHome > 100) {
            throw new IllegalArgumentException("per_home must be in [0, 100], got " + perHome);
        }
        mttr = mttr == null ? SimDuration.parse("5m") : mttr;
        packet = packet == null ? SimDuration.parse("5m") : packet;
        step = step == null ? SimDuration.parse("10s") : step;
        measureFor = measureFor == null ? SimDuration.parse("10m") : measureFor;
        if (mttr.ns() <= 0 || packet.ns() <= 0 || step.ns() <= 0 || measureFor.ns() <= 0) {
            throw new IllegalArgumentException("mttr, packet, step and measure_for must be > 0");
        }
    }
}
