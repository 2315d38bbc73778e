package io.packetgrid.grid.model;

/**
 * One transformer winding's rating and state.
 *
 * @param delta  delta (true) or wye connection
 * @param kvLL   rated line-to-line kV (kV across the winding for 1-phase units)
 * @param kva    rated kVA
 * @param rPu    winding resistance in per unit of the transformer base (%R / 100)
 * @param tap    per-unit tap
 * @param rNeut  neutral resistance to ground (ohm), negative for an open (isolated) neutral
 * @param xNeut  neutral reactance (ohm)
 * @param minTap lowest tap (pu)
 * @param maxTap highest tap (pu)
 * @param numTaps number of tap steps between min and max
 */
public record Winding(boolean delta, double kvLL, double kva, double rPu, double tap, double rNeut, double xNeut,
                      double minTap, double maxTap, int numTaps) {

    public Winding withTap(double t) {
        return new Winding(delta, kvLL, kva, rPu, t, rNeut, xNeut, minTap, maxTap, numTaps);
    }

    /** Tap step size (pu): (max - min) / numTaps, 0 if no steps (OpenDSS Transformer RecalcElementData). */
    public double tapIncrement() {
        return numTaps > 0 ? (maxTap - minTap) / numTaps : 0.0;
    }
}
