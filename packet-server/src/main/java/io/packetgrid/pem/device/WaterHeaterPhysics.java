package io.packetgrid.pem.device;

/**
 * The single-node tank of ACC 2017 eqs. (1)–(7), as pure functions:
 * <pre>
 *   cρL dT/dt = u − d − w
 *   u = η·P_rate·z,   d = cρL (T − T_amb)/τ,   w = cρ (v/60)(T − T_inlet)
 *   T[k+1] = T[k] + Δt/(cρL)·(u − d − w)           (forward Euler, eq. 7)
 * </pre>
 * with c in kJ/(kg·°C), ρ in kg/L, L in litres, powers in kW (kJ/s), v in L/min. Euler is stable
 * for Δt &lt; 120·L/(60·L/τ + v) (ACC 2017 §II), about 200 s for the Table I ranges.
 */
public final class WaterHeaterPhysics {
    private WaterHeaterPhysics() {
    }

    /** Heat input u = η·P·z, kW. */
    public static double heatingKw(WaterHeaterParams p, boolean on) {
        return on ? p.efficiency() * p.ratedKw() : 0;
    }

    /** Standing loss d = cρL(T − T_amb)/τ, kW. */
    public static double standingLossKw(WaterHeaterParams p, double tC) {
        return p.capacityKjPerC() * (tC - p.ambientC()) / p.tauS();
    }

    /** Draw loss w = cρ(v/60)(T − T_inlet), kW, for a flow of {@code drawLpm} L/min. */
    public static double drawLossKw(WaterHeaterParams p, double tC, double drawLpm) {
        return WaterHeaterParams.C_KJ_PER_KG_C * WaterHeaterParams.RHO_KG_PER_L * (drawLpm / 60.0) * (tC - p.inletC());
    }

    /** dT/dt in °C/s (eq. 1). */
    public static double derivative(WaterHeaterParams p, double tC, boolean on, double drawLpm) {
        return (heatingKw(p, on) - standingLossKw(p, tC) - drawLossKw(p, tC, drawLpm)) / p.capacityKjPerC();
    }

    /** One forward-Euler step (eq. 7). */
    public static double step(WaterHeaterParams p, double tC, boolean on, double drawLpm, double dtS) {
        return tC + dtS * derivative(p, tC, on, drawLpm);
    }

    /** The largest stable Euler step for a draw of {@code drawLpm}, s (ACC 2017 §II). */
    public static double maxStableStepS(WaterHeaterParams p, double drawLpm) {
        return 120 * p.tankL() / (60 * p.tankL() / p.tauS() + drawLpm);
    }
}
