package io.packetgrid.grid.model;

/**
 * A shunt (or series) fault as OpenDSS models it (Fault.pas, re-derived): a resistor network between
 * the conductors of terminal 1 and those of terminal 2, which default to node 0 (ground) of the same
 * bus. Each phase {@code i} joins conductor {@code i} of terminal 1 to conductor {@code i} of terminal 2
 * through the conductance {@code G}; with a nodal conductance matrix {@code Gmatrix} any resistor
 * network among the phases can be described. The primitive admittance is {@code [G, -G; -G, G]}
 * (order 2 x phases), purely real.
 *
 * <p>Typical uses, as in OpenDSS: {@code phases=1 bus1=B.1} (line to ground), {@code phases=1
 * bus1=B.1 bus2=B.2} (line to line), {@code phases=2 bus1=B.2.3} (double line to ground),
 * {@code phases=3 bus1=B.1.2.3} (three phase to ground). A fault that is off contributes nothing.
 */
public final class Fault implements PowerDelivery {
    /** OpenDSS's conductance for {@code r=0} (Fault.pas Edit: a resistance of 0.0001 ohm). */
    public static final double ZERO_RESISTANCE_SIEMENS = 10000.0;

    private final String name;
    private final Connection connection;
    private final int phases;
    private final double[] g;      // phases x phases, siemens, row major
    private boolean on;
    private long version;

    /**
     * @param g nodal conductance matrix among the phases (siemens, row major, order {@code phases})
     * @param on whether the fault is applied
     */
    public Fault(String name, Connection connection, double[] g, boolean on) {
        this.name = name;
        this.connection = connection;
        this.phases = connection.conductors();
        if (connection.terminals() != 2 || g.length != phases * phases) {
            throw new IllegalArgumentException("a fault has two terminals and a " + phases + "x" + phases + " conductance matrix");
        }
        for (double v : g) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("fault conductance must be finite");
            }
        }
        this.g = g.clone();
        this.on = on;
    }

    /** The conductance of a fault resistance (ohm), with OpenDSS's rule for zero. */
    public static double conductance(double resistanceOhm) {
        return resistanceOhm != 0.0 ? 1.0 / resistanceOhm : ZERO_RESISTANCE_SIEMENS;
    }

    /** An uncoupled fault: the same conductance on every phase (the {@code r=} form). */
    public static double[] diagonal(int phases, double conductanceS) {
        double[] m = new double[phases * phases];
        for (int i = 0; i < phases; i++) {
            m[i * phases + i] = conductanceS;
        }
        return m;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    public int phases() {
        return phases;
    }

    /** A copy of the conductance matrix (siemens). */
    public double[] conductanceMatrix() {
        return g.clone();
    }

    public boolean isOn() {
        return on;
    }

    /** Applies (true) or removes the fault; the solver re-factorises on the same pattern. */
    public void setOn(boolean on) {
        if (this.on != on) {
            this.on = on;
            version++;
            ModelChanges.bump();
        }
    }

    @Override
    public long version() {
        return version;
    }

    /**
     * Nothing for a shunt fault (both terminals on one bus, to ground or between its phases): OpenDSS
     * puts it in the shunt part of its primitive (Fault.pas, IsShunt), which the series-only system of
     * {@code Calcvoltagebases} leaves out, so that a fault defined before the voltage bases are computed
     * does not pull its bus towards 0 V and the wrong base. A fault between two buses is series.
     */
    @Override
    public void seriesY(double[] re, double[] im) {
        if (!connection.buses()[0].equals(connection.buses()[1])) {
            primitiveY(re, im);
        }
    }

    @Override
    public void primitiveY(double[] re, double[] im) {
        if (!on) {
            return;
        }
        int n = phases;
        int m = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = g[i * n + j];
                re[i * m + j] += v;
                re[(i + n) * m + j + n] += v;
                re[i * m + j + n] -= v;
                re[(i + n) * m + j] -= v;
            }
        }
    }
}
