package io.packetgrid.grid.model;

/**
 * A PV system (OpenDSS PVSystem, re-derived from PVsystem.pas ComputePanelPower,
 * ComputeInverterPower, kWOut_Calc and SetNominalDEROutput): the panel gives
 * {@code Pmpp x irradiance x shape x P-T factor(temperature)}; the inverter cuts in above
 * {@code %cutin} of its kVA and out below {@code %cutout}, converts with its efficiency curve, caps
 * the output at {@code %Pmpp} (or at a volt-watt limit), adds reactive power at a power factor or a
 * kvar set point within its limits and keeps within its kVA ({@link Inverter}, which it shares with
 * {@link Storage}). Seen from the grid it is a
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
    private final Inverter inverter;
    private final double cutOutKwAc;

    // state set by shapes and settings
    private double irradiance;          // kW/m2 (the property)
    private double shapeFactor = 1.0;   // irradiance shape multiplier for the present time
    private double temperature;         // C for the present time
    private double puPmpp;

    // outputs
    private double panelKw;
    private double tempFactor = 1.0;
    private double effFactor = 1.0;

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
        Inverter.Ratings ratings = Inverter.Ratings.of(settings.pmpp(), settings.kva(), settings.pctCutIn(), settings.pctCutOut(),
                settings.kvarMax(), settings.kvarMaxAbs(), settings.pctPminNoVars(), settings.pctPminKvarMax(),
                settings.wattPriority(), settings.varFollowInverter());
        this.inverter = new Inverter(ratings, Inverter.Variant.PV_SYSTEM, pf, kvarMode, kvar, settings.pfPriority());
        // PVsystem.pas ComputeInverterPower: the kvar ramp starts at the cut-out power through the efficiency curve
        double cutOutKw = ratings.cutOutKw();
        this.cutOutKwAc = settings.efficiency() != null
                ? cutOutKw * settings.efficiency().yAt(Math.abs(cutOutKw) / settings.kva()) : cutOutKw;
        this.irradiance = irradiance;
        this.temperature = temperature;
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
        inverter.setPowerFactor(pf);
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

    /** The AC power the panel could deliver now before any cap (kW): panel power x inverter efficiency, 0 when off. */
    public double availableKw() {
        return inverter.on() ? panelKw * effFactor : 0.0;
    }

    /** The cap on the output now (kW): the volt-watt limit while that function acts, else {@code %Pmpp} of Pmpp. */
    public double kwLimit() {
        return inverter.voltWattMode() ? inverter.kwRequested() : s.pmpp() * puPmpp;
    }

    /** The kW limit a volt-watt control last set (OpenDSS kWRequested). */
    public double kwRequested() {
        return inverter.kwRequested();
    }

    // ---------------------------------------------------------------- output

    @Override
    public void updateOutput() {
        computePanelPower();
        computeInverterPower();
        injection.setNominal(inverter.kw(), inverter.kvar());
    }

    private void computePanelPower() {
        tempFactor = s.powerTemperature() != null ? s.powerTemperature().yAt(temperature) : 1.0;
        panelKw = irradiance * shapeFactor * s.pmpp() * tempFactor;
    }

    /**
     * OpenDSS PVsystem.pas ComputeInverterPower: the panel's DC power switches the inverter (cut-in/cut-out),
     * which converts it with its efficiency curve and caps it (kWOut_Calc); the inverter limits the rest.
     */
    private void computeInverterPower() {
        effFactor = 1.0;
        double kwOut = 0.0;
        if (inverter.switchAt(panelKw)) {
            if (s.efficiency() != null) {
                effFactor = s.efficiency().yAt(panelKw / s.kva());
            }
            double pac = panelKw * effFactor;
            kwOut = Math.min(pac, kwLimit());
        }
        inverter.output(kwOut, cutOutKwAc, false);
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
        out[4] = inverter.vreg();
        out[5] = 9999;
        out[6] = inverter.voltVarOperation();
        out[7] = inverter.voltWattOperation();
        out[8] = 9999;
        out[9] = 9999;
        out[10] = 9999;
        out[11] = 9999;
        out[12] = panelKw * effFactor;
        out[17] = s.kvDc() * 1000.0;
    }
}
