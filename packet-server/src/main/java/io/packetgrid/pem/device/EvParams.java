package io.packetgrid.pem.device;

/**
 * An EV charging session at home.
 *
 * <p>Battery 22.4 kWh from Springer 2018 (150-mile range at 6.7 mi/kWh, PEM-NOTES §2.2); charger
 * 6.6 kW and 90 % charging efficiency are our assumptions (a common Level-2 on-board charger).
 *
 * @param batteryKwh    usable capacity
 * @param chargerKw     charging power (the packet's power)
 * @param efficiency    grid-to-battery efficiency
 * @param arrivalS      plug-in time, s from run start
 * @param departureS    plug-out time
 * @param arrivalSoc    state of charge at arrival (0..1)
 * @param targetSoc     state of charge wanted at departure
 */
public record EvParams(double batteryKwh, double chargerKw, double efficiency, double arrivalS, double departureS,
                       double arrivalSoc, double targetSoc) {

    public EvParams {
        if (!(departureS > arrivalS)) {
            throw new IllegalArgumentException("departure must be after arrival");
        }
        if (!(arrivalSoc >= 0 && arrivalSoc <= targetSoc && targetSoc <= 1)) {
            throw new IllegalArgumentException("need 0 ≤ arrival SoC ≤ target SoC ≤ 1");
        }
    }

    public static EvParams springer2018(double arrivalS, double departureS, double arrivalSoc) {
        return new EvParams(150 / 6.7, 6.6, 0.9, arrivalS, departureS, arrivalSoc, 0.9);
    }
}
