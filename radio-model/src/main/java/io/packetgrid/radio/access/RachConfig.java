package io.packetgrid.radio.access;

/**
 * Contention-based random access (4-step RACH) parameters, counted in PRACH occasions. Defaults after
 * 3GPP TR 37.868 V11.0.0 (RAN improvements for machine-type communications), Table 6.2.2.1-1: 54
 * contention preambles of the 64 per cell (the other 10 reserved for contention-free access),
 * preambleTransMax 10, backoff indicator 20 ms, RAR window 5 ms; access-class barring (ACB) as in TS
 * 36.331 §5.3.3.11 (a device passes when a uniform draw is below ac-BarringFactor, else it waits
 * (0.7 + 0.6·rand)·ac-BarringTime) and NR's unified access control TS 38.331 §5.3.14 (same rule).
 *
 * @param preambles           preambles per occasion available for contention (default 54)
 * @param maxAttempts         preamble transmissions before the device gives up (preambleTransMax, 10)
 * @param responseOccasions   occasions from a preamble until its failure is known (RAR window)
 * @param backoffOccasions    back-off drawn uniformly from 0..backoffOccasions occasions after a failure
 * @param barringFactor       ACB pass probability in (0, 1]; 1 = no barring
 * @param barringOccasions    ac-BarringTime in occasions; a barred device waits a uniform
 *                            0.7..1.3 times that (rounded to whole occasions)
 */
public record RachConfig(int preambles, int maxAttempts, int responseOccasions, int backoffOccasions,
                         double barringFactor, int barringOccasions) {

    /** TR 37.868's values with 5 ms PRACH periodicity: RAR window 1 occasion, back-off 20 ms = 4. */
    public static final RachConfig TR37868 = new RachConfig(54, 10, 1, 4, 1.0, 0);

    public RachConfig {
        if (preambles < 1) {
            throw new IllegalArgumentException("preambles must be ≥ 1, got " + preambles);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be ≥ 1, got " + maxAttempts);
        }
        if (responseOccasions < 1) {
            throw new IllegalArgumentException("responseOccasions must be ≥ 1, got " + responseOccasions);
        }
        if (backoffOccasions < 0 || barringOccasions < 0) {
            throw new IllegalArgumentException("back-off and barring times must be ≥ 0");
        }
        if (!(barringFactor > 0 && barringFactor <= 1)) {
            throw new IllegalArgumentException("barringFactor must be in (0, 1], got " + barringFactor);
        }
    }

    /** The smallest and largest barring wait in occasions (0.7 and 1.3 times the barring time). */
    int barringMin() {
        return (int) Math.round(0.7 * barringOccasions);
    }

    int barringMax() {
        return Math.max(barringMin(), (int) Math.round(1.3 * barringOccasions));
    }
}
