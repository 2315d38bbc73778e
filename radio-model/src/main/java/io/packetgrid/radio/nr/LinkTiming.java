package io.packetgrid.radio.nr;

/**
 * When the transmissions of one packet on one radio hop happen and when each is decoded: transmission
 * occasions on a mini-slot grid, optional grant-based access, K blind repetitions per round and up to
 * R HARQ rounds.
 *
 * <p><b>Occasions.</b> Each slot holds floor(14/L) back-to-back transmission positions of L symbols
 * (L = 2, 4, 7 mini-slots of TR 38.912 §8.1 and PUSCH/PDSCH mapping type B of TS 38.214 §6.1.2.1, or
 * L = 14 for a slot), starting at symbols 0, L, 2L, …; none crosses a slot boundary (S + L ≤ 14). Every
 * {@code occasionEvery}-th position is an occasion of this link (a configured-grant periodicity, TS
 * 38.321 §5.8.2, or the scheduling granularity of the downlink).
 *
 * <p><b>A packet.</b> Arriving at time a, it is ready at a + {@code prepNs} (device or base-station
 * preparation); grant-based uplink first goes through the {@link SchedulingRequest}. Round r sends K
 * repetitions in K consecutive occasions (PUSCH repetition, TS 38.214 §6.1.2.3, {@code repK} of
 * configured grants) and is decoded {@code decodeNs} after the last one ends; a failed round is
 * retransmitted in the first occasion at least {@code retxGapNs} after that (NACK or new grant and
 * re-preparation). Everything is deterministic given a, and periodic with {@link #hyperperiodNs()}.
 */
public record LinkTiming(Numerology numerology, int symbols, int occasionEvery, int repetitions, int rounds,
                         long prepNs, long decodeNs, long retxGapNs, SchedulingRequest grant) {

    public LinkTiming {
        if (symbols < 1 || symbols > 14) {
            throw new IllegalArgumentException("transmission length must be 1..14 symbols, got " + symbols);
        }
        if (occasionEvery < 1 || repetitions < 1 || rounds < 1) {
            throw new IllegalArgumentException("occasion period, repetitions and rounds must be ≥ 1");
        }
        if (prepNs < 0 || decodeNs < 0 || retxGapNs < 0) {
            throw new IllegalArgumentException("processing times must be ≥ 0");
        }
    }

    /** Transmission positions per slot: floor(14/L). */
    public int positionsPerSlot() {
        return 14 / symbols;
    }

    /** The start (ns) of position j (counted from time 0). */
    public long positionStartNs(long j) {
        int m = positionsPerSlot();
        long slot = Math.floorDiv(j, m);
        long sym = slot * 14 + Math.floorMod(j, m) * (long) symbols;
        return numerology.symbolStartNs(sym);
    }

    /** The end (ns) of position j: the start of the symbol after its last. */
    public long positionEndNs(long j) {
        int m = positionsPerSlot();
        long slot = Math.floorDiv(j, m);
        long sym = slot * 14 + Math.floorMod(j, m) * (long) symbols + symbols;
        return numerology.symbolStartNs(sym);
    }

    /** The first occasion (a position index divisible by occasionEvery) starting at or after {@code ns}. */
    public long firstOccasionAtOrAfter(long ns) {
        long s = numerology.firstSymbolAtOrAfter(ns);
        int m = positionsPerSlot();
        long slot = Math.floorDiv(s, 14);
        long sym = Math.floorMod(s, 14);
        long pos = (sym + symbols - 1) / symbols; // first position starting at a symbol ≥ sym
        long j = pos >= m ? (slot + 1) * m : slot * m + pos;
        long e = occasionEvery;
        return Math.floorDiv(j + e - 1, e) * e;
    }

    /** Decode times of the rounds of a packet arriving at {@code arrivalNs}: {@code out[r]}, r = 0..rounds−1. */
    public void decodeTimes(long arrivalNs, long[] out) {
        occasions(arrivalNs, null, out);
    }

    /**
     * The first occasion (a position index, see {@link #positionStartNs}) of each round and its decode time, for
     * a packet arriving at {@code arrivalNs}: round r sends its repetitions i = 0..K−1 at positions
     * {@code first[r] + i·occasionEvery} (each in slot floorDiv(position, {@link #positionsPerSlot()})).
     * {@code first} may be null.
     */
    public void occasions(long arrivalNs, long[] first, long[] out) {
        long ready = arrivalNs + prepNs;
        if (grant != null) {
            long s = numerology.firstSymbolAtOrAfter(ready);
            long p = grant.periodSymbols();
            long sr = Math.floorDiv(s + p - 1, p) * p;
            ready = numerology.symbolStartNs(sr + grant.symbols()) + grant.grantNs();
        }
        long j = firstOccasionAtOrAfter(ready);
        for (int r = 0; r < rounds; r++) {
            if (first != null) {
                first[r] = j;
            }
            long last = j + (long) (repetitions - 1) * occasionEvery;
            long decoded = positionEndNs(last) + decodeNs;
            out[r] = decoded;
            j = firstOccasionAtOrAfter(decoded + retxGapNs);
        }
    }

    /** The period (ns) after which the whole schedule repeats: lcm of the occasion, CP and SR patterns. */
    public long hyperperiodNs() {
        return numerology.symbolStartNs(hyperperiodSymbols());
    }

    long hyperperiodSymbols() {
        int m = positionsPerSlot();
        long occSlots = lcm(occasionEvery, m) / m;
        long h = lcm(14 * occSlots, numerology.symbolsPerHalfSubframe());
        if (grant != null) {
            h = lcm(h, grant.periodSymbols());
        }
        return h;
    }

    /**
     * Arrival times in [0, H) at which the schedule changes: the packet is ready exactly at an
     * occasion (or SR occasion) start. Between two consecutive ones the decode times are constant.
     * Sorted, starting with 0 and ending with H.
     */
    public long[] breakpoints() {
        long h = hyperperiodNs();
        java.util.TreeSet<Long> points = new java.util.TreeSet<>();
        points.add(0L);
        points.add(h);
        long hs = hyperperiodSymbols();
        if (grant != null) {
            long p = grant.periodSymbols();
            for (long s = 0; s <= 2 * hs; s += p) {
                add(points, numerology.symbolStartNs(s) - prepNs, h);
            }
        } else {
            int m = positionsPerSlot();
            long positions = 2 * hs / 14 * m + m;
            for (long j = 0; j <= positions; j += occasionEvery) {
                add(points, positionStartNs(j) - prepNs, h);
            }
        }
        return points.stream().mapToLong(Long::longValue).toArray();
    }

    private static void add(java.util.TreeSet<Long> points, long t, long h) {
        points.add(Math.floorMod(t, h));
    }

    static long lcm(long a, long b) {
        return a / gcd(a, b) * b;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
