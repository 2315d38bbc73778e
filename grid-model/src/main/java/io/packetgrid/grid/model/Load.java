package io.packetgrid.grid.model;

/**
 * A load (OpenDSS Load). Each phase draws a current that depends on the voltage across it
 * (phase to neutral for wye, phase to next phase for delta) according to its {@link LoadModel},
 * with OpenDSS's rules at the edges of the voltage range: below {@code vlowpu} it is the nominal
 * admittance {@code Yeq}; between {@code vlowpu} and {@code vminpu} a linear interpolation of the
 * current; above {@code vmaxpu} the impedance that draws nominal power at {@code vmaxpu}
 * ({@code Yeq / vmaxpu^2}; {@code Yeq / vmaxpu} for constant current). Source: OpenDSS
 * Load.pas (DoConstantPQLoad, DoConstantZLoad, DoConstantILoad, DoMotorTypeLoad, DoCVRModel,
 * DoFixedQ, DoFixedQZ, DoZIPVModel, SetNominalLoad), re-derived here.
 *
 * <p>The nominal power per phase is state set each step by whoever drives the load (load
 * shapes, the API, the grid federate).
 */
public final class Load implements PowerConversion {
    private final String name;
    private final Connection connection;
    private final int phases;
    private final boolean delta;
    private final LoadModel model;
    private final double vbase;       // volts across one phase branch
    private final double vminpu;
    private final double vmaxpu;
    private final double vlowpu;
    private final double[] zipv;      // 7 coefficients (model 8)
    private final double cvrWatts;
    private final double cvrVars;
    private final double yneutR;
    private final double yneutI;
    private final boolean neutralOpen;
    private final double varBase;     // fixed-Q models: base kvar per phase in var
    private boolean enabled = true;
    private final int order;          // conductors over all terminals
    private final int conductors;
    // parameters and nominal state in LoadCurrents' layout
    final double[] prm = new double[LoadCurrents.WIDTH];

    // nominal state (per phase, W and var) and derived admittances
    private double wNom;
    private double varNom;
    private double yeqR;
    private double yeqI;
    // linearisation admittance used in the factorised matrix
    private double linR;
    private double linI;

    /**
     * @param kvBase    rated kV (LN for 1-phase wye, LL otherwise, as OpenDSS)
     * @param kvarBase  base kvar (total), used by the fixed-Q models
     */
    public Load(String name, Connection connection, int phases, boolean delta, LoadModel model, double kvBase,
                double vminpu, double vmaxpu, double vlowpu, double[] zipv, double cvrWatts, double cvrVars,
                double rneut, double xneut, double kvarBase) {
        this.name = name;
        this.connection = connection;
        this.phases = phases;
        this.delta = delta;
        this.model = model;
        this.vbase = baseVolts(kvBase, phases, delta);
        this.vminpu = vminpu;
        this.vmaxpu = vmaxpu;
        this.vlowpu = vlowpu;
        this.zipv = zipv == null ? new double[7] : zipv.clone();
        this.cvrWatts = cvrWatts;
        this.cvrVars = cvrVars;
        if (rneut < 0) {
            neutralOpen = true;
            yneutR = 0;
            yneutI = 0;
        } else if (rneut == 0 && xneut == 0) {
            neutralOpen = false;
            yneutR = 1e6;
            yneutI = 0;
        } else {
            neutralOpen = false;
            double den = rneut * rneut + xneut * xneut;
            yneutR = rneut / den;
            yneutI = -xneut / den;
        }
        this.varBase = 1000.0 * kvarBase / phases;
        this.order = connection.order();
        this.conductors = connection.conductors();
        prm[LoadCurrents.VBASE] = vbase;
        prm[LoadCurrents.VMINPU] = vminpu;
        prm[LoadCurrents.VMAXPU] = vmaxpu;
        prm[LoadCurrents.VLOWPU] = vlowpu;
        prm[LoadCurrents.VARBASE] = varBase;
        prm[LoadCurrents.CVR_WATTS] = cvrWatts;
        prm[LoadCurrents.CVR_VARS] = cvrVars;
        System.arraycopy(this.zipv, 0, prm, LoadCurrents.ZIPV, 7);
    }

    /** Volts across one phase branch: LL for delta, LN for 2/3-phase wye, kV itself for 1-phase wye. */
    public static double baseVolts(double kv, int phases, boolean delta) {
        if (delta) {
            return kv * 1000.0;
        }
        return (phases == 2 || phases == 3) ? kv * 1000.0 / Math.sqrt(3.0) : kv * 1000.0;
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

    public boolean delta() {
        return delta;
    }

    public LoadModel model() {
        return model;
    }

    public double vbase() {
        return vbase;
    }

    public double vminpu() {
        return vminpu;
    }

    public double vmaxpu() {
        return vmaxpu;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Sets the nominal power of the whole load (kW, kvar), split equally over its phases. */
    public void setNominal(double kw, double kvar) {
        wNom = 1000.0 * kw / phases;
        varNom = 1000.0 * kvar / phases;
        yeqR = wNom / (vbase * vbase);
        yeqI = -varNom / (vbase * vbase);
        prm[LoadCurrents.W_NOM] = wNom;
        prm[LoadCurrents.VAR_NOM] = varNom;
        prm[LoadCurrents.YEQ_R] = yeqR;
        prm[LoadCurrents.YEQ_I] = yeqI;
    }

    public double nominalKw() {
        return wNom * phases / 1000.0;
    }

    public double nominalKvar() {
        return varNom * phases / 1000.0;
    }

    /**
     * Takes the linearisation admittance put into the factorised matrix: the admittance of the
     * load's base power (kW and kvar as defined, times the load multiplier), as in an OpenDSS
     * system matrix built in snapshot mode. It does not change with load shapes or API settings,
     * so the factorisation never depends on the time it was made. The converged solution does not
     * depend on it; the iterates (and so results within the tolerance) do: the published OpenDSS
     * European LV time series is reproduced to its printed digits with exactly this choice.
     */
    public void relinearise() {
        linR = enabled ? baseLinR : 0.0;
        linI = enabled ? baseLinI : 0.0;
    }

    private double baseLinR;
    private double baseLinI;

    /** Sets the base power (kW, kvar of the whole load) whose admittance linearises the load. */
    public void setLinearisationBase(double kw, double kvar) {
        baseLinR = 1000.0 * kw / phases / (vbase * vbase);
        baseLinI = -1000.0 * kvar / phases / (vbase * vbase);
    }

    @Override
    public void linearY(double[] re, double[] im) {
        int order = connection.order();
        int nc = connection.conductors();
        if (!delta) {
            int n = nc - 1;
            for (int i = 0; i < phases; i++) {
                re[i * order + i] += linR;
                im[i * order + i] += linI;
                re[n * order + n] += linR;
                im[n * order + n] += linI;
                re[i * order + n] -= linR;
                im[i * order + n] -= linI;
                re[n * order + i] -= linR;
                im[n * order + i] -= linI;
            }
            re[n * order + n] += yneutR;
            im[n * order + n] += yneutI;
            if (neutralOpen) {
                re[n * order + n] *= 1.000001;
                im[n * order + n] *= 1.000001;
            }
        } else {
            for (int i = 0; i < phases; i++) {
                int j = i + 1 >= nc ? 0 : i + 1;
                re[i * order + i] += linR;
                im[i * order + i] += linI;
                re[j * order + j] += linR;
                im[j * order + j] += linI;
                re[i * order + j] -= linR;
                im[i * order + j] -= linI;
                re[j * order + i] -= linR;
                im[j * order + i] -= linI;
            }
        }
    }

    @Override
    public void compensation(double[] vr, double[] vi, double[] ir, double[] ii) {
        // Ylin V (the part of the element that sits in the factorised matrix)
        LoadCurrents.linearProduct(linearMatrixR(), linearMatrixI(), 0, order, vr, vi, ir, ii);
        if (enabled) {
            LoadCurrents.draw(model, prm, 0, phases, delta, conductors, vr, vi, ir, ii, -1.0, cur);
        }
    }

    /** The linearisation admittance as a dense row-major matrix (kept until the linearisation changes). */
    double[] linearMatrixR() {
        if (linR != cachedLinR || linI != cachedLinI || sr == null) {
            double[] yr = scratchR(order * order);
            double[] yi = scratchI(order * order);
            java.util.Arrays.fill(yr, 0, order * order, 0.0);
            java.util.Arrays.fill(yi, 0, order * order, 0.0);
            linearY(yr, yi);
            cachedLinR = linR;
            cachedLinI = linI;
        }
        return sr;
    }

    /** Imaginary part of {@link #linearMatrixR}'s matrix (call that first). */
    double[] linearMatrixI() {
        return si;
    }

    @Override
    public void terminalCurrent(double[] vr, double[] vi, double[] ir, double[] ii) {
        java.util.Arrays.fill(ir, 0, order, 0.0);
        java.util.Arrays.fill(ii, 0, order, 0.0);
        if (enabled) {
            LoadCurrents.draw(model, prm, 0, phases, delta, conductors, vr, vi, ir, ii, 1.0, cur);
        }
    }

    /** The linearisation admittance per phase branch (real part). */
    double linR() {
        return linR;
    }

    /** The linearisation admittance per phase branch (imaginary part). */
    double linI() {
        return linI;
    }

    private double[] sr;
    private double[] si;
    private double cachedLinR = Double.NaN;
    private double cachedLinI = Double.NaN;

    private double[] scratchR(int n) {
        if (sr == null || sr.length < n) {
            sr = new double[n];
        }
        return sr;
    }

    private double[] scratchI(int n) {
        if (si == null || si.length < n) {
            si = new double[n];
        }
        return si;
    }

    private final double[] cur = new double[2];

    /** Current drawn by one phase branch at voltage (vr + j vi) across it (tests). */
    double[] phaseCurrent(double vr, double vi) {
        LoadCurrents.phaseCurrent(model, prm, 0, vr, vi, cur);
        return cur;
    }

    /** Order of the primitive matrix (conductors over all terminals). */
    int order() {
        return order;
    }

    /** Conductors per terminal. */
    int conductors() {
        return conductors;
    }
}
