package io.packetgrid.radio.propagation;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Spatially correlated log-normal shadowing: a zero-mean Gaussian field in dB with standard
 * deviation σ and exponential autocorrelation R(Δd) = e^(−Δd/d_cor) (Gudmundson, Electronics Letters
 * 27(23), 1991; the form 3GPP TR 38.901 §7.5 step 4 and §7.6.3.1 prescribe for large-scale
 * parameters, with d_cor from Table 7.5-6).
 *
 * <p>Exact joint sampling needs a Cholesky factor of the N×N covariance (O(N³): too slow for 10,000
 * devices). The field is instead drawn point by point, each conditioned on its m nearest earlier
 * points (Vecchia, "Estimation and model identification for continuous spatial processes", J. R.
 * Stat. Soc. B 50(2):297–312, 1988): z_i | z_N ~ N(cᵀC⁻¹z_N, 1 − cᵀC⁻¹c). Each point keeps variance
 * σ² exactly and its correlation with its neighbours exactly; correlations with farther points are
 * carried through the chain (exact on a line, close in the plane for m = {@value #NEIGHBOURS}).
 * Points farther than 8·d_cor (correlation below 3.4e-4) are never used as neighbours. Points can be
 * added one at a time (devices that appear during a run); the field then depends on the order.
 * The neighbours and weights depend on the positions only ({@link ShadowingGeometry}): fields over
 * the same points in the same order (one per aggregator) share them.
 */
public final class ShadowingField {
    static final int NEIGHBOURS = ShadowingGeometry.NEIGHBOURS;

    private final double sigmaDb;
    private final ShadowingGeometry geometry;
    private final ZigguratSampler.NormalizedGaussian gauss;
    /** The field's unit-variance values at the geometry's first {@code size} points. */
    private double[] unit = new double[16];
    private int size;

    public ShadowingField(double sigmaDb, double corrDistanceM, UniformRandomProvider random) {
        this(sigmaDb, new ShadowingGeometry(corrDistanceM), random);
    }

    /**
     * A field over {@code geometry}'s points, which it may share with other fields: the i-th point
     * added to this field is the geometry's i-th point (added to the geometry by whichever field gets
     * there first).
     */
    public ShadowingField(double sigmaDb, ShadowingGeometry geometry, UniformRandomProvider random) {
        if (!(sigmaDb >= 0)) {
            throw new IllegalArgumentException("shadowing σ must be ≥ 0 dB, got " + sigmaDb);
        }
        this.sigmaDb = sigmaDb;
        this.geometry = geometry;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(random);
    }

    /** The field in dB at {@code points}, drawn in list order from {@code random}. */
    public static double[] sample(List<Point> points, double sigmaDb, double corrDistanceM, UniformRandomProvider random) {
        ShadowingField f = new ShadowingField(sigmaDb, corrDistanceM, random);
        double[] z = new double[points.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = f.add(points.get(i));
        }
        return z;
    }

    /** Draws the field at {@code p} given every point added before; returns it in dB. */
    public double add(Point p) {
        int i = size;
        if (i == geometry.size()) {
            geometry.add(p.xM(), p.yM());
        } else if (geometry.x(i) != p.xM() || geometry.y(i) != p.yM()) {
            throw new IllegalArgumentException("shadowing field: point " + i + " is (" + p.xM() + ", " + p.yM()
                    + ") but the shared geometry's is (" + geometry.x(i) + ", " + geometry.y(i) + ")");
        }
        double mean = 0;
        int k = geometry.neighbours(i);
        for (int a = 0; a < k; a++) {
            mean += geometry.weight(i, a) * unit[geometry.neighbour(i, a)];
        }
        double z = mean + geometry.conditionalSd(i) * gauss.sample();
        if (size == unit.length) {
            unit = java.util.Arrays.copyOf(unit, 2 * size);
        }
        unit[size++] = z;
        return sigmaDb * z;
    }
}
