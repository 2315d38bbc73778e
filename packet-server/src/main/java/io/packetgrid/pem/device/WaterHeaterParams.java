package io.packetgrid.pem.device;

/**
 * A single-node electric water heater (ACC 2017 eqs. 1–7; parameters ACC 2017 Table I,
 * PEM-NOTES §2.1).
 *
 * @param tankL        tank volume, litres (Table I: [250, 300] L)
 * @param setpointC    set-point, °C (Table I: [52, 58] °C)
 * @param ratedKw      element power, kW (Table I: [4.5, 5.5] kW)
 * @param efficiency   element efficiency η (Table I: 100 %)
 * @param tauS         insulation time constant τ = R·C, s (Table I: 150 h)
 * @param ambientC     ambient temperature, °C (Table I: [14, 18] °C, constant)
 * @param inletC       cold-water inlet temperature, °C (TPWRS 2020 Table I: 14 °C)
 * @param band         dead-band and recovery band (Table I: 0.12·T_set and 0.08·T_set)
 */
public record WaterHeaterParams(double tankL, double setpointC, double ratedKw, double efficiency, double tauS,
                                double ambientC, double inletC, PemBand band) {

    /** Specific heat of water, kJ/(kg·°C) (ACC 2017 Table I). */
    public static final double C_KJ_PER_KG_C = 4.186;
    /** Density of water, kg/L (ACC 2017 Table I). */
    public static final double RHO_KG_PER_L = 0.99;

    /** The homogeneous TPWRS 2020 Table I heater: 250 L, 52 °C, 4.5 kW, τ 150 h, 14 °C ambient and inlet. */
    public static WaterHeaterParams tpwrs2020() {
        return new WaterHeaterParams(250, 52, 4.5, 1.0, 150 * 3600.0, 14, 14, PemBand.acc2017(52));
    }

    /** Thermal capacity c·ρ·L, kJ/°C. */
    public double capacityKjPerC() {
        return C_KJ_PER_KG_C * RHO_KG_PER_L * tankL;
    }
}
