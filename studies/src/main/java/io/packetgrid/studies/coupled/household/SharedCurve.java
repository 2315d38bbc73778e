package io.packetgrid.studies.coupled.household;

import java.util.function.DoubleUnaryOperator;

/**
 * A curve of run time that many devices read at the same instants (every heat pump its outdoor temperature at
 * every control step): the value at each instant is computed once and handed to the others. A function of its
 * argument alone, so a value kept is bit for bit the one computed again. Safe for fleets stepping on several
 * threads and variants running side by side at other times: the last values are kept by time in a few slots,
 * each an immutable pair.
 */
final class SharedCurve implements DoubleUnaryOperator {
    private static final int SLOTS = 64; // a power of two
    private final DoubleUnaryOperator curve;
    private final Kept[] kept = new Kept[SLOTS];

    private record Kept(long tBits, double value) {
    }

    SharedCurve(DoubleUnaryOperator curve) {
        this.curve = curve;
    }

    @Override
    public double applyAsDouble(double tS) {
        long bits = Double.doubleToRawLongBits(tS);
        int slot = (int) ((bits * 0x9E37_79B9_7F4A_7C15L) >>> 58); // 6 high bits of a multiplicative hash
        Kept k = kept[slot];
        if (k != null && k.tBits == bits) {
            return k.value;
        }
        double v = curve.applyAsDouble(tS);
        kept[slot] = new Kept(bits, v);
        return v;
    }
}
