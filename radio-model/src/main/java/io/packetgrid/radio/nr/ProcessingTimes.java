package io.packetgrid.radio.nr;

/**
 * UE processing times in symbols (TS 38.214 V16): N1, PDSCH decoding to HARQ-ACK (Table 5.3-1,
 * capability 1, front-loaded DM-RS only; Table 5.3-2, capability 2, FR1), and N2, PUSCH preparation
 * after the grant (Table 6.4-1, capability 1; Table 6.4-2, capability 2, FR1). Capability 2 exists
 * for μ ≤ 2 only.
 */
public final class ProcessingTimes {
    private static final double[] N1_CAP1 = {8, 10, 17, 20};
    private static final double[] N1_CAP2 = {3, 4.5, 9};
    private static final double[] N2_CAP1 = {10, 12, 23, 36};
    private static final double[] N2_CAP2 = {5, 5.5, 11};

    private ProcessingTimes() {
    }

    /** N1 in symbols for capability 1 or 2. */
    public static double n1(Numerology nu, int capability) {
        return pick(capability == 2 ? N1_CAP2 : N1_CAP1, nu, capability);
    }

    /** N2 in symbols for capability 1 or 2. */
    public static double n2(Numerology nu, int capability) {
        return pick(capability == 2 ? N2_CAP2 : N2_CAP1, nu, capability);
    }

    private static double pick(double[] table, Numerology nu, int capability) {
        if (capability != 1 && capability != 2) {
            throw new IllegalArgumentException("UE processing capability must be 1 or 2, got " + capability);
        }
        if (nu.mu() >= table.length) {
            throw new IllegalArgumentException("processing capability 2 is defined for μ ≤ 2 only, got μ = " + nu.mu());
        }
        return table[nu.mu()];
    }
}
