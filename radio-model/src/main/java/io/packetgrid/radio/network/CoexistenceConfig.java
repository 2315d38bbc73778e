package io.packetgrid.radio.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How URLLC uplink transmissions share the aggregators' uplink with mMTC and background traffic (YAML
 * {@code radio.coexistence}; docs/radio-model.md, "URLLC and mMTC on one uplink").
 *
 * <ul>
 *   <li>{@code dedicated} (default): URLLC has resources of its own (a configured grant nobody else is
 *       scheduled on); nothing it does depends on other traffic.</li>
 *   <li>{@code shared}: URLLC configured-grant repetitions hop over the aggregator's
 *       {@code mmtc.pusch_units_per_slot} uplink units, which scheduled mMTC Msg3 and background traffic
 *       ({@code background.pusch_utilization}) also occupy. Without pre-emption a repetition on a busy unit is
 *       lost, and so is the mMTC transmission it collides with (the erasure model of shared grant-free
 *       resources, e.g. Jacobsen, Abreu, Berardinelli, Pedersen, Mogensen, Kovács, Madsen, "System level analysis
 *       of uplink grant-free transmission for URLLC", IEEE Globecom Workshops 2017). With
 *       {@code uplink_preemption} the aggregator cancels the other transmission instead — the uplink
 *       cancellation indication of Release 16 (TS 38.213 §11.2A: a UE told by DCI format 2_4, TS 38.212
 *       §7.3.1.3.5, that its PUSCH overlaps the indicated PRBs and symbols cancels it from the first
 *       overlapping symbol) — so URLLC is untouched and the mMTC Msg3 it overlaps is lost (retransmitted by
 *       HARQ). The cancellation indication has to reach the mMTC
 *       device before the overlap; for grant-free URLLC the aggregator cannot know in advance which occasions
 *       will be used, so pre-emption is the best case of what cancellation can do (grant-based URLLC,
 *       or cancellation over every configured occasion). The downlink is never affected: the aggregator
 *       schedules its own downlink and pre-empts mMTC there (interrupted transmission indication, DCI format
 *       2_1, TS 38.213 §11.2; TS 38.212 §7.3.1.3.2).</li>
 * </ul>
 *
 * @param urllcUplink      dedicated (default) or shared
 * @param uplinkPreemption shared only: Release-16 uplink cancellation protects URLLC (default false)
 * @param mmtcShare        for the analysis only ({@link UrllcAnalysis}): the share of uplink units this network's
 *                         own mMTC traffic is assumed to occupy, added to {@code background.pusch_utilization}
 *                         (default 0; a run measures it: {@link RadioNetwork#mmtcUplinkShare(String)}). The
 *                         simulation uses the traffic itself.
 */
public record CoexistenceConfig(@JsonProperty("urllc_uplink") UplinkResources urllcUplink,
                                @JsonProperty("uplink_preemption") Boolean uplinkPreemption,
                                @JsonProperty("mmtc_share") Double mmtcShare) {

    /** Whether URLLC has uplink resources of its own. */
    public enum UplinkResources { DEDICATED, SHARED }

    public CoexistenceConfig {
        urllcUplink = urllcUplink == null ? UplinkResources.DEDICATED : urllcUplink;
        uplinkPreemption = uplinkPreemption != null && uplinkPreemption;
        mmtcShare = RadioConfig.fraction(mmtcShare, 0, "mmtc_share");
    }

    public static CoexistenceConfig defaults() {
        return new CoexistenceConfig(null, null, null);
    }

    /** Shared uplink resources. */
    public boolean shared() {
        return urllcUplink == UplinkResources.SHARED;
    }

    /** Shared and not pre-empting: URLLC repetitions can be erased. */
    public boolean erasures() {
        return shared() && !uplinkPreemption;
    }
}
