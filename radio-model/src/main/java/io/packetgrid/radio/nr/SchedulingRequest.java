package io.packetgrid.radio.nr;

/**
 * Grant-based uplink access: the device waits for its next scheduling-request (SR) occasion on PUCCH
 * (TS 38.213 §9.2.4: SR periodicity from 2 symbols up to 640 slots, configured per device), sends
 * the SR, and may transmit once the base station has processed it, sent the uplink grant (DCI 0_x on
 * PDCCH) and the device has prepared the PUSCH (T_proc,2, TS 38.214 §6.4).
 *
 * @param periodSymbols SR occasions start at every multiple of this many symbols (≥ 1)
 * @param symbols       SR duration on PUCCH (1–2 symbols for format 0)
 * @param grantNs       from the end of the SR to the earliest PUSCH start: base-station processing
 *                      + PDCCH + the device's PUSCH preparation
 */
public record SchedulingRequest(int periodSymbols, int symbols, long grantNs) {
    public SchedulingRequest {
        if (periodSymbols < 1 || symbols < 1 || grantNs < 0) {
            throw new IllegalArgumentException("SR period and duration must be ≥ 1 symbol and the grant delay ≥ 0");
        }
    }
}
