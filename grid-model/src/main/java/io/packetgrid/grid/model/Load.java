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
        int order = connection.order();
        java.util.Arrays.fill(ir, 0, order, 0.0);
        java.util.Arrays.fill(ii, 0, order, 0.0);
        // Ylin V (the part of the element that sits in the factorised matrix)
        if (linR != cachedLinR || linI != cachedLinI || sr == null) {
            double[] yr = scratchR(order * order);
            double[] yi = scratchI(order * order);
            java.util.Arrays.fill(yr, 0, order * order, 0.0);
            java.util.Arrays.fill(yi, 0, order * order, 0.0);
            linearY(yr, yi);
            cachedLinR = linR;
            cachedLinI = linI;
        }
        double[] yr = sr;
        double[] yi = si;
        for (int a = 0; a < order; a++) {
            double sr = 0;
            double si = 0;
            for (int b = 0; b < order; b++) {
                double g = yr[a * order + b];
                double h = yi[a * order + b];
                sr += g * vr[b] - h * vi[b];
                si += g * vi[b] + h * vr[b];
            }
            ir[a] = sr;
            ii[a] = si;
        }
        if (enabled) {
            draw(vr, vi, ir, ii, -1.0);
        }
    }

    @Override
    public void terminalCurrent(double[] vr, double[] vi, double[] ir, double[] ii) {
        int order = connection.order();
        java.util.Arrays.fill(ir, 0, order, 0.0);
        java.util.Arrays.fill(ii, 0, order, 0.0);
        if (enabled) {
            draw(vr, vi, ir, ii, 1.0);
        }
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

    /** Adds sign * (current drawn by each phase branch) into conductor currents. */
    private void draw(double[] vr, double[] vi, double[] ir, double[] ii, double sign) {
        int nc = connection.conductors();
        for (int i = 0; i < phases; i++) {
            int j = delta ? (i + 1 >= nc ? 0 : i + 1) : nc - 1;
            double v1 = vr[i] - vr[j];
            double v2 = vi[i] - vi[j];
            double[] c = phaseCurrent(v1, v2);
            ir[i] += sign * c[0];
            ii[i] += sign * c[1];
            ir[j] -= sign * c[0];
            ii[j] -= sign * c[1];
        }
    }

    private final double[] cur = new double[2];

    /** Current drawn by one phase branch at voltage (vr + j vi) across it. */
    double[] phaseCurrent(double vr, double vi) {
        double vmag = Math.sqrt((vr) * (vr) + (vi) * (vi));
        double vbLow = vlowpu * vbase;
        double vb95 = vminpu * vbase;
        double vb105 = vmaxpu * vbase;
        double gr;
        double gi;
        switch (model) {
            case CONSTANT_Z -> {
                mul(yeqR, yeqI, vr, vi);
                return cur;
            }
            case CONSTANT_PQ -> {
                if (vmag <= vbLow) {
                    mul(yeqR, yeqI, vr, vi);
                } else if (vmag <= vb95) {
                    interp95(vmag, false);
                    mul(cur[0], cur[1], vr, vi);
                } else if (vmag > vb105) {
                    mul(yeqR / (vmaxpu * vmaxpu), yeqI / (vmaxpu * vmaxpu), vr, vi);
                } else {
                    conjDiv(wNom, varNom, vr, vi);
                }
                return cur;
            }
            case CONSTANT_I -> {
                if (vmag <= vbLow) {
                    mul(yeqR, yeqI, vr, vi);
                } else if (vmag <= vb95) {
                    interp95(vmag, true);
                    mul(cur[0], cur[1], vr, vi);
                } else if (vmag > vb105) {
                    mul(yeqR / vmaxpu, yeqI / vmaxpu, vr, vi);
                } else {
                    // conj(S / (V/|V| * Vbase))
                    conjDiv(wNom, varNom, vr / vmag * vbase, vi / vmag * vbase);
                }
                return cur;
            }
            case MOTOR -> {
                if (vmag <= vbLow) {
                    mul(yeqR, yeqI, vr, vi);
                } else if (vmag <= vb95) {
                    interp95(vmag, false);
                    mul(cur[0], cur[1], vr, vi);
                } else if (vmag > vb105) {
                    mul(yeqR / (vmaxpu * vmaxpu), yeqI / (vmaxpu * vmaxpu), vr, vi);
                } else {
                    conjDiv(wNom, 0, vr, vi);
                    double pr = cur[0];
                    double pi = cur[1];
                    mul(0, yeqI, vr, vi);
                    cur[0] += pr;
                    cur[1] += pi;
                }
                return cur;
            }
            case CONSTANT_P_FIXED_Q, CONSTANT_P_FIXED_X -> {
                double yqFixed = -varBase / (vbase * vbase);
                if (vmag <= vbLow) {
                    mul(yeqR, yeqI, vr, vi);
                } else if (vmag <= vb95) {
                    mul(yeqR / (vminpu * vminpu), yqFixed, vr, vi);
                } else if (vmag > vb105) {
                    mul(yeqR / (vmaxpu * vmaxpu), yqFixed, vr, vi);
                } else if (model == LoadModel.CONSTANT_P_FIXED_Q) {
                    conjDiv(wNom, varBase, vr, vi);
                } else {
                    conjDiv(wNom, 0, vr, vi);
                    double pr = cur[0];
                    double pi = cur[1];
                    mul(0, yqFixed, vr, vi);
                    cur[0] += pr;
                    cur[1] += pi;
                }
                return cur;
            }
            case CVR -> {
                if (vmag <= vbLow) {
                    mul(yeqR, yeqI, vr, vi);
                } else if (vmag <= vb95) {
                    interp95(vmag, false);
                    mul(cur[0], cur[1], vr, vi);
                } else if (vmag > vb105) {
                    mul(yeqR / (vmaxpu * vmaxpu), yeqI / (vmaxpu * vmaxpu), vr, vi);
                } else {
                    double ratio = vmag / vbase;
                    double wf = cvrWatts != 1.0 ? Math.pow(ratio, cvrWatts) : ratio;
                    double pr = 0;
                    double pi = 0;
                    if (wf > 0) {
                        conjDiv(wNom * wf, 0, vr, vi);
                        pr = cur[0];
                        pi = cur[1];
                    }
                    if (vmag == 0) {
                        cur[0] = pr;
                        cur[1] = pi;
                    } else if (cvrVars == 2.0) {
                        mul(0, yeqI, vr, vi);
                        cur[0] += pr;
                        cur[1] += pi;
                    } else {
                        double vf = cvrVars == 3.0 ? ratio * ratio * ratio : Math.pow(ratio, cvrVars);
                        conjDiv(0, varNom * vf, vr, vi);
                        cur[0] += pr;
                        cur[1] += pi;
                    }
                }
                return cur;
            }
            case ZIPV -> {
                zipvCurrent(vr, vi, vmag, vbLow, vb95, vb105);
                return cur;
            }
            default -> throw new IllegalStateException("load model " + model);
        }
    }

    private void zipvCurrent(double vr, double vi, double vmag, double vbLow, double vb95, double vb105) {
        if (vmag <= vbLow) {
            mul(yeqR, yeqI, vr, vi);
            return;
        }
        double cr;
        double ci;
        if (vmag <= vb95) {
            double zr = yeqR * zipv[0];
            double zi = yeqI * zipv[3];
            interp95(vmag, false);
            double pr = cur[0] * zipv[2];
            double pi = cur[1] * zipv[5];
            interp95(vmag, true);
            double ir = cur[0] * zipv[1];
            double ii = cur[1] * zipv[4];
            mul(zr + pr + ir, zi + pi + ii, vr, vi);
        } else if (vmag > vb105) {
            double y105r = yeqR / (vmaxpu * vmaxpu);
            double y105i = yeqI / (vmaxpu * vmaxpu);
            double g = yeqR * zipv[0] + y105r * zipv[2] + yeqR / vmaxpu * zipv[1];
            double b = yeqI * zipv[3] + y105i * zipv[5] + yeqI / vmaxpu * zipv[4];
            mul(g, b, vr, vi);
        } else {
            mul(yeqR * zipv[0], yeqI * zipv[3], vr, vi);
            cr = cur[0];
            ci = cur[1];
            conjDiv(wNom * zipv[1], varNom * zipv[4], vr / vmag * vbase, vi / vmag * vbase);
            cr += cur[0];
            ci += cur[1];
            conjDiv(wNom * zipv[2], varNom * zipv[5], vr, vi);
            cur[0] += cr;
            cur[1] += ci;
        }
        if (zipv[6] > 0.0) {
            // low-voltage drop-out: smooth step at ZIPV[7] pu
            double vx = 500.0 * (vmag / vbase - zipv[6]);
            if (vx < 20) {
                double evx = Math.exp(2 * vx);
                double yv = 0.5 * (1 + (evx - 1) / (evx + 1));
                cur[0] *= yv;
                cur[1] *= yv;
            }
        }
    }

    /** Interpolated admittance between vlowpu and vminpu (into cur): constant-power or constant-current end. */
    private void interp95(double vmag, boolean constantCurrent) {
        double vbLow = vlowpu * vbase;
        double vb95 = vminpu * vbase;
        double iLowR = yeqR * vbLow;
        double iLowI = yeqI * vbLow;
        double endR;
        double endI;
        if (constantCurrent) {
            endR = yeqR * vbase;                 // IBase
            endI = yeqI * vbase;
        } else {
            endR = yeqR / (vminpu * vminpu) * vb95;   // I95 = Yeq95 Vbase95
            endI = yeqI / (vminpu * vminpu) * vb95;
        }
        double mR = (endR - iLowR) / (vb95 - vbLow);
        double mI = (endI - iLowI) / (vb95 - vbLow);
        cur[0] = (iLowR + mR * (vmag - vbLow)) / vmag;
        cur[1] = (iLowI + mI * (vmag - vbLow)) / vmag;
    }

    private void mul(double ar, double ai, double vr, double vi) {
        cur[0] = ar * vr - ai * vi;
        cur[1] = ar * vi + ai * vr;
    }

    /** cur = conj((p + j q) / v). */
    private void conjDiv(double p, double q, double vr, double vi) {
        double den = vr * vr + vi * vi;
        double r = (p * vr + q * vi) / den;
        double i = (q * vr - p * vi) / den;
        cur[0] = r;
        cur[1] = -i;
    }
}
