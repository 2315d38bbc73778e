package io.packetgrid.radio.nr;

/**
 * NR numerology μ = 0..3 (TS 38.211 §4.2, Table 4.2-1: subcarrier spacing 15·2^μ kHz, normal cyclic
 * prefix; §4.3.2, Table 4.3.2-1: 14 symbols per slot, 2^μ slots per 1 ms subframe).
 *
 * <p>Symbol timing is exact (TS 38.211 §5.3.1): with T_c = 1/(480·10³·4096) s and κ = 64, a symbol
 * lasts (2048 + 144)·κ·2^−μ·T_c, and the first symbol of every 0.5 ms lasts 16·κ·T_c longer. Times
 * are converted to the kernel's integer nanoseconds by rounding (T_c = 3125/6144 ns, so each 0.5 ms
 * is exactly 500,000 ns and the pattern repeats without drift).
 */
public record Numerology(int mu) {
    /** T_c per 0.5 ms. */
    static final long TC_PER_HALF_SUBFRAME = 983_040;
    static final long KAPPA = 64;

    public Numerology {
        if (mu < 0 || mu > 3) {
            throw new IllegalArgumentException("numerology must be 0..3 (15–120 kHz), got " + mu);
        }
    }

    public int subcarrierSpacingKhz() {
        return 15 << mu;
    }

    public int slotsPerSubframe() {
        return 1 << mu;
    }

    /** Slot duration: 1 ms / 2^μ, exact in ns. */
    public long slotNs() {
        return 1_000_000L >> mu;
    }

    /** Symbols per 0.5 ms (the period of the long-CP pattern): 7·2^μ. */
    public int symbolsPerHalfSubframe() {
        return 7 << mu;
    }

    /** The start of symbol {@code s} (counted from time 0) in T_c units. */
    public long symbolStartTc(long s) {
        long per = symbolsPerHalfSubframe();
        long half = Math.floorDiv(s, per);
        long l = Math.floorMod(s, per);
        long base = half * TC_PER_HALF_SUBFRAME;
        if (l == 0) {
            return base;
        }
        return base + 16 * KAPPA + l * ((2048 + 144) * KAPPA >> mu);
    }

    /** The start of symbol {@code s} in ns (rounded). */
    public long symbolStartNs(long s) {
        return tcToNs(symbolStartTc(s));
    }

    /** The first symbol whose start is ≥ {@code ns}. */
    public long firstSymbolAtOrAfter(long ns) {
        long per = symbolsPerHalfSubframe();
        long half = Math.floorDiv(ns, 500_000L);
        long s = half * per;
        while (symbolStartNs(s) < ns) {
            s++;
        }
        return s;
    }

    /**
     * A processing time of {@code symbols} nominal symbols, (2048 + 144)·κ·2^−μ·T_c each, the unit of
     * T_proc,1 and T_proc,2 in TS 38.214 §5.3 and §6.4; rounded up to whole ns.
     */
    public long processingNs(double symbols) {
        double tc = symbols * ((2048 + 144) * KAPPA >> mu);
        return (long) Math.ceil(tc * 3125.0 / 6144.0 - 1e-9);
    }

    /** T_c → ns: T_c = 1/1.96608e9 s = 3125/6144 ns, rounded half up. */
    static long tcToNs(long tc) {
        return Math.floorDiv(tc * 3125 + 3072, 6144);
    }
}
