package io.packetgrid.pem.schedule;

/**
 * The time slots of a plan: {@code count} slots of {@code slotNs} from {@code startNs} (a day-ahead
 * plan: 96 quarter hours, the settlement period of the Nordic day-ahead and balancing markets).
 */
public record SlotGrid(long startNs, long slotNs, int count) {

    public SlotGrid {
        if (slotNs <= 0 || count <= 0) {
            throw new IllegalArgumentException("a plan needs slots of positive length");
        }
    }

    public long slotStartNs(int t) {
        return startNs + t * slotNs;
    }

    public long endNs() {
        return startNs + count * slotNs;
    }

    /** The slot holding {@code tNs} (may be outside [0, count)). */
    public int slotOf(long tNs) {
        return (int) Math.floorDiv(tNs - startNs, slotNs);
    }

    /** Hours of [fromNs, toNs) that fall in slot {@code t}. */
    public double overlapH(int t, long fromNs, long toNs) {
        long a = Math.max(fromNs, slotStartNs(t));
        long b = Math.min(toNs, slotStartNs(t) + slotNs);
        return b > a ? (b - a) / 3.6e12 : 0;
    }

    public double slotH() {
        return slotNs / 3.6e12;
    }
}
