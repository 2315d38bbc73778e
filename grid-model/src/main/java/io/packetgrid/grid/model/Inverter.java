package io.packetgrid.grid.model;

/**
 * The inverter of a PV system or a storage unit (OpenDSS TInvBasedPCE): its cut-in/cut-out state,
 * the reactive set point (a power factor, or kvar a control requested), the flags and limits an
 * inverter control writes, and the output that results, re-derived from the shared part of
 * PVsystem.pas and Storage.pas ComputeInverterPower: no reactive power below {@code PminNoVars}, a
 * reactive limit ramping up to {@code PminkvarLimit}, the {@code kvarMax}/{@code kvarMaxAbs} limits
 * (with power-factor priority keeping the power factor when they bind), then the kVA rating with
 * power-factor, watt or (by default) reactive priority. The two Pascal copies differ in three
 * details, kept as {@link Variant}; storage adds an idling state (active power is then the idling
 * losses and reactive power only checks its limits).
 */
public final class Inverter {

    /**
     * The inverter's ratings (OpenDSS FkVArating, Fkvarlimit, Fkvarlimitneg, CutInkW, CutOutkW,
     * PminNoVars, PminkvarLimit, P_Priority, VarFollowInverter), kW, kVA and kvar.
     *
     * @param pminNoVars    no reactive power below this |kW| (-1: off)
     * @param pminKvarLimit the reactive limit ramps from 0 up to its full value at this |kW| (-1: off)
     */
    public record Ratings(double kva, double kvarMax, double kvarMaxAbs, double cutInKw, double cutOutKw, double pminNoVars,
                          double pminKvarLimit, boolean wattPriority, boolean varFollowInverter) {

        /**
         * From the element's percent settings: cut-in/cut-out as % of kVA, {@code %PminNoVars} and
         * {@code %PminkvarMax} as % of the DC rating (Pmpp or kWrated), a percent of 0 or less
         * turning that function off (PVsystem.pas and Storage.pas RecalcElementData).
         */
        public static Ratings of(double dcKwRated, double kva, double pctCutIn, double pctCutOut, double kvarMax,
                                 double kvarMaxAbs, double pctPminNoVars, double pctPminKvarMax, boolean wattPriority,
                                 boolean varFollowInverter) {
            return new Ratings(kva, kvarMax, kvarMaxAbs, pctCutIn * kva / 100.0, pctCutOut * kva / 100.0,
                    pctPminNoVars <= 0 ? -1.0 : pctPminNoVars * dcKwRated / 100.0,
                    pctPminKvarMax <= 0 ? -1.0 : pctPminKvarMax * dcKwRated / 100.0, wattPriority, varFollowInverter);
        }
    }

    /**
     * Where OpenDSS's two ComputeInverterPower copies differ (PVsystem.pas against Storage.pas, DSS C-API).
     *
     * @param rampLimitOnlyWhenClipped a power-factor output below {@code PminkvarLimit} reports the ramp as
     *                                 the present kvar limit only when the ramp clips it (Storage.pas), not
     *                                 whenever it lies on the ramp (PVsystem.pas)
     * @param kvarAtLimitIsLimited     a kvar request equal to {@code kvarMax} counts as reaching the limit
     *                                 ({@code >=} in PVsystem.pas, {@code >} in Storage.pas): with
     *                                 power-factor priority the kW is then recomputed from it
     * @param pfPriorityKeepsKwSign    power-factor priority at the kVA limit keeps the sign of kW (a charging
     *                                 battery, Storage.pas); PVsystem.pas sets {@code kVA x |pf|} (generation)
     */
    public record Variant(boolean rampLimitOnlyWhenClipped, boolean kvarAtLimitIsLimited, boolean pfPriorityKeepsKwSign) {
        public static final Variant PV_SYSTEM = new Variant(false, true, false);
        public static final Variant STORAGE = new Variant(true, false, true);
    }

    private final Ratings r;
    private final Variant variant;

    // set points
    private double pfNominal;
    private boolean varModeKvar;
    private double kvarRequested;
    private double kwRequested;
    private boolean vvMode;
    private boolean vwMode;
    private boolean pfPriority;

    // state and output
    private boolean on = true;
    private double kw;
    private double kvar;
    private double currentKvarLimit;
    private double currentKvarLimitNeg;
    private boolean kvaExceeded;

    // values the inverter control reports (OpenDSS Set_Variable): 9999 until a control writes them
    private double vreg = 9999;
    private double vvOperation = 9999;
    private double vwOperation = 9999;

    /**
     * @param pf         power factor (used unless {@code kvarMode})
     * @param kvarMode   reactive power given as kvar rather than a power factor
     * @param kvar       kvar set point of kvar mode
     * @param pfPriority power-factor priority (PFPriority)
     */
    public Inverter(Ratings ratings, Variant variant, double pf, boolean kvarMode, double kvar, boolean pfPriority) {
        this.r = ratings;
        this.variant = variant;
        this.pfNominal = pf;
        this.varModeKvar = kvarMode;
        this.kvarRequested = kvar;
        this.pfPriority = pfPriority;
    }

    public Ratings ratings() {
        return r;
    }

    // ---------------------------------------------------------------- set points

    /** Back to a power factor (OpenDSS {@code pf=}); ends a kvar set point. */
    public void setPowerFactor(double pf) {
        pfNominal = pf;
        varModeKvar = false;
    }

    /** A control takes over the reactive power: {@code kvar} requested, kvar mode (OpenDSS varMode := VARMODEKVAR). */
    public void requestKvar(double kvar) {
        varModeKvar = true;
        kvarRequested = kvar;
    }

    /** A volt-watt limit (kW), in force while the volt-watt flag is set (OpenDSS kWRequested). */
    public void limitKw(double kw) {
        kwRequested = kw;
    }

    public double kwRequested() {
        return kwRequested;
    }

    public void setPfPriority(boolean on) {
        pfPriority = on;
    }

    public void setControlModes(boolean voltVar, boolean voltWatt) {
        vvMode = voltVar;
        vwMode = voltWatt;
    }

    public void clearControlModes() {
        vvMode = false;
        vwMode = false;
    }

    /** Whether a volt-watt function limits the active power now (OpenDSS VWmode). */
    public boolean voltWattMode() {
        return vwMode;
    }

    /** What an inverter control reports into the state variables (Vreg in pu, operation flags). */
    public void report(double vregPu, double voltVarOperation, double voltWattOperation) {
        vreg = vregPu;
        vvOperation = voltVarOperation;
        vwOperation = voltWattOperation;
    }

    public double vreg() {
        return vreg;
    }

    public double voltVarOperation() {
        return vvOperation;
    }

    public double voltWattOperation() {
        return vwOperation;
    }

    // ---------------------------------------------------------------- state and output

    /**
     * Cut-in/cut-out with hysteresis: an inverter that is on turns off below {@code CutOutkW}, one that
     * is off turns on at {@code CutInkW} or more (ComputeInverterPower, "Determine state of the
     * inverter"). PV compares the panel's DC power, storage the |kW| it would deliver.
     *
     * @return whether the inverter is on now
     */
    public boolean switchAt(double kw) {
        return switchAt(kw, r.cutInKw(), r.cutOutKw());
    }

    /** {@link #switchAt(double)} against thresholds on the AC side (a storage unit with an efficiency curve). */
    public boolean switchAt(double kw, double cutInKw, double cutOutKw) {
        if (on) {
            if (kw < cutOutKw) {
                on = false;
            }
        } else if (kw >= cutInKw) {
            on = true;
        }
        return on;
    }

    public boolean on() {
        return on;
    }

    /** Output (kW, positive = into the grid) after all limits. */
    public double kw() {
        return kw;
    }

    /** Output (kvar, positive = into the grid) after all limits. */
    public double kvar() {
        return kvar;
    }

    /** Injection limit for the present active power (kvarMax, the ramp below PminkvarLimit, 0 below PminNoVars). */
    public double currentKvarLimit() {
        return currentKvarLimit;
    }

    public double currentKvarLimitNeg() {
        return currentKvarLimitNeg;
    }

    /** Whether the last output reached the kVA rating (within 0.05 %), OpenDSS kVA_exceeded. */
    public boolean kvaExceeded() {
        return kvaExceeded;
    }

    /**
     * Sets the output from the active power the source asks for: reactive power from the set point
     * within its limits, then both within the kVA rating (ComputeInverterPower after the cut-in
     * check). A reactive output no branch sets keeps its last value, as in OpenDSS.
     *
     * @param kwDesired  active power before the reactive and kVA limits (kW)
     * @param cutOutKwAc the cut-out power on the AC side, where the kvar ramp starts (kW)
     * @param idling     a storage unit in its idling state
     */
    public void output(double kwDesired, double cutOutKwAc, boolean idling) {
        currentKvarLimit = r.kvarMax();
        currentKvarLimitNeg = r.kvarMaxAbs();
        kw = kwDesired;
        double tempPf = 0.0;
        if (idling) {
            idlingKvar();
        } else if (Math.abs(kw) < r.pminNoVars()) {
            kvar = 0.0;
            currentKvarLimit = 0.0;
            currentKvarLimitNeg = 0.0;
        } else if (!varModeKvar) {
            powerFactorKvar(cutOutKwAc);
        } else {
            tempPf = requestedKvar(cutOutKwAc);
        }
        if (!on && r.varFollowInverter()) {
            kvar = 0.0;
        }
        // PVsystem.pas repeats this check after the kVA limit; with the inverter off its kW is 0, so the
        // kVA limit cannot bind there and the repeat changes nothing
        limitToKva(tempPf, idling);
    }

    /** Storage.pas, idling: only the kvar limits apply. */
    private void idlingKvar() {
        if (!varModeKvar) {
            kvar = kw * Math.sqrt(1.0 / (pfNominal * pfNominal) - 1.0) * Math.signum(pfNominal);
            if (kvar > 0.0 && Math.abs(kvar) > r.kvarMax()) {
                kvar = r.kvarMax();
            } else if (kvar < 0.0 && Math.abs(kvar) > r.kvarMaxAbs()) {
                kvar = r.kvarMaxAbs() * Math.signum(kvarRequested);
            }
        } else if (kvarRequested > 0.0 && Math.abs(kvarRequested) > r.kvarMax()) {
            kvar = r.kvarMax();
        } else if (kvarRequested < 0.0 && Math.abs(kvarRequested) > r.kvarMaxAbs()) {
            kvar = r.kvarMaxAbs() * Math.signum(kvarRequested);
        } else {
            kvar = kvarRequested;
        }
    }

    /** varMode = VARMODEPF. */
    private void powerFactorKvar(double cutOutKwAc) {
        if (pfNominal == 1.0) {
            kvar = 0.0;
            return;
        }
        kvar = kw * Math.sqrt(1.0 / (pfNominal * pfNominal) - 1.0) * Math.signum(pfNominal);
        if (Math.abs(kw) < r.pminKvarLimit()) {
            // the ramp starts at max(PminNoVars, CutOutkWAC)
            if (Math.abs(kw) >= Math.max(r.pminNoVars(), cutOutKwAc)) {
                double ramp = kvar > 0.0 ? r.kvarMax() / r.pminKvarLimit() * Math.abs(kw)
                        : kvar < 0.0 ? r.kvarMaxAbs() / r.pminKvarLimit() * Math.abs(kw) : 0.0;
                if (!variant.rampLimitOnlyWhenClipped()) {
                    reportRamp(kvar, ramp);
                }
                if (Math.abs(kvar) > ramp) {
                    kvar = ramp * Math.signum(kw) * Math.signum(pfNominal);
                    if (variant.rampLimitOnlyWhenClipped()) {
                        reportRamp(kvar, ramp);
                    }
                }
            }
        } else if (Math.abs(kvar) > r.kvarMax() || Math.abs(kvar) > r.kvarMaxAbs()) {
            kvar = (kvar > 0.0 ? r.kvarMax() : r.kvarMaxAbs()) * Math.signum(kw) * Math.signum(pfNominal);
            if (pfPriority) {
                kw = kvar * Math.sqrt(1.0 / (1.0 - pfNominal * pfNominal) - 1.0) * Math.signum(pfNominal);
            }
        }
    }

    private void reportRamp(double kvarSign, double ramp) {
        if (kvarSign > 0.0) {
            currentKvarLimit = ramp;
        } else if (kvarSign < 0.0) {
            currentKvarLimitNeg = ramp;
        }
    }

    /**
     * varMode = VARMODEKVAR.
     *
     * @return the power factor the request implies when its kvar limit binds under power-factor
     *         priority (OpenDSS TempPF), else 0
     */
    private double requestedKvar(double cutOutKwAc) {
        if (Math.abs(kw) < r.pminKvarLimit()) {
            if (Math.abs(kw) >= Math.max(r.pminNoVars(), cutOutKwAc)) {
                double ramp = 0.0;
                if (kvarRequested > 0.0) {
                    ramp = r.kvarMax() / r.pminKvarLimit() * Math.abs(kw);
                    currentKvarLimit = ramp;
                } else if (kvarRequested < 0.0) {
                    ramp = r.kvarMaxAbs() / r.pminKvarLimit() * Math.abs(kw);
                    currentKvarLimitNeg = ramp;
                }
                kvar = Math.abs(kvarRequested) > ramp ? ramp * Math.signum(kvarRequested) : kvarRequested;
            }
            return 0.0;
        }
        if (reachesLimit(kvarRequested, r.kvarMax()) || reachesLimit(-kvarRequested, r.kvarMaxAbs())) {
            kvar = (kvarRequested > 0.0 ? r.kvarMax() : r.kvarMaxAbs()) * Math.signum(kvarRequested);
            if (pfPriority && Math.abs(kvarRequested) > 0.0) {
                // constant power factor when the kvar limit binds (the volt-var function keeps no PF priority)
                double tempPf = Math.cos(Math.atan(Math.abs(kvarRequested / kw)));
                kw = Math.abs(kvar) * Math.sqrt(1.0 / (1.0 - tempPf * tempPf) - 1.0) * Math.signum(kw);
                return tempPf;
            }
            return 0.0;
        }
        kvar = kvarRequested;
        return 0.0;
    }

    /** A positive request {@code q} against its limit. */
    private boolean reachesLimit(double q, double limit) {
        return q > 0.0 && (variant.kvarAtLimitIsLimited() ? Math.abs(q) >= limit : Math.abs(q) > limit);
    }

    /** Limit kvar and kW so that the kVA rating is not exceeded. */
    private void limitToKva(double tempPf, boolean idling) {
        double kva = r.kva();
        double kvaGen = Math.hypot(kw, kvar);
        if (!(kvaGen > kva)) {
            kvaExceeded = Math.abs(kvaGen - kva) / kva < 0.0005;
            return;
        }
        kvaExceeded = true;
        if (idling) {
            // Storage.pas: an idling unit always keeps its (loss) kW
            kvar = Math.sqrt(kva * kva - kw * kw) * Math.signum(kvar);
        } else if (!varModeKvar && pfPriority) {
            if (variant.pfPriorityKeepsKwSign()) {
                kw = kva * Math.abs(pfNominal) * Math.signum(kw);
                kvar = kva * Math.sqrt(1 - pfNominal * pfNominal) * Math.signum(kw) * Math.signum(pfNominal);
            } else {
                kw = kva * Math.abs(pfNominal);
                kvar = kva * Math.sqrt(1 - pfNominal * pfNominal) * Math.signum(pfNominal);
            }
        } else if (varModeKvar && pfPriority) {
            if (Math.abs(kvar) == r.kvarMax()) {
                kw = kva * Math.abs(tempPf) * Math.signum(kw);
            } else {
                kw = kva * Math.abs(Math.cos(Math.atan(kvarRequested / kw))) * Math.signum(kw);
            }
            kvar = kva * Math.abs(Math.sin(Math.acos(kw / kva))) * Math.signum(kvarRequested);
        } else if (r.wattPriority()) {
            if (kw > kva) {
                kw = kva;
                kvar = 0.0;
            } else {
                kvar = Math.sqrt(kva * kva - kw * kw) * Math.signum(kvar);
            }
        } else {
            kw = Math.sqrt(kva * kva - kvar * kvar) * Math.signum(kw);
        }
    }
}
