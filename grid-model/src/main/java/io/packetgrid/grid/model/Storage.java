package io.packetgrid.grid.model;

/**
 * A battery with its inverter (OpenDSS Storage, re-derived from Storage.pas
 * CheckStateTriggerLevel, ComputePresentkW, ComputeInverterPower, kWOut_Calc, UpdateStorage,
 * Set_kW and Set_StorageState). Its state is charging, idling or discharging: charging draws
 * {@code %Charge} of {@code kWrated}, discharging delivers {@code %Discharge} of it, idling draws
 * the idling losses ({@code %IdlingkW}); in follow dispatch the shape's value times {@code kWrated}
 * is the power (positive: discharge). Output is capped at {@code %kWrated}, reactive power follows a
 * power factor or a kvar set point within its limits and the kVA rating ({@link Inverter}, which it
 * shares with {@link PvSystem}). At the end of each time step the stored energy moves by the DC power
 * through the efficiencies: {@code -(P + idling)/eta_d h} discharging, {@code +(|P| - idling) eta_c h}
 * charging; the unit idles when it reaches {@code %reserve} or full. Seen from the grid it is a
 * constant-power injection ({@link Generator}'s law, OpenDSS DoConstantPQStorageObj).
 */
public final class Storage implements InverterDer, StateVariables, StorageUnit {

    /** OpenDSS's state values. */
    public static final int CHARGING = -1;
    public static final int IDLING = 0;
    public static final int DISCHARGING = 1;

    /** How the unit is dispatched (OpenDSS DispMode; LoadLevel and Price are not implemented). */
    public enum Dispatch { DEFAULT, FOLLOW, EXTERNAL }

    /**
     * Fixed settings (kV, kW, kVA, kWh, fractions where named so, percents where named so).
     *
     * @param pctKwRatedLimit  output cap as a fraction of kWrated (%kWrated / 100)
     * @param chargeEff        charging efficiency (fraction)
     * @param dischargeEff     discharging efficiency (fraction)
     * @param pctIdlingKw      idling losses, % of kWrated
     * @param dischargeTrigger shape value above which a DEFAULT-dispatched unit discharges (0: none)
     * @param chargeTrigger    shape value below which it charges (0: none)
     * @param chargeTimeH      hour of the day at which it starts charging when a trigger is set
     * @param effCurve         the inverter's efficiency against its DC power in per unit of kVA ({@code EffCurve}),
     *                         null for an ideal inverter
     */
    public record Settings(double kv, double vminpu, double vmaxpu, double kwRated, double kva, double kwhRated,
                           double pctReserve, double pctKwRatedLimit, double chargeEff, double dischargeEff, double pctIdlingKw,
                           double pctCutIn, double pctCutOut, double kvarMax, double kvarMaxAbs, double pctPminNoVars,
                           double pctPminKvarMax, boolean wattPriority, boolean pfPriority, boolean varFollowInverter,
                           Dispatch dispatch, double dischargeTrigger, double chargeTrigger, double chargeTimeH, double kvDc,
                           XyCurve effCurve) {
    }

    private static final String[] NAMES = {"kWh", "State", "kWOut", "kWIn", "kvarOut", "DCkW", "kWTotalLosses", "kWInvLosses",
        "kWIdlingLosses", "kWChDchLosses", "kWh Chng", "InvEff", "InverterON", "Vref", "Vavg (DRC)", "VV Oper", "VW Oper",
        "DRC Oper", "VV_DRC Oper", "WP Oper", "WV Oper", "kWDesired", "kW VW Limit", "Limit kWOut Function", "kVA Exceeded",
        "Grid voltage", "di/dt", "it", "it History", "Rated VDC", "Avg duty cycle", "Target (Amps)", "Series L",
        "Max. Amps (phase)"};

    private final String name;
    private final Connection connection;
    private final int phases;
    private final Settings s;
    private final Generator injection;
    private final double vbase;
    private final double kwhReserve;
    private final double pIdling;
    /** What idling draws on the AC side: the idling losses through the inverter (Storage.pas kWOutIdling). */
    private final double kwOutIdling;
    private final Inverter inverter;

    private int state;
    private int stateDesired;
    private double kwhStored;
    private final double definedKwhStored;
    private double kwhBeforeUpdate;
    private double pctKwOut;
    private double pctKwIn;
    private double shapeFactor = 1.0;
    private double kwOut;               // the active power asked of the inverter (ComputePresentkW, kWOut_Calc)
    private double dcKw;
    private double solvedKw;
    private double solvedKvar;

    public Storage(String name, Connection connection, int phases, boolean delta, Settings settings, int state, double kwhStored,
                   double pctDischarge, double pctCharge, double pf, boolean kvarMode, double kvar) {
        this.name = name;
        this.connection = connection;
        this.phases = phases;
        this.s = settings;
        this.injection = new Generator(name, connection, phases, delta, settings.kv(), settings.vminpu(), settings.vmaxpu());
        this.vbase = (phases == 2 || phases == 3) ? settings.kv() * 1000.0 / Math.sqrt(3.0) : settings.kv() * 1000.0;
        this.kwhReserve = settings.kwhRated() * settings.pctReserve() * 0.01;
        this.pIdling = settings.pctIdlingKw() * settings.kwRated() / 100.0;
        this.kwOutIdling = settings.effCurve() == null ? pIdling : pIdling / settings.effCurve().yAt(pIdling / settings.kva());
        Inverter.Ratings ratings = Inverter.Ratings.of(settings.kwRated(), settings.kva(), settings.pctCutIn(),
                settings.pctCutOut(), settings.kvarMax(), settings.kvarMaxAbs(), settings.pctPminNoVars(),
                settings.pctPminKvarMax(), settings.wattPriority(), settings.varFollowInverter());
        this.inverter = new Inverter(ratings, Inverter.Variant.STORAGE, pf, kvarMode, kvar, settings.pfPriority());
        this.state = state;
        this.kwhStored = kwhStored;
        this.definedKwhStored = kwhStored;
        this.kwhBeforeUpdate = settings.kwhRated();   // Storage.pas: set with kWhrated (and at creation), not by %stored or kWhstored
        this.pctKwOut = pctDischarge;
        this.pctKwIn = pctCharge;
        updateOutput();
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

    public Settings settings() {
        return s;
    }

    @Override
    public boolean enabled() {
        return injection.enabled();
    }

    /** Takes the unit out of the solve (zero current) or back in, e.g. while a grid-forming source stands for it. */
    public void setEnabled(boolean on) {
        injection.setEnabled(on);
    }

    // ---------------------------------------------------------------- ratings and energy

    @Override
    public double kwRated() {
        return s.kwRated();
    }

    @Override
    public double kvaRated() {
        return s.kva();
    }

    @Override
    public double kwhRated() {
        return s.kwhRated();
    }

    @Override
    public double kwhStored() {
        return kwhStored;
    }

    /** The stored energy before the last end of a time step (kWh), for the {@code kWh Chng} state variable. */
    public double kwhBeforeUpdate() {
        return kwhBeforeUpdate;
    }

    /** A unit rebuilt after an edit continues from its predecessor's last update (OpenDSS edits in place). */
    public void continueFrom(double kwhBeforeUpdate) {
        this.kwhBeforeUpdate = kwhBeforeUpdate;
    }

    /** Sets the stored energy (kWh), clamped to 0..kWhrated. */
    @Override
    public void setKwhStored(double kwh) {
        kwhStored = Math.max(0.0, Math.min(s.kwhRated(), kwh));
    }

    /** The stored energy the script defined ({@code kWhstored}/{@code %stored}), kWh: where a new run starts. */
    public double definedKwhStored() {
        return definedKwhStored;
    }

    /** Energy below which the unit does not discharge (kWh). */
    @Override
    public double kwhReserve() {
        return kwhReserve;
    }

    /** State of charge, % of kWhrated. */
    @Override
    public double socPct() {
        return kwhStored / s.kwhRated() * 100.0;
    }

    @Override
    public double chargeEfficiency() {
        return s.chargeEff();
    }

    @Override
    public double dischargeEfficiency() {
        return s.dischargeEff();
    }

    /** {@link #CHARGING}, {@link #IDLING} or {@link #DISCHARGING}. */
    public int state() {
        return state;
    }

    /**
     * Requests a state (OpenDSS Set_StorageState): charging only below full, discharging only above
     * the reserve, else idling.
     */
    public void setState(int requested) {
        if (requested == CHARGING) {
            state = kwhStored < s.kwhRated() ? CHARGING : IDLING;
        } else if (requested == DISCHARGING) {
            state = kwhStored > kwhReserve ? DISCHARGING : IDLING;
        } else {
            state = IDLING;
        }
    }

    /**
     * Dispatches a power (kW, positive: discharge), as OpenDSS's {@code kW} property does (Set_kW):
     * the state from its sign and {@code %Discharge}/{@code %Charge} from its size. The output is
     * then limited by the energy left, {@code %kWrated} and the kVA rating.
     */
    public void dispatchKw(double kw) {
        if (kw > 0) {
            state = DISCHARGING;
            pctKwOut = kw / s.kwRated() * 100.0;
        } else if (kw < 0) {
            state = CHARGING;
            pctKwIn = Math.abs(kw) / s.kwRated() * 100.0;
        } else {
            state = IDLING;
        }
    }

    /**
     * The shape's value for the present time (OpenDSS CalcDailyMult and siblings): follow dispatch
     * takes the state from its sign and the power from its size; default dispatch compares it with
     * the triggers; external dispatch ignores it.
     */
    public void applyShape(double level, double timeOfDayH, double stepH) {
        shapeFactor = level;
        checkStateTriggerLevel(level, timeOfDayH, stepH);
    }

    /** Snapshot: no shape, the state stays (OpenDSS ShapeFactor = 1 without a state check). */
    public void noShape() {
        shapeFactor = 1.0;
    }

    /** OpenDSS CheckStateTriggerLevel. */
    private void checkStateTriggerLevel(double level, double timeOfDayH, double stepH) {
        if (s.dispatch() == Dispatch.EXTERNAL) {
            return;
        }
        if (s.dispatch() == Dispatch.FOLLOW) {
            if (level > 0.0 && (kwhStored - kwhReserve) > 1e-12) {
                setState(DISCHARGING);
            } else if (level < 0.0 && (kwhStored - s.kwhRated()) < -1e-12) {
                setState(CHARGING);
            } else {
                setState(IDLING);
            }
            return;
        }
        if (s.chargeTrigger() == 0.0 && s.dischargeTrigger() == 0.0) {
            return;
        }
        if (state == CHARGING && s.chargeTrigger() != 0.0 && (s.chargeTrigger() < level || kwhStored >= s.kwhRated())) {
            state = IDLING;
        } else if (state == DISCHARGING && s.dischargeTrigger() != 0.0 && (s.dischargeTrigger() > level || kwhStored <= kwhReserve)) {
            state = IDLING;
        }
        if (state == IDLING) {
            if (s.dischargeTrigger() != 0.0 && s.dischargeTrigger() < level && kwhStored > kwhReserve) {
                state = DISCHARGING;
            } else if (s.chargeTrigger() != 0.0 && s.chargeTrigger() > level && kwhStored < s.kwhRated()) {
                state = CHARGING;
            }
            if (state != CHARGING && s.chargeTimeH() > 0.0 && Math.abs(timeOfDayH - s.chargeTimeH()) < stepH) {
                state = CHARGING;
            }
        }
    }

    // ---------------------------------------------------------------- InverterDer

    @Override
    public Inverter inverter() {
        return inverter;
    }

    @Override
    public double vbase() {
        return vbase;
    }

    @Override
    public double dcKwRated() {
        return s.kwRated();
    }

    @Override
    public double pctDcKwRated() {
        return s.pctKwRatedLimit();
    }

    /** The efficiency curve at the present DC power, 1 without one (Storage.pas Update_EfficiencyFactor). */
    @Override
    public double efficiency() {
        return s.effCurve() == null ? 1.0 : s.effCurve().yAt(Math.abs(dcKw) / s.kva());
    }

    @Override
    public double dcKw() {
        return dcKw;
    }

    // ---------------------------------------------------------------- output

    @Override
    public void updateOutput() {
        computePresentKw();
        computeInverterPower();
        injection.setNominal(inverter.kw(), inverter.kvar());
    }

    /** OpenDSS ComputePresentkW. */
    private void computePresentKw() {
        stateDesired = state;
        if (state == CHARGING) {
            if (kwhStored < s.kwhRated()) {
                if (s.dispatch() == Dispatch.FOLLOW) {
                    kwOut = s.kwRated() * shapeFactor;
                    pctKwIn = Math.abs(shapeFactor) * 100.0;
                } else {
                    kwOut = -s.kwRated() * pctKwIn / 100.0;
                }
            } else {
                state = IDLING;
            }
        } else if (state == DISCHARGING) {
            if (kwhStored > kwhReserve) {
                if (s.dispatch() == Dispatch.FOLLOW) {
                    kwOut = s.kwRated() * shapeFactor;
                    pctKwOut = Math.abs(shapeFactor) * 100.0;
                } else {
                    kwOut = s.kwRated() * pctKwOut / 100.0;
                }
            } else {
                state = IDLING;
            }
        }
        if (state == IDLING) {
            kwOut = -kwOutIdling;
        }
    }

    /**
     * OpenDSS Storage.pas ComputeInverterPower: the |kW| asked switches the inverter (cut-in/cut-out, compared
     * on the AC side: with an efficiency curve the thresholds times the efficiency there while discharging,
     * divided by it otherwise); off, the unit idles at its idling losses; on, kWOut_Calc caps the kW; the
     * inverter limits the rest.
     */
    private void computeInverterPower() {
        double cutIn = inverter.ratings().cutInKw();
        double cutOut = inverter.ratings().cutOutKw();
        XyCurve eff = s.effCurve();
        if (eff != null) {
            double effIn = eff.yAt(Math.abs(cutIn) / s.kva());
            double effOut = eff.yAt(Math.abs(cutOut) / s.kva());
            cutIn = state == DISCHARGING ? cutIn * effIn : cutIn / effIn;
            cutOut = state == DISCHARGING ? cutOut * effOut : cutOut / effOut;
        }
        if (!inverter.switchAt(Math.abs(kwOut), cutIn, cutOut)) {
            state = IDLING;
        }
        if (inverter.on()) {
            kwOutCalc();
        } else {
            kwOut = -kwOutIdling;
        }
        inverter.output(kwOut, cutOut, state == IDLING);
    }

    /** OpenDSS Storage kWOut_Calc: the %kWrated cap, or the volt-watt limit when it is lower. */
    private void kwOutCalc() {
        double limit = state == DISCHARGING ? s.kwRated() * s.pctKwRatedLimit() : -s.kwRated() * s.pctKwRatedLimit();
        double kwRequested = inverter.kwRequested();
        if (inverter.voltWattMode() && state != IDLING && kwRequested >= 0.0 && Math.abs(kwRequested) < Math.abs(limit)) {
            limit = state == DISCHARGING ? kwRequested : -kwRequested;
        }
        if (limit > 0 && kwOut > limit) {
            kwOut = limit;
        } else if (limit < 0 && kwOut < limit) {
            kwOut = limit;
        }
    }

    // ---------------------------------------------------------------- the end of a time step

    /**
     * The DC power behind the solved terminal power {@code terminalKw} (into the element), signed by the
     * state (OpenDSS ComputeDCkW). With an efficiency curve {@code eff(x) = a x + b} on the segment at
     * {@code x = |DC|/kVA}: discharging, the larger root of {@code (a/kVA) DC^2 + b DC - |P| = 0}
     * ({@code |P| = DC eff}); charging or idling, {@code DC = |DC| b / (1 - a |DC|/kVA)} from {@code DC = |P|}.
     * Repeated while both coefficients change, as OpenDSS does (it would not stop if they never settled; here
     * at 100 rounds).
     */
    private double computeDcKw(double terminalKw) {
        double dc = terminalKw;
        XyCurve eff = s.effCurve();
        if (eff != null) {
            double kva = s.kva();
            double[] guess = {0.0, 0.0};
            double[] line = {1.0, 1.0};
            for (int round = 0; line[0] != guess[0] && line[1] != guess[1] && round < 100; round++) {
                guess = eff.lineAt(Math.abs(dc) / kva);
                if (state == DISCHARGING) {
                    dc = largerRoot(guess[0] / kva, guess[1], -Math.abs(terminalKw));
                } else {
                    dc = Math.abs(dc) * guess[1] / (1.0 - guess[0] * Math.abs(dc) / kva);
                }
                line = eff.lineAt(Math.abs(dc) / kva);
            }
        }
        return state == IDLING ? -Math.abs(dc) : Math.abs(dc) * state;
    }

    /** The larger root of {@code a x^2 + b x + c = 0}; {@code -c/b} when a is 0 (Utilities.pas QuadSolver). */
    private static double largerRoot(double a, double b, double c) {
        if (a == 0.0) {
            return b != 0.0 ? -c / b : 0.0;
        }
        double mid = Math.sqrt(b * b - 4.0 * a * c);
        return Math.max((-b + mid) / (2.0 * a), (-b - mid) / (2.0 * a));
    }

    /**
     * Moves the stored energy by one step of {@code hours} at the solved terminal power
     * {@code terminalKw} (into the element: negative while discharging), OpenDSS ComputeDCkW and
     * UpdateStorage.
     */
    public void endOfStep(double terminalKw, double hours) {
        solvedKw = terminalKw;
        kwhBeforeUpdate = kwhStored;
        dcKw = computeDcKw(terminalKw);
        double idling = state == IDLING ? Math.abs(dcKw) : pIdling;
        if (state == DISCHARGING) {
            kwhStored -= (dcKw + idling) / s.dischargeEff() * hours;
            if (kwhStored < kwhReserve) {
                kwhStored = kwhReserve;
                state = IDLING;
            }
        } else if (state == CHARGING) {
            if (Math.abs(dcKw) - idling >= 0) {
                kwhStored += (Math.abs(dcKw) - idling) * s.chargeEff() * hours;
                if (kwhStored > s.kwhRated()) {
                    kwhStored = s.kwhRated();
                    state = IDLING;
                }
            } else {
                kwhStored += (Math.abs(dcKw) - idling) / s.dischargeEff() * hours;
                if (kwhStored < kwhReserve) {
                    kwhStored = kwhReserve;
                    state = IDLING;
                }
            }
        }
    }

    /**
     * Records the solved terminal power (kW and kvar into the element) for the state variables,
     * which OpenDSS reads from the solution (Power[1]).
     */
    public void observe(double terminalKw, double terminalKvar) {
        solvedKw = terminalKw;
        solvedKvar = terminalKvar;
        dcKw = computeDcKw(terminalKw);
    }

    // ---------------------------------------------------------------- PowerConversion

    @Override
    public void linearY(double[] re, double[] im) {
        injection.linearY(re, im);
    }

    @Override
    public void compensation(double[] vr, double[] vi, double[] ir, double[] ii) {
        injection.compensation(vr, vi, ir, ii);
    }

    @Override
    public void terminalCurrent(double[] vr, double[] vi, double[] ir, double[] ii) {
        injection.terminalCurrent(vr, vi, ir, ii);
    }

    // ---------------------------------------------------------------- monitor mode 3

    @Override
    public String[] variableNames() {
        return NAMES.clone();
    }

    /** OpenDSS Storage Get_Variable (the inverter-dynamics variables at rest). */
    @Override
    public void variables(double[] out) {
        java.util.Arrays.fill(out, 0.0);
        out[0] = kwhStored;
        out[1] = state;
        double p = Math.abs(solvedKw);
        out[2] = state == DISCHARGING ? p : 0.0;
        out[3] = state == DISCHARGING ? 0.0 : p;
        out[4] = -solvedKvar;
        out[5] = dcKw;
        double idling = state == IDLING ? Math.abs(dcKw) : pIdling;
        double chDch = switch (state) {
            case CHARGING -> Math.abs(dcKw) - pIdling > 0 ? (Math.abs(dcKw) - pIdling) * (1.0 - s.chargeEff())
                    : -(Math.abs(dcKw) - pIdling) * (1.0 / s.dischargeEff() - 1.0);
            case DISCHARGING -> (dcKw + pIdling) * (1.0 / s.dischargeEff() - 1.0);
            default -> 0.0;
        };
        double inverterLosses = state == DISCHARGING ? dcKw - p : p - Math.abs(dcKw);
        out[6] = idling + inverterLosses + chDch;
        out[7] = inverterLosses;
        out[8] = idling;
        out[9] = chDch;
        out[10] = kwhStored - kwhBeforeUpdate;
        out[11] = efficiency();
        out[12] = inverter.on() ? 1.0 : 0.0;
        out[13] = inverter.vreg();
        out[14] = 9999;
        out[15] = inverter.voltVarOperation();
        out[16] = inverter.voltWattOperation();
        out[17] = 9999;
        out[18] = 9999;
        out[19] = 9999;
        out[20] = 9999;
        out[21] = stateDesired == CHARGING ? -pctKwIn * s.kwRated() / 100.0
                : stateDesired == DISCHARGING ? pctKwOut * s.kwRated() / 100.0 : 0.0;
        out[22] = inverter.voltWattMode() ? inverter.kwRequested() : 9999;
        out[23] = s.pctKwRatedLimit() * s.kwRated();
        out[24] = inverter.kvaExceeded() ? 1.0 : 0.0;
        out[29] = s.kvDc() * 1000.0;
    }
}
