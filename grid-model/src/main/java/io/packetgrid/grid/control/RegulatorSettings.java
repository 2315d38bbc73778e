package io.packetgrid.grid.control;

/**
 * Settings of a voltage regulator control (OpenDSS RegControl).
 *
 * @param winding       monitored winding (1-based)
 * @param tapWinding    winding whose tap moves (1-based)
 * @param vreg          set point on the PT secondary (V, e.g. 120)
 * @param band          bandwidth (V), centred on vreg
 * @param ptRatio       PT ratio
 * @param remotePtRatio PT ratio when a regulated bus is given
 * @param ctPrim        CT primary rating (A) for line-drop compensation
 * @param r             LDC resistance setting (V)
 * @param x             LDC reactance setting (V)
 * @param ldcZ          Beckwith LDC_Z setting (V), 0 = use R and X
 * @param delay         time delay (s) before the first tap change
 * @param tapDelay      delay between further tap changes (s), used in timed modes
 * @param maxTapChange  most taps per control action
 * @param inverseTime   inverse-time delay characteristic
 * @param vlimit        upper limit on the local voltage (V on PT base), 0 = none
 * @param ptPhase       controlled phase (1-based), -1 = max, -2 = min
 */
public record RegulatorSettings(int winding, int tapWinding, double vreg, double band, double ptRatio, double remotePtRatio,
                                double ctPrim, double r, double x, double ldcZ, double delay, double tapDelay,
                                int maxTapChange, boolean inverseTime, double vlimit, int ptPhase) {
}
