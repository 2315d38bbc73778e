package io.packetgrid.grid.model;

/**
 * An inverter-based element an inverter control can drive (OpenDSS TInvBasedPCE: PVSystem and
 * Storage): its ratings and present output, the limits its own settings put on reactive power,
 * and the set points a control writes ({@code kvar} requested, {@code kW} limit) before asking the
 * element to recompute its output (OpenDSS SetNominalDEROutput).
 */
public interface InverterDer extends PowerConversion {

    /** The element's inverter: ratings, set points, on/off state and output. */
    Inverter inverter();

    /** The element's voltage base (V): line to neutral for 2- and 3-phase units, the rated kV otherwise. */
    double vbase();

    /** Inverter rating (kVA). */
    default double kvaRating() {
        return inverter().ratings().kva();
    }

    /** Largest reactive power it may inject (kvar, positive). */
    default double kvarLimit() {
        return inverter().ratings().kvarMax();
    }

    /** Largest reactive power it may absorb (kvar, positive). */
    default double kvarLimitNeg() {
        return inverter().ratings().kvarMaxAbs();
    }

    /** Injection limit for the present active power (kvarMax, or the %PminkvarMax ramp; 0 below %PminNoVars). */
    default double currentKvarLimit() {
        return inverter().currentKvarLimit();
    }

    /** Absorption limit for the present active power. */
    default double currentKvarLimitNeg() {
        return inverter().currentKvarLimitNeg();
    }

    /** Present output (kW, positive = into the grid), after all limits. */
    default double presentKw() {
        return inverter().kw();
    }

    /** Present output (kvar, positive = into the grid). */
    default double presentKvar() {
        return inverter().kvar();
    }

    /** DC rating: Pmpp (PV) or kWrated (storage), kW. */
    double dcKwRated();

    /** Per-unit limit on the DC rating: %Pmpp or %kWrated over 100. */
    double pctDcKwRated();

    /** Inverter efficiency at the present output (1 without an efficiency curve). */
    double efficiency();

    /** DC power available (PV panel kW; the storage's DC kW). */
    double dcKw();

    /** Active-power priority when the kVA rating binds (WattPriority). */
    default boolean wattPriority() {
        return inverter().ratings().wattPriority();
    }

    /** Whether the inverter is on (cut-in/cut-out). */
    default boolean inverterOn() {
        return inverter().on();
    }

    /** Reactive power follows the inverter's on/off state (VarFollowInverter). */
    default boolean varFollowInverter() {
        return inverter().ratings().varFollowInverter();
    }

    /** A control takes over the reactive power: {@code kvar} requested, kvar mode (OpenDSS varMode := VARMODEKVAR). */
    default void requestKvar(double kvar) {
        inverter().requestKvar(kvar);
    }

    /** A control limits the active power to {@code kw} (volt-watt); its flag stays on until {@link #clearControlModes}. */
    default void limitKw(double kw) {
        inverter().limitKw(kw);
    }

    /** Flags of the functions acting (OpenDSS VVmode, VWmode) for the present time step. */
    default void setControlModes(boolean voltVar, boolean voltWatt) {
        inverter().setControlModes(voltVar, voltWatt);
    }

    /** End of a time step: the control functions release their flags (InvControl UpdateInvControl). */
    default void clearControlModes() {
        inverter().clearControlModes();
    }

    /**
     * Power-factor priority (PFPriority); an inverter control in a mode other than volt-watt turns it off
     * (InvControl.pas RecalcElementData).
     */
    default void setPfPriority(boolean on) {
        inverter().setPfPriority(on);
    }

    /** What an inverter control reports into the state variables (Vreg in pu, operation flags). */
    default void report(double vregPu, double voltVarOperation, double voltWattOperation) {
        inverter().report(vregPu, voltVarOperation, voltWattOperation);
    }

    /** Recomputes the output from the present state and set points (OpenDSS SetNominalDEROutput). */
    void updateOutput();
}
