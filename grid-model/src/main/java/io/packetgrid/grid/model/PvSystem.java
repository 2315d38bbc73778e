package io.packetgrid.grid.model;

/**
 * A PV system (OpenDSS PVSystem, re-derived from PVsystem.pas ComputePanelPower,
 * ComputeInverterPower, kWOut_Calc and SetNominalDEROutput): the panel gives
 * {@code Pmpp x irradiance x shape x P-T factor(temperature)}; the inverter cuts in above
 * {@code %cutin} of its kVA and out below {@code %cutout}, converts with its efficiency curve, caps
 * the output at {@code %Pmpp} (or at a volt-watt limit), adds reactive power at a power factor or a
 * kvar set point within {@code kvarMax}/{@code kvarMaxAbs} (none below {@code %PminNoVars}, a ramp
 * below {@code %PminkvarMax}), and keeps within its kVA giving priority to reactive power unless
 * {@code WattPriority} (or to the power factor with {@code PFPriority}). Seen from the grid it is a
 * constant-power injection of that output between {@code Vminpu} and {@code Vmaxpu}, an impedance
 * outside ({@link Generator}'s law, OpenDSS DoConstantPQPVsystemObj).
 */
public final class PvSystem implements InverterDer, StateVariables {

    /**
     * Fixed settings (units as in OpenDSS: kV, kW, kVA, kvar, per unit, percent where named so).
     *
     * @param kv             rated kV (line to line for 2/3 phases)
     * @param pmpp           panel rating at 1 kW/m2 and 25 C (kW)
     * @param puPmpp         output cap as a fraction of Pmpp (%Pmpp / 100)
     * @param kva            inverter rating
     * @param pctCutIn       cut-in, % of kVA
     * @param pctCutOut      cut-out, % of kVA
     * @param kvarMax        injection limit (kvar)
     * @param kvarMaxAbs     absorption limit (kvar)
     * @param pctPminNoVars  no reactive power below this % of Pmpp (0: off)
     * @param pctPminKvarMax reactive limit ramps up to this % of Pmpp (0: off)
     * @param efficiency     per-unit efficiency against per-unit power (of kVA), or null (ideal)
     * @param powerTemperature per-unit Pmpp against temperature (C), or null
     * @param kvDc           rated DC voltage (kV), reported as a state variable only
     */
    public record Settings(double kv, double vminpu, double vmaxpu, double pmpp, double puPmpp, double kva, double pctCutIn,
                           double pctCutOut, double kvarMax, double kvarMaxAbs, double pctPminNoVars, double pctPminKvarMax,
                           boolean wattPriority, boolean pfPriority, boolean varFollowInverter, XyCurve efficiency,
                           XyCurve powerTemperature, double kvDc) {
    }

    private static final String[] NAMES = {"Irradiance", "PanelkW", "P_TFactor", "Efficiency", "Vreg", "Vavg (DRC)", "volt-var",
        "volt-watt", "DRC", "VV_DRC", "watt-pf", "watt-var", "kW_out_desired", "Grid voltage", "di/dt", "it", "it History",
        "Rated VDC", "Avg duty cycle", "Target (Amps)", "Series L", "Max. Amps (phase)"};

    private final String name;
    private final Connection connection;
    private final int phases;
    private final Settings s;
    private final Generator injection;
    private final double vbase;
    private final double cutInKw;
    private final double cutOutKw;
    private final double pminNoVars;
    private final double pminKvarLimit;

    // state set by shapes and settings
    private double irradiance;          // kW/m2 (the property)
    private double shapeFactor = 1.0;   // irradiance shape multiplier for the present time
    private double temperature;         // C for the present time
    private double pfNominal;
    private boolean varModeKvar;
    private double kvarRequested;
    private double kwRequested;
    private boolean vvMode;
    private boolean vwMode;
    private boolean pfPriority;
    private double puPmpp;

    // outputs
    private boolean inverterOn = true;
    private double panelKw;
    private double tempFactor = 1.0;
    private double effFactor = 1.0;
    private double kwOut;
    private double kvarOut;
    private double currentKvarLimit;
    private double currentKvarLimitNeg;
    // values the inverter control reports (OpenDSS Set_Variable 5, 7, 8): 9999 until a control writes them
    private double vreg = 9999;
    private double vvOperation = 9999;
    private double vwOperation = 9999;

    /**
     * @param pf        power factor (used unless {@code kvarMode})
     * @param kvarMode  reactive power given as kvar rather than a power factor
     * @param kvar      kvar set point of kvar mode
     */
    public PvSystem(String name, Connection connection, int phases, boolean delta, Settings settings, double irradiance,
                    double temperature, double pf, boolean kvarMode, double kvar) {
        this.name = name;
        this.connection = connection;
        this.phases = phases;
        this.s = settings;
        this.injection = new Generator(name, connection, phases, delta, settings.kv(), settings.vminpu(), settings.vmaxpu());
        this.vbase = (phases == 2 || phases == 3) ? settings.kv() * 1000.0 / Math.sqrt(3.0) : settings.kv() * 1000.0;
        this.cutInKw = settings.pctCutIn() * settings.kva() / 100.0;
        this.cutOutKw = settings.pctCutOut() * settings.kva() / 100.0;
        this.pminNoVars = settings.pctPminNoVars() <= 0 ? -1.0 : settings.pctPminNoVars() * settings.pmpp() / 100.0;
        this.pminKvarLimit = settings.pctPminKvarMax() <= 0 ? -1.0 : settings.pctPminKvarMax() * settings.pmpp() / 100.0;
        this.irradiance = irradiance;
        this.temperature = temperature;
        this.pfNominal = pf;
        this.varModeKvar = kvarMode;
        this.kvarRequested = kvar;
        this.pfPriority = settings.pfPriority();
        this.puPmpp = settings.puPmpp();
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

    public void setEnabled(boolean on) {
        injection.setEnabled(on);
    }

    // ---------------------------------------------------------------- state from shapes and the API

    /** Sets the irradiance shape's multiplier and the temperature for the present time (OpenDSS ShapeFactor, TShapeValue). */
    public void setConditions(double shapeFactor, double temperatureC) {
        this.shapeFactor = shapeFactor;
        this.temperature = temperatureC;
    }

    /** The irradiance property (kW/m2), which the shape multiplies. */
    public double irradiance() {
        return irradiance;
    }

    public void setIrradiance(double kwPerM2) {
        irradiance = kwPerM2;
    }

    /** Irradiance now: the property times the shape's multiplier (OpenDSS PresentIrradiance x ShapeFactor). */
    public double irradianceNow() {
        return irradiance * shapeFactor;
    }

    /** Back to a power factor (OpenDSS {@code pf=}); ends a kvar set point. */
    public void setPowerFactor(double pf) {
        pfNominal = pf;
        varModeKvar = false;
    }

    // ---------------------------------------------------------------- InverterDer

    @Override
    public double vbase() {
        return vbase;
    }

    @Override
    public double kvaRating() {
        return s.kva();
    }

    @Override
    public double kvarLimit() {
        return s.kvarMax();
    }

    @Override
    public double kvarLimitNeg() {
        return s.kvarMaxAbs();
    }

    @Override
    public double currentKvarLimit() {
        return currentKvarLimit;
    }

    @Override
    public double currentKvarLimitNeg() {
        return currentKvarLimitNeg;
    }

    @Override
    public double presentKw() {
        return kwOut;
    }

    @Override
    public double presentKvar() {
        return kvarOut;
    }

    @Override
    public double dcKwRated() {
        return s.pmpp();
    }

    @Override
    public double pctDcKwRated() {
        return puPmpp;
    }

    /** Caps the output at this fraction of Pmpp (OpenDSS {@code %Pmpp}/100, writable as in OpenDSS's API). */
    public void setPuPmpp(double pu) {
        puPmpp = pu;
    }

    @Override
    public double efficiency() {
        return effFactor;
    }

    @Override
    public double dcKw() {
        return panelKw;
    }

    /** Panel power now (kW DC): Pmpp x irradiance now x P-T factor. */
    public double panelKw() {
        return panelKw;
    }

    @Override
    public boolean wattPriority() {
        return s.wattPriority();
    }

    @Override
    public boolean inverterOn() {
        return inverterOn;
    }

    @Override
    public boolean varFollowInverter() {
        return s.varFollowInverter();
    }

    @Override
    public void requestKvar(double kvar) {
        varModeKvar = true;
        kvarRequested = kvar;
    }

    @Override
    public void limitKw(double kw) {
        kwRequested = kw;
    }

    /**
     * Power-factor priority (PFPriority); an inverter control in a mode other than volt-watt turns it off
     * (InvControl.pas RecalcElementData).
     */
    public void setPfPriority(boolean on) {
        pfPriority = on;
    }

    @Override
    public void setControlModes(boolean voltVar, boolean voltWatt) {
        vvMode = voltVar;
        vwMode = voltWatt;
    }

    @Override
    public void clearControlModes() {
        vvMode = false;
        vwMode = false;
    }

    /** What an inverter control reports into the state variables (Vreg in pu, operation flags). */
    public void report(double vregPu, double voltVarOperation, double voltWattOperation) {
        vreg = vregPu;
        vvOperation = voltVarOperation;
        vwOperation = voltWattOperation;
    }

    /** The AC power the panel could deliver now before any cap (kW): panel power x inverter efficiency, 0 when off. */
    public double availableKw() {
        return inverterOn ? panelKw * effFactor : 0.0;
    }

    /** The cap on the output now (kW): the volt-watt limit while that function acts, else {@code %Pmpp} of Pmpp. */
    public double kwLimit() {
        return vwMode ? kwRequested : s.pmpp() * puPmpp;
    }

    /** The kW limit a volt-watt control last set (OpenDSS kWRequested). */
    public double kwRequested() {
        return kwRequested;
    }

    // ---------------------------------------------------------------- output

    @Override
    public void updateOutput() {
        computePanelPower();
        computeInverterPower();
        injection.setNominal(kwOut, kvarOut);
    }

    private void computePanelPower() {
        tempFactor = s.powerTemperature() != null ? s.powerTemperature().yAt(temperature) : 1.0;
        panelKw = irradiance * shapeFactor * s.pmpp() * tempFactor;
    }

    /** OpenDSS PVsystem.pas ComputeInverterPower. */
    private void computeInverterPower() {
        currentKvarLimit = s.kvarMax();
        currentKvarLimitNeg = s.kvarMaxAbs();
        effFactor = 1.0;
        kwOut = 0.0;
        double kva = s.kva();
        double cutOutKwAc = s.efficiency() != null ? cutOutKw * s.efficiency().yAt(Math.abs(cutOutKw) / kva) : cutOutKw;
        if (inverterOn) {
            if (panelKw < cutOutKw) {
                inverterOn = false;
            }
        } else if (panelKw >= cutInKw) {
            inverterOn = true;
        }
        if (inverterOn) {
            if (s.efficiency() != null) {
                effFactor = s.efficiency().yAt(panelKw / kva);
            }
            double pac = panelKw * effFactor;
            double cap = vwMode ? kwRequested : s.pmpp() * puPmpp;
            kwOut = Math.min(pac, cap);
        }
        double tempPf = 0.0;
        if (Math.abs(kwOut) < pminNoVars) {
            kvarOut = 0.0;
            currentKvarLimit = 0.0;
            currentKvarLimitNeg = 0.0;
        } else if (!varModeKvar) {
            if (pfNominal == 1.0) {
                kvarOut = 0.0;
            } else {
                kvarOut = kwOut * Math.sqrt(1.0 / (pfNominal * pfNominal) - 1.0) * Math.signum(pfNominal);
                if (Math.abs(kwOut) < pminKvarLimit) {
                    if (Math.abs(kwOut) >= Math.max(pminNoVars, cutOutKwAc)) {
                        double ramp = 0.0;
                        if (kvarOut > 0.0) {
                            ramp = s.kvarMax() / pminKvarLimit * Math.abs(kwOut);
                            currentKvarLimit = ramp;
                        } else if (kvarOut < 0.0) {
                            ramp = s.kvarMaxAbs() / pminKvarLimit * Math.abs(kwOut);
                            currentKvarLimitNeg = ramp;
                        }
                        if (Math.abs(kvarOut) > ramp) {
                            kvarOut = ramp * Math.signum(kwOut) * Math.signum(pfNominal);
                        }
                    }
                } else if (Math.abs(kvarOut) > s.kvarMax() || Math.abs(kvarOut) > s.kvarMaxAbs()) {
                    kvarOut = (kvarOut > 0.0 ? s.kvarMax() : s.kvarMaxAbs()) * Math.signum(kwOut) * Math.signum(pfNominal);
                    if (pfPriority) {
                        kwOut = kvarOut * Math.sqrt(1.0 / (1.0 - pfNominal * pfNominal) - 1.0) * Math.signum(pfNominal);
                    }
                }
            }
        } else {
            if (Math.abs(kwOut) < pminKvarLimit) {
                if (Math.abs(kwOut) >= Math.max(pminNoVars, cutOutKwAc)) {
                    double ramp = 0.0;
                    if (kvarRequested > 0.0) {
                        ramp = s.kvarMax() / pminKvarLimit * Math.abs(kwOut);
                        currentKvarLimit = ramp;
                    } else if (kvarRequested < 0.0) {
                        ramp = s.kvarMaxAbs() / pminKvarLimit * Math.abs(kwOut);
                        currentKvarLimitNeg = ramp;
                    }
                    kvarOut = Math.abs(kvarRequested) > ramp ? ramp * Math.signum(kvarRequested) : kvarRequested;
                }
            } else if ((kvarRequested > 0.0 && Math.abs(kvarRequested) >= s.kvarMax())
                    || (kvarRequested < 0.0 && Math.abs(kvarRequested) >= s.kvarMaxAbs())) {
                kvarOut = (kvarRequested > 0.0 ? s.kvarMax() : s.kvarMaxAbs()) * Math.signum(kvarRequested);
                if (pfPriority && Math.abs(kvarRequested) > 0.0) {
                    // constant power factor when the kvar limit binds (the volt-var function keeps no PF priority)
                    tempPf = Math.cos(Math.atan(Math.abs(kvarRequested / kwOut)));
                    kwOut = Math.abs(kvarOut) * Math.sqrt(1.0 / (1.0 - tempPf * tempPf) - 1.0) * Math.signum(kwOut);
                }
            } else {
                kvarOut = kvarRequested;
            }
        }
        if (!inverterOn && s.varFollowInverter()) {
            kvarOut = 0.0;
        }
        double kvaGen = Math.hypot(kwOut, kvarOut);
        if (kvaGen > kva) {
            if (!varModeKvar && pfPriority) {
                kwOut = kva * Math.abs(pfNominal);
                kvarOut = kva * Math.sqrt(1 - pfNominal * pfNominal) * Math.signum(pfNominal);
            } else if (varModeKvar && pfPriority) {
                if (Math.abs(kvarOut) == s.kvarMax()) {
                    kwOut = kva * Math.abs(tempPf) * Math.signum(kwOut);
                } else {
                    kwOut = kva * Math.abs(Math.cos(Math.atan(kvarRequested / kwOut))) * Math.signum(kwOut);
                }
                kvarOut = kva * Math.abs(Math.sin(Math.acos(kwOut / kva))) * Math.signum(kvarRequested);
            } else if (s.wattPriority()) {
                if (kwOut > kva) {
                    kwOut = kva;
                    kvarOut = 0.0;
                } else {
                    kvarOut = Math.sqrt(kva * kva - kwOut * kwOut) * Math.signum(kvarOut);
                }
            } else {
                kwOut = Math.sqrt(kva * kva - kvarOut * kvarOut) * Math.signum(kwOut);
            }
        }
        if (!inverterOn && s.varFollowInverter()) {
            kvarOut = 0.0;
        }
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

    /** OpenDSS PVSystem Get_Variable: the 13 PV variables, then the inverter-dynamics ones (at rest outside dynamics mode). */
    @Override
    public void variables(double[] out) {
        java.util.Arrays.fill(out, 0.0);
        out[0] = irradianceNow();
        out[1] = panelKw;
        out[2] = tempFactor;
        out[3] = effFactor;
        out[4] = vreg;
        out[5] = 9999;
        out[6] = vvOperation;
        out[7] = vwOperation;
        out[8] = 9999;
        out[9] = 9999;
        out[10] = 9999;
        out[11] = 9999;
        out[12] = panelKw * effFactor;
        out[17] = s.kvDc() * 1000.0;
    }
}
