package io.packetgrid.radio.network;

import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The state of each aggregator's uplink units slot by slot on a shared uplink ({@link CoexistenceConfig}): which
 * units background traffic takes (each unit of each slot independently with {@code background.pusch_utilization},
 * drawn when a slot is first looked at), which the mMTC Msg3 transmissions scheduled there took, and which URLLC
 * repetitions landed on. Bit u of a mask is unit u. Slots long past are forgotten.
 */
final class UplinkUnits {
    private static final int BACKGROUND = 0;
    private static final int MSG3 = 1;
    private static final int URLLC = 2;
    private static final int DRAWN = 3;
    /** Slots kept behind the latest one touched (decisions look back a few slots at most). */
    private static final long KEEP = 256;

    private final int units;
    private final double[] utilisation;
    private final Supplier<UniformRandomProvider> stream;
    private final TreeMap<Long, long[]>[] slots;
    private final long[] latest;

    @SuppressWarnings("unchecked")
    UplinkUnits(int aggregators, int units, double utilisation, Supplier<UniformRandomProvider> stream) {
        this.units = units;
        this.utilisation = new double[aggregators];
        java.util.Arrays.fill(this.utilisation, utilisation);
        this.stream = stream;
        this.slots = new TreeMap[aggregators];
        this.latest = new long[aggregators];
        for (int a = 0; a < aggregators; a++) {
            slots[a] = new TreeMap<>();
            latest[a] = Long.MIN_VALUE;
        }
    }

    int units() {
        return units;
    }

    /** Background utilisation of an aggregator's units for the slots drawn from now on (a burst). */
    void setUtilisation(int agg, double u) {
        utilisation[agg] = u;
    }

    private long[] state(int agg, long slot) {
        TreeMap<Long, long[]> m = slots[agg];
        long[] s = m.get(slot);
        if (s == null) {
            s = new long[4];
            m.put(slot, s);
            if (slot > latest[agg]) {
                latest[agg] = slot;
                if (m.size() > 2 * KEEP) {
                    m.headMap(slot - KEEP).clear();
                }
            }
        }
        if (s[DRAWN] == 0) {
            long mask = 0;
            double util = utilisation[agg];
            if (util > 0) {
                UniformRandomProvider r = stream.get();
                for (int u = 0; u < units; u++) {
                    if (r.nextDouble() < util) {
                        mask |= 1L << u;
                    }
                }
            }
            s[BACKGROUND] = mask;
            s[DRAWN] = 1;
        }
        return s;
    }

    /** Units background traffic takes in this slot. */
    long background(int agg, long slot) {
        return state(agg, slot)[BACKGROUND];
    }

    /** Records the units Msg3 transmissions take in this slot. */
    void msg3(int agg, long slot, long mask) {
        state(agg, slot)[MSG3] |= mask;
    }

    /** Units busy with other traffic (background or Msg3) in this slot. */
    long busy(int agg, long slot) {
        long[] s = state(agg, slot);
        return s[BACKGROUND] | s[MSG3];
    }

    /** Records a URLLC repetition on unit {@code unit} of this slot. */
    void urllc(int agg, long slot, int unit) {
        state(agg, slot)[URLLC] |= 1L << unit;
    }

    /** Units URLLC repetitions landed on in this slot. */
    long urllc(int agg, long slot) {
        return state(agg, slot)[URLLC];
    }
}
