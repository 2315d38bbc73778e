package io.packetgrid.pem.device;

import io.packetgrid.pem.packet.DeviceClass;

/**
 * A home battery: Tesla Powerwall 2.0 figures used by Springer 2018 and TPWRS 2020 (13.5 kWh,
 * 5.0 kW, 95 % one-way efficiency; PEM-NOTES §2.2) with the Khurram et al. TSG 2022 band: set
 * 75 %, [55, 95] % (we rejoin inside [60, 90] %). Charge packets draw {@code ratedKw}; discharge
 * packets inject the same power.
 */
public final class HomeBattery implements FlexibleDevice {
    private final double capacityKwh;
    private final double powerKw;
    private final double efficiency;
    private final PemBand band;
    private double soc;

    public HomeBattery(double capacityKwh, double powerKw, double efficiency, PemBand band, double soc) {
        this.capacityKwh = capacityKwh;
        this.powerKw = powerKw;
        this.efficiency = efficiency;
        this.band = band;
        this.soc = soc;
    }

    public static HomeBattery powerwall2(double soc) {
        return new HomeBattery(13.5, 5.0, 0.95, new PemBand(0.55, 0.75, 0.95, 0.60, 0.90), soc);
    }

    @Override
    public DeviceClass deviceClass() {
        return DeviceClass.BATTERY;
    }

    @Override
    public double ratedKw() {
        return powerKw;
    }

    @Override
    public double dischargeKw() {
        return powerKw;
    }

    @Override
    public double state() {
        return soc;
    }

    @Override
    public PemBand band() {
        return band;
    }

    public double capacityKwh() {
        return capacityKwh;
    }

    /** Charging stores η·P·Δt; discharging removes P·Δt/η (one-way efficiency each way). */
    @Override
    public void advance(double tS, double dtS, double gridKw) {
        double hours = dtS / 3600;
        double deltaKwh = gridKw >= 0 ? gridKw * efficiency * hours : gridKw / efficiency * hours;
        soc = Math.max(0, Math.min(1, soc + deltaKwh / capacityKwh));
    }
}
