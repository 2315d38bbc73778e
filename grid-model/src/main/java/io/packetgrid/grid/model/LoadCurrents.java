package io.packetgrid.grid.model;

/**
 * The currents of a {@link Load}: the one implementation of its voltage-dependent models, used by
 * a single load and by the power flow's {@link LoadBank}. A load's parameters and nominal state
 * are a block of {@link #WIDTH} doubles (layout: the constants below) so that many loads can lie
 * in one flat array. Formulas: OpenDSS Load.pas (DoConstantPQLoad, DoConstantZLoad,
 * DoConstantILoad, DoMotorTypeLoad, DoCVRModel, DoFixedQ, DoFixedQZ, DoZIPVModel), re-derived;
 * see {@link Load} for the edges of the voltage range.
 */
final class LoadCurrents {
    // what constant power reads first (one cache line), the rest after
    static final int VBASE = 0;      // volts across one phase branch
    static final int VLOWPU = 1;
    static final int VMINPU = 2;
    static final int VMAXPU = 3;
    static final int W_NOM = 4;      // nominal power per phase, W and var
    static final int VAR_NOM = 5;
    static final int YEQ_R = 6;      // nominal admittance per phase
    static final int YEQ_I = 7;
    static final int VARBASE = 8;    // fixed-Q models: base kvar per phase in var
    static final int CVR_WATTS = 9;
    static final int CVR_VARS = 10;
    static final int ZIPV = 11;      // 7 coefficients (model 8)
    static final int STATE = W_NOM;  // the nominal state: W_NOM, VAR_NOM, YEQ_R, YEQ_I
    static final int STATE_LENGTH = 4;
    static final int WIDTH = 18;

    private LoadCurrents() {
    }

    /** {@code i = Y v} for the dense row-major {@code order x order} matrix at {@code yo} (the linearisation admittance). */
    static void linearProduct(double[] yr, double[] yi, int yo, int order, double[] vr, double[] vi, double[] ir, double[] ii) {
        for (int a = 0; a < order; a++) {
            double sr = 0;
            double si = 0;
            int row = yo + a * order;
            for (int b = 0; b < order; b++) {
                double g = yr[row + b];
                double h = yi[row + b];
                sr += g * vr[b] - h * vi[b];
                si += g * vi[b] + h * vr[b];
            }
            ir[a] = sr;
            ii[a] = si;
        }
    }

    /**
     * Adds {@code sign} times the current drawn by each phase branch into the conductor currents
     * (phase to neutral for wye, the neutral being the last conductor; phase to next phase for delta).
     */
    static void draw(LoadModel model, double[] p, int o, int phases, boolean delta, int nc,
                     double[] vr, double[] vi, double[] ir, double[] ii, double sign, double[] cur) {
        for (int i = 0; i < phases; i++) {
            int j = delta ? (i + 1 >= nc ? 0 : i + 1) : nc - 1;
            double v1 = vr[i] - vr[j];
            double v2 = vi[i] - vi[j];
            if (model == LoadModel.CONSTANT_PQ) {
                constantPq(p, o, v1, v2, cur);
            } else {
                phaseCurrent(model, p, o, v1, v2, cur);
            }
            ir[i] += sign * cur[0];
            ii[i] += sign * cur[1];
            ir[j] -= sign * cur[0];
            ii[j] -= sign * cur[1];
        }
    }

    /** Constant power (model 1), the common case, kept small so that it inlines into the loops above. */
    private static void constantPq(double[] p, int o, double vr, double vi, double[] cur) {
        double vmag = Math.sqrt((vr) * (vr) + (vi) * (vi));
        double vbase = p[o + VBASE];
        double vbLow = p[o + VLOWPU] * vbase;
        double vb95 = p[o + VMINPU] * vbase;
        double vmaxpu = p[o + VMAXPU];
        double vb105 = vmaxpu * vbase;
        if (vmag <= vbLow) {
            mul(p[o + YEQ_R], p[o + YEQ_I], vr, vi, cur);
        } else if (vmag <= vb95) {
            interp95(p, o, vmag, false, cur);
            mul(cur[0], cur[1], vr, vi, cur);
        } else if (vmag > vb105) {
            mul(p[o + YEQ_R] / (vmaxpu * vmaxpu), p[o + YEQ_I] / (vmaxpu * vmaxpu), vr, vi, cur);
        } else {
            conjDiv(p[o + W_NOM], p[o + VAR_NOM], vr, vi, cur);
        }
    }

    /** Current drawn by one phase branch at voltage (vr + j vi) across it, into cur. */
    static void phaseCurrent(LoadModel model, double[] p, int o, double vr, double vi, double[] cur) {
        double vmag = Math.sqrt((vr) * (vr) + (vi) * (vi));
        double vbase = p[o + VBASE];
        double vminpu = p[o + VMINPU];
        double vmaxpu = p[o + VMAXPU];
        double vbLow = p[o + VLOWPU] * vbase;
        double vb95 = vminpu * vbase;
        double vb105 = vmaxpu * vbase;
        double yeqR = p[o + YEQ_R];
        double yeqI = p[o + YEQ_I];
        double wNom = p[o + W_NOM];
        double varNom = p[o + VAR_NOM];
        switch (model) {
            case CONSTANT_Z -> mul(yeqR, yeqI, vr, vi, cur);
            case CONSTANT_PQ -> constantPq(p, o, vr, vi, cur);
            case CONSTANT_I -> {
                if (vmag <= vbLow) {
                    mul(yeqR, yeqI, vr, vi, cur);
                } else if (vmag <= vb95) {
                    interp95(p, o, vmag, true, cur);
                    mul(cur[0], cur[1], vr, vi, cur);
                } else if (vmag > vb105) {
                    mul(yeqR / vmaxpu, yeqI / vmaxpu, vr, vi, cur);
                } else {
                    // conj(S / (V/|V| * Vbase))
                    conjDiv(wNom, varNom, vr / vmag * vbase, vi / vmag * vbase, cur);
                }
            }
            case MOTOR -> {
                if (vmag <= vbLow) {
                    mul(yeqR, yeqI, vr, vi, cur);
                } else if (vmag <= vb95) {
                    interp95(p, o, vmag, false, cur);
                    mul(cur[0], cur[1], vr, vi, cur);
                } else if (vmag > vb105) {
                    mul(yeqR / (vmaxpu * vmaxpu), yeqI / (vmaxpu * vmaxpu), vr, vi, cur);
                } else {
                    conjDiv(wNom, 0, vr, vi, cur);
                    addMul(0, yeqI, vr, vi, cur);
                }
            }
            case CONSTANT_P_FIXED_Q, CONSTANT_P_FIXED_X -> {
                double varBase = p[o + VARBASE];
                double yqFixed = -varBase / (vbase * vbase);
                if (vmag <= vbLow) {
                    mul(yeqR, yeqI, vr, vi, cur);
                } else if (vmag <= vb95) {
                    mul(yeqR / (vminpu * vminpu), yqFixed, vr, vi, cur);
                } else if (vmag > vb105) {
                    mul(yeqR / (vmaxpu * vmaxpu), yqFixed, vr, vi, cur);
                } else if (model == LoadModel.CONSTANT_P_FIXED_Q) {
                    conjDiv(wNom, varBase, vr, vi, cur);
                } else {
                    conjDiv(wNom, 0, vr, vi, cur);
                    addMul(0, yqFixed, vr, vi, cur);
                }
            }
            case CVR -> {
                if (vmag <= vbLow) {
                    mul(yeqR, yeqI, vr, vi, cur);
                } else if (vmag <= vb95) {
                    interp95(p, o, vmag, false, cur);
                    mul(cur[0], cur[1], vr, vi, cur);
                } else if (vmag > vb105) {
                    mul(yeqR / (vmaxpu * vmaxpu), yeqI / (vmaxpu * vmaxpu), vr, vi, cur);
                } else {
                    double cvrWatts = p[o + CVR_WATTS];
                    double cvrVars = p[o + CVR_VARS];
                    double ratio = vmag / vbase;
                    double wf = cvrWatts != 1.0 ? Math.pow(ratio, cvrWatts) : ratio;
                    double pr = 0;
                    double pi = 0;
                    if (wf > 0) {
                        conjDiv(wNom * wf, 0, vr, vi, cur);
                        pr = cur[0];
                        pi = cur[1];
                    }
                    if (vmag == 0) {
                        cur[0] = pr;
                        cur[1] = pi;
                    } else if (cvrVars == 2.0) {
                        mul(0, yeqI, vr, vi, cur);
                        cur[0] += pr;
                        cur[1] += pi;
                    } else {
                        double vf = cvrVars == 3.0 ? ratio * ratio * ratio : Math.pow(ratio, cvrVars);
                        conjDiv(0, varNom * vf, vr, vi, cur);
                        cur[0] += pr;
                        cur[1] += pi;
                    }
                }
            }
            case ZIPV -> zipvCurrent(p, o, vr, vi, vmag, vbLow, vb95, vb105, cur);
            default -> throw new IllegalStateException("load model " + model);
        }
    }

    private static void zipvCurrent(double[] p, int o, double vr, double vi, double vmag, double vbLow, double vb95, double vb105,
                                    double[] cur) {
        double yeqR = p[o + YEQ_R];
        double yeqI = p[o + YEQ_I];
        double vmaxpu = p[o + VMAXPU];
        int z = o + ZIPV;
        if (vmag <= vbLow) {
            mul(yeqR, yeqI, vr, vi, cur);
            return;
        }
        double cr;
        double ci;
        if (vmag <= vb95) {
            double zr = yeqR * p[z];
            double zi = yeqI * p[z + 3];
            interp95(p, o, vmag, false, cur);
            double pr = cur[0] * p[z + 2];
            double pi = cur[1] * p[z + 5];
            interp95(p, o, vmag, true, cur);
            double ir = cur[0] * p[z + 1];
            double ii = cur[1] * p[z + 4];
            mul(zr + pr + ir, zi + pi + ii, vr, vi, cur);
        } else if (vmag > vb105) {
            double y105r = yeqR / (vmaxpu * vmaxpu);
            double y105i = yeqI / (vmaxpu * vmaxpu);
            double g = yeqR * p[z] + y105r * p[z + 2] + yeqR / vmaxpu * p[z + 1];
            double b = yeqI * p[z + 3] + y105i * p[z + 5] + yeqI / vmaxpu * p[z + 4];
            mul(g, b, vr, vi, cur);
        } else {
            double vbase = p[o + VBASE];
            double wNom = p[o + W_NOM];
            double varNom = p[o + VAR_NOM];
            mul(yeqR * p[z], yeqI * p[z + 3], vr, vi, cur);
            cr = cur[0];
            ci = cur[1];
            conjDiv(wNom * p[z + 1], varNom * p[z + 4], vr / vmag * vbase, vi / vmag * vbase, cur);
            cr += cur[0];
            ci += cur[1];
            conjDiv(wNom * p[z + 2], varNom * p[z + 5], vr, vi, cur);
            cur[0] += cr;
            cur[1] += ci;
        }
        if (p[z + 6] > 0.0) {
            // low-voltage drop-out: smooth step at ZIPV[7] pu
            double vx = 500.0 * (vmag / p[o + VBASE] - p[z + 6]);
            if (vx < 20) {
                double evx = Math.exp(2 * vx);
                double yv = 0.5 * (1 + (evx - 1) / (evx + 1));
                cur[0] *= yv;
                cur[1] *= yv;
            }
        }
    }

    /** Interpolated admittance between vlowpu and vminpu (into cur): constant-power or constant-current end. */
    private static void interp95(double[] p, int o, double vmag, boolean constantCurrent, double[] cur) {
        double vbase = p[o + VBASE];
        double vminpu = p[o + VMINPU];
        double yeqR = p[o + YEQ_R];
        double yeqI = p[o + YEQ_I];
        double vbLow = p[o + VLOWPU] * vbase;
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

    private static void mul(double ar, double ai, double vr, double vi, double[] cur) {
        cur[0] = ar * vr - ai * vi;
        cur[1] = ar * vi + ai * vr;
    }

    /** cur += (ar + j ai)(vr + j vi): a shunt part added to a current already in {@code cur}. */
    private static void addMul(double ar, double ai, double vr, double vi, double[] cur) {
        cur[0] += ar * vr - ai * vi;
        cur[1] += ar * vi + ai * vr;
    }

    /** cur = conj((p + j q) / v). */
    private static void conjDiv(double p, double q, double vr, double vi, double[] cur) {
        double den = vr * vr + vi * vi;
        double r = (p * vr + q * vi) / den;
        double i = (q * vr - p * vi) / den;
        cur[0] = r;
        cur[1] = -i;
    }
}
