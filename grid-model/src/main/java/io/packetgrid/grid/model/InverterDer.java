package io.packetgrid.grid.model;

/**
 * An inverter-based element an inverter control can drive (OpenDSS TInvBasedPCE: PVSystem and
 * Storage): its ratings and present output, the limits its own settings put on reactive power,
 * and the set points a control writes ({@code kvar} requested, {@code kW} limit) before asking the
 * element to recompute its output (OpenDSS SetNominalDEROutput).
 */
public interface InverterDer extends PowerConversion {

    /** The element's voltage base (V): line to neutral for 2- and 3-phase units, the rated kV otherwise. */
    double vbase();

    /** Inverter rating (kVA). */
    double kvaRating();

    /** Largest reactive power it may inject (kvar, positive). */
    double kvarLimit();

    /** Largest reactive power it may absorb (kvar, positive). */
    double kvarLimitNeg();

    /** Injection limit for the present active power (kvarMax, or the %PminkvarMax ramp; 0 below %PminNoVars). */
    double currentKvarLimit();

    /** Absorption limit for the present active power. */
    double currentKvarLimitNeg();

    /** Present output (kW, positive = into the grid), after all limits. */
    double presentKw();

    /** Present output (kvar, positive = into the grid). */
    double presentKvar();

    /** DC rating: Pmpp (PV) or kWrated (storage), kW. */
    double dcKwRated();

    /** Per-unit limit on the DC rating: %Pmpp or %kWrated over 100. */
    double pctDcKwRated();

    /** Inverter efficiency at the present output (1 without an efficiency curve). */
    double efficiency();

    /** DC power available (PV panel kW; the storage's DC kW). */
    double dcKw();

    /** Active-power priority when the kVA rating binds (WattPriority). */
    boolean wattPriority();

    /** Whether the inverter is on (cut-in/cut-out). */
    boolean inverterOn();

    /** Reactive power follows the inverter's on/off state (VarFollowInverter). */
    boolean varFollowInverter();

    /** A control takes over the reactive power: {@code kvar} requested, kvar mode (OpenDSS varMode := VARMODEKVAR). */
    void requestKvar(double kvar);

    /** A control limits the active power to {@code kw} (volt-watt); its flag stays on until {@link #clearControlModes}. */
    void limitKw(double kw);

    /** Flags of the functions acting (OpenDSS VVmode, VWmode) for the present time step. */
    void setControlModes(boolean voltVar, boolean voltWatt);

    /** End of a time step: the control functions release their flags (InvControl UpdateInvControl). */
    void clearControlModes();

    /** Recomputes the output from the present state and set points (OpenDSS SetNominalDEROutput). */
    void updateOutput();
}
