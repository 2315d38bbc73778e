package io.packetgrid.pem.device;

/**
 * A load shape: values at a fixed interval, repeating (as OpenDSS's {@code LoadShape} with
 * {@code interval}); value at time t is the sample of the interval containing t.
 */
public record LoadShape(double intervalS, double[] values) {

    public LoadShape {
        if (!(intervalS > 0) || values.length == 0) {
            throw new IllegalArgumentException("a load shape needs a positive interval and at least one value");
        }
        values = values.clone();
    }

    public double valueAt(double tS) {
        long i = (long) Math.floor(tS / intervalS);
        int k = (int) Math.floorMod(i, (long) values.length);
        return values[k];
    }

    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
