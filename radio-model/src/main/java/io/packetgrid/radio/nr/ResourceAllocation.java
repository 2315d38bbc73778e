package io.packetgrid.radio.nr;

/**
 * Resource blocks → blocklength: the number of resource elements (complex channel uses) carrying
 * data in an allocation of N_RB resource blocks over L symbols, N_RE = N_RB·(12·L − N_DMRS − N_oh)
 * (TS 38.214 §5.1.3.2 and §6.1.4.2, the N'_RE of transport-block sizing; 12 subcarriers per RB, TS
 * 38.211 §4.4.4.1). N_DMRS counts DM-RS resource elements per RB (12 per DM-RS symbol for
 * configuration type 1 with no data in the DM-RS symbol); N_oh is xOverhead (0, 6, 12 or 18).
 *
 * @param resourceBlocks  N_RB ≥ 1
 * @param symbols         L, 1..14 (mini-slots of 2, 4, 7 symbols or a slot of 14)
 * @param dmrsPerRb       DM-RS REs per RB (default 12: one front-loaded symbol)
 * @param overheadPerRb   xOverhead REs per RB (default 0)
 */
public record ResourceAllocation(int resourceBlocks, int symbols, int dmrsPerRb, int overheadPerRb) {

    public ResourceAllocation {
        if (resourceBlocks < 1) {
            throw new IllegalArgumentException("resource blocks must be ≥ 1, got " + resourceBlocks);
        }
        if (symbols < 1 || symbols > 14) {
            throw new IllegalArgumentException("symbols must be 1..14, got " + symbols);
        }
        if (dmrsPerRb < 0 || overheadPerRb < 0 || 12 * symbols - dmrsPerRb - overheadPerRb <= 0) {
            throw new IllegalArgumentException("DM-RS and overhead leave no data resource elements in "
                    + symbols + " symbols");
        }
    }

    public static ResourceAllocation of(int resourceBlocks, int symbols) {
        return new ResourceAllocation(resourceBlocks, symbols, 12, 0);
    }

    /** n, the blocklength in complex channel uses. */
    public int blocklength() {
        return resourceBlocks * (12 * symbols - dmrsPerRb - overheadPerRb);
    }

    /** Occupied bandwidth N_RB·12·SCS in Hz. */
    public double bandwidthHz(Numerology nu) {
        return resourceBlocks * 12.0 * nu.subcarrierSpacingKhz() * 1e3;
    }

    /**
     * Information bits of a packet of {@code payloadBytes} plus {@code headerBytes}, with the transport
     * block CRC of TS 38.212 §7.2.1 (24 bits above 3824 bits, else 16).
     */
    public static int informationBits(int payloadBytes, int headerBytes) {
        int a = 8 * (payloadBytes + headerBytes);
        return a + (a > 3824 ? 24 : 16);
    }
}
