package io.packetgrid.pem.service;

/**
 * A home sauna as one thermal node: heater power, the room's heat capacity (air, stones, walls) and
 * its loss to the house. The seed's example heater is 3.6 kW with 70 °C wanted at 19:00; capacity and
 * loss are our assumptions for a small electric sauna that heats from 20 °C to 70 °C in about an hour
 * at 3.6 kW (τ = C/UA ≈ 1.85 h, steady state at full power T_amb + P/UA = 140 °C; a heater's own
 * thermostat would stop it near 100 °C, which a target of 70 °C never reaches).
 *
 * @param heaterKw        heater power, kW (on/off)
 * @param capacityKwhPerC heat capacity, kWh/°C
 * @param lossKwPerC      loss to the surroundings UA, kW/°C
 * @param ambientC        surroundings (the house), °C
 */
public record SaunaParams(double heaterKw, double capacityKwhPerC, double lossKwPerC, double ambientC) {

    public SaunaParams {
        if (!(heaterKw > 0 && capacityKwhPerC > 0 && lossKwPerC > 0)) {
            throw new IllegalArgumentException("sauna: heater, capacity and loss must be > 0");
        }
    }

    /** The seed's 3.6 kW heater in a room of 0.0557 kWh/°C losing 0.03 kW/°C to a 20 °C house. */
    public static SaunaParams seed() {
        return new SaunaParams(3.6, 0.0557, 0.03, 20);
    }

    /** Time constant τ = C/UA, s. */
    public double tauS() {
        return capacityKwhPerC / lossKwPerC * 3600;
    }

    /** Temperature it tends to at constant power P: T_amb + P/UA, °C. */
    public double steadyC(double powerKw) {
        return ambientC + powerKw / lossKwPerC;
    }

    /** Power that holds it at {@code tempC}: UA·(T − T_amb), kW. */
    public double holdKw(double tempC) {
        return lossKwPerC * Math.max(0, tempC - ambientC);
    }
}
