package io.packetgrid.grid.model;

/**
 * A reactor (OpenDSS Reactor, Reactor.pas CalcYPrim): a constant impedance per phase between a
 * phase conductor of terminal 1 and the same conductor of terminal 2 (wye: shunt when terminal 2
 * is the neutral or ground of the same bus, series otherwise), or between adjacent phases of one
 * terminal (delta). The per-phase admittance is a {@code phases x phases} matrix: diagonal for the
 * scalar forms ({@code 1/(R + jX)} plus {@code 1/Rp} in parallel), full for the matrix and
 * symmetrical-component forms ({@link ReactorImpedance}).
 *
 * <p>For {@code Calcvoltagebases} (the series network only) a shunt reactor keeps only its
 * diagonal, in full for a one-phase unit (a neutral or grounding reactor stays in the circuit) and
 * times 1e-10 otherwise, as OpenDSS builds its series primitive.
 */
public final class Reactor implements PowerDelivery {
    private final String name;
    private final Connection connection;
    private final int phases;
    private final boolean delta;
    private final boolean shunt;
    private final CMatrix y;
    private final double normAmps;
    private final double emergAmps;

    /**
     * @param y     per-phase admittance (siemens), {@code phases x phases}; diagonal for delta units
     * @param shunt whether terminal 2 is the same bus as terminal 1 (OpenDSS IsShunt)
     */
    public Reactor(String name, Connection connection, int phases, boolean delta, boolean shunt, CMatrix y, double normAmps,
                   double emergAmps) {
        if (y.n != phases) {
            throw new IllegalArgumentException("admittance order " + y.n + " for " + phases + " phases");
        }
        this.name = name;
        this.connection = connection;
        this.phases = phases;
        this.delta = delta;
        this.shunt = shunt;
        this.y = y.copy();
        this.normAmps = normAmps;
        this.emergAmps = emergAmps;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    public boolean isShunt() {
        return shunt;
    }

    @Override
    public double normAmps() {
        return normAmps;
    }

    @Override
    public double emergAmps() {
        return emergAmps;
    }

    @Override
    public void primitiveY(double[] re, double[] im) {
        int order = connection.order();
        if (delta) {
            int nc = connection.conductors();
            for (int i = 0; i < phases; i++) {
                int j = i + 1 >= nc ? 0 : i + 1;
                CMatrix.addBranch(re, im, order, i, j, y.re(i, i), y.im(i, i));
            }
            return;
        }
        y.addSeriesTo(re, im);   // wye: two terminals of `phases` conductors, order 2 x phases
    }

    @Override
    public void seriesY(double[] re, double[] im) {
        if (!shunt) {
            primitiveY(re, im);
            return;
        }
        int order = connection.order();
        double[] fr = new double[order * order];
        double[] fi = new double[order * order];
        primitiveY(fr, fi);
        double scale = phases == 1 ? 1.0 : 1e-10;
        for (int k = 0; k < order; k++) {
            re[k * order + k] += fr[k * order + k] * scale;
            im[k * order + k] += fi[k * order + k] * scale;
        }
    }
}
