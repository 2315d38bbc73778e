package io.packetgrid.grid.model;

import java.util.Arrays;

/**
 * A constant-power injection (OpenDSS Generator model 1, and PVSystem seen from the grid): each
 * phase injects {@code conj(S/V)} for the nominal {@code S = P + jQ} between {@code vminpu} and
 * {@code vmaxpu}, and behaves as the constant impedance that delivers the nominal power at the
 * violated limit outside that range (OpenDSS generator.pas DoConstantPQGen, re-derived). It adds
 * nothing to the factorised matrix: its whole effect is the injected current.
 */
public final class Generator implements PowerConversion, StateVariables {
    private final String name;
    private final Connection connection;
    private final int phases;
    private final boolean delta;
    private final double vbase;
    private final double vminpu;
    private final double vmaxpu;
    private double wNom;
    private double varNom;
    private boolean enabled = true;
    private double baseFrequencyHz = 60.0;

    public Generator(String name, Connection connection, int phases, boolean delta, double kv, double vminpu, double vmaxpu) {
        this.name = name;
        this.connection = connection;
        this.phases = phases;
        this.delta = delta;
        this.vbase = Load.baseVolts(kv, phases, delta);
        this.vminpu = vminpu;
        this.vmaxpu = vmaxpu;
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
    public int phases() {
        return phases;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Sets the injected power of the whole unit (kW, kvar; positive = into the grid). */
    public void setNominal(double kw, double kvar) {
        wNom = 1000.0 * kw / phases;
        varNom = 1000.0 * kvar / phases;
    }

    public double nominalKw() {
        return wNom * phases / 1000.0;
    }

    public double nominalKvar() {
        return varNom * phases / 1000.0;
    }

    /** Base frequency (Hz), the machine's speed outside dynamics. */
    public void setBaseFrequency(double hz) {
        baseFrequencyHz = hz;
    }

    @Override
    public String[] variableNames() {
        return new String[] {"Frequency", "Theta (Deg)", "Vd", "PShaft", "dSpeed (Deg/sec)", "dTheta (Deg)"};
    }

    /**
     * OpenDSS generator.pas Get_Variable outside dynamics mode: the machine turns at base frequency and
     * its dynamic states (angle, internal voltage, shaft power, derivatives) are at rest (zero).
     */
    @Override
    public void variables(double[] out) {
        java.util.Arrays.fill(out, 0.0);
        out[0] = baseFrequencyHz;
    }

    @Override
    public void linearY(double[] re, double[] im) {
        // pure current injection
    }

    @Override
    public void compensation(double[] vr, double[] vi, double[] ir, double[] ii) {
        terminalCurrent(vr, vi, ir, ii);
        int order = connection.order();
        for (int k = 0; k < order; k++) {
            ir[k] = -ir[k];
            ii[k] = -ii[k];
        }
    }

    @Override
    public void terminalCurrent(double[] vr, double[] vi, double[] ir, double[] ii) {
        int order = connection.order();
        Arrays.fill(ir, 0, order, 0.0);
        Arrays.fill(ii, 0, order, 0.0);
        if (!enabled) {
            return;
        }
        int nc = connection.conductors();
        for (int i = 0; i < phases; i++) {
            int j = delta ? (i + 1 >= nc ? 0 : i + 1) : nc - 1;
            double v1 = vr[i] - vr[j];
            double v2 = vi[i] - vi[j];
            double vmag = Math.sqrt((v1) * (v1) + (v2) * (v2));
            double cr;
            double ci;
            double yr = wNom / (vbase * vbase);   // conj(S) / Vbase^2
            double yi = -varNom / (vbase * vbase);
            if (vmag <= vminpu * vbase) {
                double f = 1.0 / (vminpu * vminpu);
                cr = f * (yr * v1 - yi * v2);
                ci = f * (yr * v2 + yi * v1);
            } else if (vmag > vmaxpu * vbase) {
                double f = 1.0 / (vmaxpu * vmaxpu);
                cr = f * (yr * v1 - yi * v2);
                ci = f * (yr * v2 + yi * v1);
            } else {
                double den = v1 * v1 + v2 * v2;
                cr = (wNom * v1 + varNom * v2) / den;
                ci = -(varNom * v1 - wNom * v2) / den;
            }
            // injected current (cr, ci) leaves the element at conductor i: terminal current is its negative
            ir[i] -= cr;
            ii[i] -= ci;
            ir[j] += cr;
            ii[j] += ci;
        }
    }
}
