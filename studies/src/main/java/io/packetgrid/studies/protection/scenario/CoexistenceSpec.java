package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How URLLC trip messages share the uplink with mMTC traffic at the same aggregators (YAML
 * {@code coexistence:}). Configured-grant URLLC repetitions hop over resources that scheduled mMTC
 * PUSCH (the PEM fleet and the radio section's background) may also occupy. With uplink pre-emption
 * (the uplink cancellation indication of 3GPP Release 16, TS 38.213 §11.2A) the mMTC transmission is
 * cancelled and URLLC is untouched; without it a repetition that lands on a busy unit is lost (both
 * collide, the usual erasure model of shared grant-free resources, e.g. Jacobsen et al., "System level
 * analysis of uplink grant-free transmission for URLLC", IEEE Globecom Workshops 2017). Repetitions hop
 * independently (frequency hopping, TS 38.214 §6.3.1), so each is lost with probability u, the busy share
 * of the aggregator's uplink units. The downlink is never erased: the base station pre-empts its own
 * downlink (DL pre-emption indication, TS 38.213 §11.2).
 *
 * @param uplinkPreemption        Release-16 uplink cancellation (default false)
 * @param fleetMessagesPerS       mMTC uplink transmissions per second per aggregator from the PEM fleet
 *                                (each takes one PUSCH unit for one slot); added to
 *                                {@code radio.background.pusch_utilization} (default 0) ...
 * @param fleet                   ... or the PEM fleet itself, simulated over the variant's radio to measure it
 */
public record CoexistenceSpec(@JsonProperty("uplink_preemption") Boolean uplinkPreemption,
                              @JsonProperty("fleet_messages_per_s") Double fleetMessagesPerS,
                              @JsonProperty("fleet") FleetSpec fleet) {

    public CoexistenceSpec {
        uplinkPreemption = uplinkPreemption != null && uplinkPreemption;
        fleetMessagesPerS = fleetMessagesPerS == null ? 0.0 : fleetMessagesPerS;
        if (!(fleetMessagesPerS >= 0) || fleetMessagesPerS.isInfinite()) {
            throw new IllegalArgumentException("fleet_messages_per_s must be ≥ 0");
        }
        if (fleet != null && fleetMessagesPerS > 0) {
            throw new IllegalArgumentException("give fleet_messages_per_s or fleet, not both");
        }
    }

    public static CoexistenceSpec defaults() {
        return new CoexistenceSpec(null, null, null);
    }
}
