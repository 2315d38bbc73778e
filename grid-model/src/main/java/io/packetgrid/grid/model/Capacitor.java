package io.packetgrid.grid.model;

/**
 * A capacitor bank (shunt, or series when its second terminal is another bus): per energised
 * step a capacitance per phase, optionally in series with a filter reactor R + jXL (wye only),
 * between each phase conductor and terminal 2 (wye) or between adjacent phases (delta)
 * (OpenDSS Capacitor: MakeYprimWork).
 *
 * <p>Switchable as OpenDSS's CapControl switches it (Capacitor.pas AddStep, SubtractStep,
 * AvailableSteps, and the terminal's Closed state): steps go into service in order, and an open
 * bank connects nothing. A change bumps {@link #version()} so the solver refactorises.
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
    private final int[] initialStates;
    private final double omega;
    private final double totalKvar;
    private boolean open;
    private int lastStepInService;
    private long version;
    private final double normAmps;
    private final double emergAmps;

    public Capacitor(String name, Connection connection, int phases, boolean delta, double[] farads, double[] rFilter,
                     double[] xlFilter, int[] states, double frequencyHz, double normAmps, double emergAmps) {
        this(name, connection, phases, delta, farads, rFilter, xlFilter, states, frequencyHz, normAmps, emergAmps, Double.NaN);
    }

    /** As above, with the bank's rated kvar (all steps, all phases) for power-factor control. */
    public Capacitor(String name, Connection connection, int phases, boolean delta, double[] farads, double[] rFilter,
                     double[] xlFilter, int[] states, double frequencyHz, double normAmps, double emergAmps, double totalKvar) {
        this.name = name;
        this.connection = connection;
        this.phases = phases;
        this.delta = delta;
        this.farads = farads.clone();
        this.rFilter = rFilter.clone();
        this.xlFilter = xlFilter.clone();
        this.states = states.clone();
        this.initialStates = states.clone();
        this.omega = 2 * Math.PI * frequencyHz;
        this.normAmps = normAmps;
        this.emergAmps = emergAmps;
        this.totalKvar = totalKvar;
        findLastStepInService();
    }

    private void findLastStepInService() {
        lastStepInService = 0;
        for (int i = states.length - 1; i >= 0; i--) {
            if (states[i] == 1) {
                lastStepInService = i + 1;
                break;
            }
        }
    }

    public int phases() {
        return phases;
    }

    public boolean delta() {
        return delta;
    }

    public int numSteps() {
        return states.length;
    }

    /** Rated kvar of all steps and phases (NaN if not given). */
    public double totalKvar() {
        return totalKvar;
    }

    /** The highest step in service, 0 if none (OpenDSS LastStepInService). */
    public int lastStepInService() {
        return lastStepInService;
    }

    /** Steps not yet in service above the last one in service (OpenDSS AvailableSteps). */
    public int availableSteps() {
        return states.length - lastStepInService;
    }

    /** Whether the bank's terminal is closed (all phases; OpenDSS Closed[0]). */
    public boolean isClosed() {
        return !open;
    }

    public void setClosed(boolean closed) {
        if (open == closed) {
            open = !closed;
            changed();
        }
    }

    /** Puts the next step in service; false if all are (OpenDSS AddStep). */
    public boolean addStep() {
        if (lastStepInService == states.length) {
            return false;
        }
        lastStepInService++;
        setState(lastStepInService - 1, 1);
        return true;
    }

    /** Takes the last step in service out; false when none is left in service afterwards (OpenDSS SubtractStep). */
    public boolean subtractStep() {
        if (lastStepInService == 0) {
            return false;
        }
        setState(lastStepInService - 1, 0);
        lastStepInService--;
        return lastStepInService != 0;
    }

    /** Back to the steps and closed state of the definition. */
    public void restoreDefinition() {
        for (int i = 0; i < states.length; i++) {
            setState(i, initialStates[i]);
        }
        findLastStepInService();
        setClosed(true);
    }

    public int state(int step) {
        return states[step];
    }

    private void setState(int step, int value) {
        if (states[step] != value) {
            states[step] = value;
            changed();
        }
    }

    private void changed() {
        version++;
        ModelChanges.bump();
    }

    @Override
    public long version() {
        return version;
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
        if (open) {
            // an open terminal connects nothing; OpenDSS leaves 1e-12 S on the diagonal (CktElement DoYprimCalcs)
            int order = connection.order();
            for (int k = 0; k < order; k++) {
                re[k * order + k] += 1e-12;
            }
            return;
        }
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
            for (int i = 0; i < phases; i++) {
                // delta: phase i to the next (the last to the first); wye: terminal 1 to terminal 2
                int j = delta ? (i + 1 >= nc ? 0 : i + 1) : i + phases;
                CMatrix.addBranch(re, im, order, i, j, yr, yi);
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
