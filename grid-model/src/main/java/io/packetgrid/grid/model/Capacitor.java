package io.packetgrid.grid.model;

/**
 * A capacitor bank (shunt, or series when its second terminal is another bus): per energised
 * step a capacitance per phase, optionally in series with a filter reactor R + jXL (wye only),
 * between each phase conductor and terminal 2 (wye) or between adjacent phases (delta)
 * (OpenDSS Capacitor: MakeYprimWork).
 */
public final class Capacitor implements PowerDelivery {
    private final String name;
    private final Connection connection;
    private final int phases;
    private final boolean delta;
    private final double[] farads;     // per step
    private final double[] rFilter;    // per step, ohm
    private final double[] xlFilter;   // per step, ohm
    private final int[] states;
    private final double omega;
    private final double normAmps;
    private final double emergAmps;

    public Capacitor(String name, Connection connection, int phases, boolean delta, double[] farads, double[] rFilter,
                     double[] xlFilter, int[] states, double frequencyHz, double normAmps, double emergAmps) {
        this.name = name;
        this.connection = connection;
        this.phases = phases;
        this.delta = delta;
        this.farads = farads.clone();
        this.rFilter = rFilter.clone();
        this.xlFilter = xlFilter.clone();
        this.states = states.clone();
        this.omega = 2 * Math.PI * frequencyHz;
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
        int nc = connection.conductors();
        for (int s = 0; s < farads.length; s++) {
            if (states[s] != 1) {
                continue;
            }
            double yr = 0;
            double yi = farads[s] * omega;
            if (!delta && (rFilter[s] + Math.abs(xlFilter[s])) > 0) {
                // Y = 1 / (ZL + 1/Yc), 1/Yc = -j/yi
                double zr = rFilter[s];
                double zi = xlFilter[s] - 1.0 / yi;
                double den = zr * zr + zi * zi;
                yr = zr / den;
                yi = -zi / den;
            }
            if (delta) {
                for (int i = 0; i < phases; i++) {
                    int j = i + 1;
                    if (j >= nc) {
                        j = 0;
                    }
                    re[i * order + i] += yr;
                    im[i * order + i] += yi;
                    re[j * order + j] += yr;
                    im[j * order + j] += yi;
                    re[i * order + j] -= yr;
                    im[i * order + j] -= yi;
                    re[j * order + i] -= yr;
                    im[j * order + i] -= yi;
                }
            } else {
                for (int i = 0; i < phases; i++) {
                    int j = i + phases;
                    re[i * order + i] += yr;
                    im[i * order + i] += yi;
                    re[j * order + j] += yr;
                    im[j * order + j] += yi;
                    re[i * order + j] -= yr;
                    im[i * order + j] -= yi;
                    re[j * order + i] -= yr;
                    im[j * order + i] -= yi;
                }
            }
        }
    }

    @Override
    public void seriesY(double[] re, double[] im) {
        // a shunt bank is not part of the series network; a series capacitor is
        if (!connection.buses()[0].equals(connection.buses()[connection.terminals() - 1]) && !delta) {
            primitiveY(re, im);
        }
    }
}
