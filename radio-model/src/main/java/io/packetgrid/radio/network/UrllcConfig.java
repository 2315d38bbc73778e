package io.packetgrid.radio.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;

/**
 * The URLLC service class: dedicated (contention-free) resources, mini-slots, repetitions and HARQ.
 *
 * @param uplink             grant_free (configured grant type 1, TS 38.321 §5.8.2) or grant_based (SR → grant)
 * @param symbols            transmission length L: 2, 4, 7 (mini-slots) or 14 (default 2)
 * @param occasionEvery      an occasion every this many mini-slot positions (default 1: back-to-back)
 * @param resourceBlocks     RBs per transmission, uplink and downlink (default 20)
 * @param repetitions        K blind repetitions per round, chase-combined (default 1)
 * @param harqRounds         HARQ rounds, first transmission included (default 2)
 * @param capability         UE processing capability 1 or 2 (TS 38.214 §5.3, §6.4) (default 2)
 * @param gnbProcessingSymbols base-station decoding/preparation time in symbols (default: equal to the
 *                           UE's N1 of the same capability; a modelling assumption, 3GPP does not
 *                           specify base-station processing)
 * @param srPeriodSymbols    grant_based only: SR periodicity in symbols (default 2, TS 38.213 §9.2.4)
 * @param headerBytes        PDCP + RLC + MAC header bytes added to each payload (default 5: 2-byte
 *                           PDCP header with 12-bit SN, TS 38.323 §6.2.2; 1-byte RLC UM header, TS
 *                           38.322 §6.2.2.3; 2-byte MAC subheader, TS 38.321 §6.1.2)
 * @param deadline           latency budget for statistics (default none); see {@code dropLate}
 * @param dropLate           drop messages that cannot make the deadline instead of delivering late
 */
public record UrllcConfig(@JsonProperty("uplink") Uplink uplink,
                          @JsonProperty("symbols") Integer symbols,
                          @JsonProperty("occasion_every") Integer occasionEvery,
                          @JsonProperty("resource_blocks") Integer resourceBlocks,
                          @JsonProperty("repetitions") Integer repetitions,
                          @JsonProperty("harq_rounds") Integer harqRounds,
                          @JsonProperty("capability") Integer capability,
                          @JsonProperty("gnb_processing_symbols") Double gnbProcessingSymbols,
                          @JsonProperty("sr_period_symbols") Integer srPeriodSymbols,
                          @JsonProperty("header_bytes") Integer headerBytes,
                          @JsonProperty("deadline") SimDuration deadline,
                          @JsonProperty("drop_late") Boolean dropLate) {

    /** Uplink access schemes for URLLC. */
    public enum Uplink { GRANT_FREE, GRANT_BASED }

    public UrllcConfig {
        uplink = uplink == null ? Uplink.GRANT_FREE : uplink;
        symbols = RadioConfig.atLeast(symbols, 2, 1, "symbols");
        if (symbols > 14) {
            throw new IllegalArgumentException("symbols must be 1..14, got " + symbols);
        }
        occasionEvery = RadioConfig.atLeast(occasionEvery, 1, 1, "occasion_every");
        resourceBlocks = RadioConfig.atLeast(resourceBlocks, 20, 1, "resource_blocks");
        repetitions = RadioConfig.atLeast(repetitions, 1, 1, "repetitions");
        harqRounds = RadioConfig.atLeast(harqRounds, 2, 1, "harq_rounds");
        capability = capability == null ? 2 : capability;
        if (capability != 1 && capability != 2) {
            throw new IllegalArgumentException("capability must be 1 or 2, got " + capability);
        }
        if (gnbProcessingSymbols != null && !(gnbProcessingSymbols >= 0)) {
            throw new IllegalArgumentException("gnb_processing_symbols must be ≥ 0, got " + gnbProcessingSymbols);
        }
        srPeriodSymbols = RadioConfig.atLeast(srPeriodSymbols, 2, 1, "sr_period_symbols");
        headerBytes = RadioConfig.atLeast(headerBytes, 5, 0, "header_bytes");
        dropLate = dropLate != null && dropLate;
    }

    public static UrllcConfig defaults() {
        return new UrllcConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
