package io.packetgrid.grid.model;

/**
 * A storage unit's grid-forming inverter as the power flow sees it: a balanced three-phase EMF at the
 * unit's bus behind the inverter's output impedance (the Norton form of {@link VoltageSource}), in service
 * only while it forms an island. That is OpenDSS's Storage in {@code ControlMode=GFM} (Storage.pas,
 * InvDynamics.pas CalcGFMYprim/CalcGFMVoltage: a voltage source behind an impedance of X/R = 4). Out of
 * service it is not a source of the network ({@link #energises()}) and the unit is left to its own
 * grid-following behaviour.
 *
 * <p>The output impedance is what a voltage-regulated inverter presents at the fundamental; here it is a
 * setting in per unit of the unit's kVA and rated voltage (default {@link #DEFAULT_R_PU} +
 * j{@link #DEFAULT_X_PU}: X/R = 4 as OpenDSS's GFM, its magnitude a modelling choice: a stiff regulator).
 */
public final class GridFormingSource implements Source {
    /** Default output resistance, pu of the unit's kVA base. */
    public static final double DEFAULT_R_PU = 0.005;
    /** Default output reactance, pu (X/R = 4). */
    public static final double DEFAULT_X_PU = 0.02;

    private final VoltageSource emf;
    private final StorageUnit unit;
    private final double vNominalLn;
    private boolean forming;

    private GridFormingSource(VoltageSource emf, StorageUnit unit, double vNominalLn) {
        this.emf = emf;
        this.unit = unit;
        this.vNominalLn = vNominalLn;
    }

    /**
     * A grid-forming unit at {@code bus} (three phases, nodes 1.2.3 against ground), rated {@code kvLL}.
     *
     * @param rPu output resistance, pu of the unit's kVA and {@code kvLL}
     * @param xPu output reactance, pu
     */
    public static GridFormingSource of(StorageUnit unit, String bus, double kvLL, double rPu, double xPu) {
        double zBase = kvLL * kvLL * 1000.0 / unit.kvaRated();
        CMatrix z = SourceImpedance.phaseMatrix(3, rPu * zBase, xPu * zBase, rPu * zBase, xPu * zBase);
        Connection c = new Connection(new String[] {bus, bus}, new int[][] {{1, 2, 3}, {0, 0, 0}});
        double vLn = kvLL * 1000.0 / Math.sqrt(3.0);
        return new GridFormingSource(new VoltageSource("GridForming." + unit.name(), c, z, vLn, 0.0, 1), unit, vLn);
    }

    @Override
    public String name() {
        return emf.name();
    }

    @Override
    public Connection connection() {
        return emf.connection();
    }

    public StorageUnit unit() {
        return unit;
    }

    public boolean forming() {
        return forming;
    }

    /**
     * Puts the unit in or out of service as the island's source: a topology change (rebuild the network).
     * A script {@link Storage} behind it leaves the solve while it forms (the source stands for it: one unit,
     * not two) and idles, so that its own end-of-step energy update moves nothing (the island logic
     * integrates the formed power); back on the grid it is in the solve again, idling until re-dispatched.
     */
    public void setForming(boolean forming) {
        if (unit instanceof Storage s && forming != this.forming) {
            s.setEnabled(!forming);
            s.setState(Storage.IDLING);
        }
        this.forming = forming;
    }

    /** Sets the EMF: magnitude in pu of the rated line-to-neutral voltage, angle of phase 1 in degrees. */
    public void setEmf(double pu, double angleDeg) {
        emf.setEmf(pu * vNominalLn, angleDeg);
    }

    /** EMF magnitude, pu of the rated line-to-neutral voltage. */
    public double emfPu() {
        return emf.vmag() / vNominalLn;
    }

    public double emfAngleDeg() {
        return emf.angleDeg();
    }

    /** Rated line-to-neutral voltage, V. */
    public double nominalLnV() {
        return vNominalLn;
    }

    @Override
    public boolean energises() {
        return forming;
    }

    @Override
    public long injectionVersion() {
        return emf.injectionVersion();
    }

    @Override
    public void primitiveY(double[] re, double[] im) {
        if (forming) {
            emf.primitiveY(re, im);
        }
    }

    @Override
    public void injection(double[] ir, double[] ii) {
        if (forming) {
            emf.injection(ir, ii);
        } else {
            java.util.Arrays.fill(ir, 0);
            java.util.Arrays.fill(ii, 0);
        }
    }
}
