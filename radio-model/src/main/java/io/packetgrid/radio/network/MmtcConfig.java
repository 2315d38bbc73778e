package io.packetgrid.radio.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.packetgrid.cosim.scenario.SimDuration;

/**
 * The mMTC service class: contention-based random access with the data in Msg3 (RA-based small-data
 * transmission, TS 38.300 §18), NOMA pairing of Msg3 and downlink transmissions at the aggregator.
 * Defaults after 3GPP TR 37.868 Table 6.2.2.1-1 (RACH capacity evaluation for MTC).
 *
 * @param prachPeriod          PRACH occasion periodicity (default 5 ms: prach-ConfigIndex 6 of TR 37.868)
 * @param preambles            contention preambles (default 54 of 64)
 * @param maxPreambles         preambleTransMax (default 10)
 * @param rarWindow            from a preamble until its failure is known (default 5 ms)
 * @param backoff              back-off indicator: uniform back-off in [0, backoff] (default 20 ms)
 * @param barringFactor        access-class barring pass probability (default 1 = off)
 * @param barringTime          ac-BarringTime (default 4 s, TS 36.331 ac-BarringTime's smallest value)
 * @param msg3Delay            from the PRACH occasion to the Msg3 slot (default 4 ms: RAR plus the
 *                             Msg3 scheduling offset; a modelling assumption for μ = 1)
 * @param msg3MaxTx            Msg3 transmissions (maxHARQ-Msg3Tx, default 5 per TR 37.868)
 * @param harqRtt              HARQ round trip before a retransmission, uplink and downlink (default 4 ms)
 * @param puschResourceBlocks  RBs of one Msg3/PUSCH unit (one slot) (default 4)
 * @param puschUnitsPerSlot    orthogonal PUSCH units per slot per aggregator (default 4)
 * @param pdschResourceBlocks  RBs of one PDSCH unit (one slot) (default 4)
 * @param pdschUnitsPerSlot    orthogonal PDSCH units per slot per aggregator (default 4)
 * @param noma                 always (pair whenever two users share a slot), when_needed (only when
 *                             the slot would overflow) or never (default always)
 * @param xi                   SIC residual ξ (default 0.01)
 * @param alphaFar             downlink power share of the far user (default 0.8)
 * @param dlMaxTx              downlink HARQ transmissions (default 4)
 * @param headerBytes          header bytes added to each payload (default 5, as for URLLC)
 * @param deadline             latency budget for statistics (default none)
 */
public record MmtcConfig(@JsonProperty("prach_period") SimDuration prachPeriod,
                         @JsonProperty("preambles") Integer preambles,
                         @JsonProperty("max_preambles") Integer maxPreambles,
                         @JsonProperty("rar_window") SimDuration rarWindow,
                         @JsonProperty("backoff") SimDuration backoff,
                         @JsonProperty("barring_factor") Double barringFactor,
                         @JsonProperty("barring_time") SimDuration barringTime,
                         @JsonProperty("msg3_delay") SimDuration msg3Delay,
                         @JsonProperty("msg3_max_tx") Integer msg3MaxTx,
                         @JsonProperty("harq_rtt") SimDuration harqRtt,
                         @JsonProperty("pusch_resource_blocks") Integer puschResourceBlocks,
                         @JsonProperty("pusch_units_per_slot") Integer puschUnitsPerSlot,
                         @JsonProperty("pdsch_resource_blocks") Integer pdschResourceBlocks,
                         @JsonProperty("pdsch_units_per_slot") Integer pdschUnitsPerSlot,
                         @JsonProperty("noma") Noma noma,
                         @JsonProperty("xi") Double xi,
                         @JsonProperty("alpha_far") Double alphaFar,
                         @JsonProperty("dl_max_tx") Integer dlMaxTx,
                         @JsonProperty("header_bytes") Integer headerBytes,
                         @JsonProperty("deadline") SimDuration deadline) {

    /** When the aggregator pairs users. */
    public enum Noma { ALWAYS, WHEN_NEEDED, NEVER }

    public MmtcConfig {
        prachPeriod = nonZero(prachPeriod, "5ms", "prach_period");
        preambles = RadioConfig.atLeast(preambles, 54, 1, "preambles");
        if (preambles > 64) {
            throw new IllegalArgumentException("preambles must be ≤ 64 per occasion, got " + preambles);
        }
        maxPreambles = RadioConfig.atLeast(maxPreambles, 10, 1, "max_preambles");
        rarWindow = nonZero(rarWindow, "5ms", "rar_window");
        backoff = backoff == null ? SimDuration.parse("20ms") : backoff;
        barringFactor = barringFactor == null ? 1.0 : barringFactor;
        if (!(barringFactor > 0 && barringFactor <= 1)) {
            throw new IllegalArgumentException("barring_factor must be in (0, 1], got " + barringFactor);
        }
        barringTime = barringTime == null ? SimDuration.parse("4s") : barringTime;
        msg3Delay = nonZero(msg3Delay, "4ms", "msg3_delay");
        msg3MaxTx = RadioConfig.atLeast(msg3MaxTx, 5, 1, "msg3_max_tx");
        harqRtt = nonZero(harqRtt, "4ms", "harq_rtt");
        puschResourceBlocks = RadioConfig.atLeast(puschResourceBlocks, 4, 1, "pusch_resource_blocks");
        puschUnitsPerSlot = RadioConfig.atLeast(puschUnitsPerSlot, 4, 1, "pusch_units_per_slot");
        pdschResourceBlocks = RadioConfig.atLeast(pdschResourceBlocks, 4, 1, "pdsch_resource_blocks");
        pdschUnitsPerSlot = RadioConfig.atLeast(pdschUnitsPerSlot, 4, 1, "pdsch_units_per_slot");
        noma = noma == null ? Noma.ALWAYS : noma;
        xi = RadioConfig.fraction(xi, 0.01, "xi");
        alphaFar = RadioConfig.fraction(alphaFar, 0.8, "alpha_far");
        if (!(alphaFar > 0.5 && alphaFar < 1)) {
            throw new IllegalArgumentException("alpha_far must be in (0.5, 1) so that the near user decodes the far message first, got " + alphaFar);
        }
        dlMaxTx = RadioConfig.atLeast(dlMaxTx, 4, 1, "dl_max_tx");
        headerBytes = RadioConfig.atLeast(headerBytes, 5, 0, "header_bytes");
    }

    public static MmtcConfig defaults() {
        return new MmtcConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    private static SimDuration nonZero(SimDuration d, String dflt, String name) {
        if (d == null) {
            return SimDuration.parse(dflt);
        }
        if (d.ns() == 0) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
        return d;
    }
}
