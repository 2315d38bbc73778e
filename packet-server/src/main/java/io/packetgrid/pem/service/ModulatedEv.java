package io.packetgrid.pem.service;

/**
 * An EV whose charger can draw any power between 0 and its rating (the seed's example: 30 kWh battery,
 * 0–5 kW, plugged in at 16:00 with a random state of charge and wanted full by midnight). Charging
 * stores η·P·Δt (η our assumption, 0.9 as packet-server's EvParams).
 */
public final class ModulatedEv {
    private final double batteryKwh;
    private final double maxKw;
    private final double efficiency;
    private double soc;

    public ModulatedEv(double batteryKwh, double maxKw, double efficiency, double soc) {
        if (!(batteryKwh > 0 && maxKw > 0 && efficiency > 0 && efficiency <= 1 && soc >= 0 && soc <= 1)) {
            throw new IllegalArgumentException("EV: need capacity, power > 0, 0 < η ≤ 1, 0 ≤ SoC ≤ 1");
        }
        this.batteryKwh = batteryKwh;
        this.maxKw = maxKw;
        this.efficiency = efficiency;
        this.soc = soc;
    }

    /** The seed's EV: 30 kWh, 0–5 kW. */
    public static ModulatedEv seed(double soc) {
        return new ModulatedEv(30, 5, 0.9, soc);
    }

    public double soc() {
        return soc;
    }

    public double maxKw() {
        return maxKw;
    }

    public double batteryKwh() {
        return batteryKwh;
    }

    /** Charges {@code dtS} seconds at {@code powerKw} (clipped to [0, rating]; stops full). */
    public void advance(double dtS, double powerKw) {
        double p = Math.max(0, Math.min(maxKw, powerKw));
        soc = Math.min(1, soc + p * efficiency * dtS / 3600 / batteryKwh);
    }

    /** Energy from the grid still needed to reach {@code targetSoc}, kWh. */
    public double needKwh(double targetSoc) {
        return Math.max(0, targetSoc - soc) * batteryKwh / efficiency;
    }
}
