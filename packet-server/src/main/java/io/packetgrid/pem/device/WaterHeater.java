package io.packetgrid.pem.device;

import io.packetgrid.pem.packet.DeviceClass;

/** An electric water heater: the ACC 2017 single-node tank with its household's hot-water draws. */
public final class WaterHeater implements FlexibleDevice {
    private final WaterHeaterParams params;
    private final HotWaterDraws draws;
    private double tempC;

    public WaterHeater(WaterHeaterParams params, HotWaterDraws draws, double initialTempC) {
        this.params = params;
        this.draws = draws;
        this.tempC = initialTempC;
    }

    public WaterHeaterParams params() {
        return params;
    }

    @Override
    public DeviceClass deviceClass() {
        return DeviceClass.WATER_HEATER;
    }

    @Override
    public double ratedKw() {
        return params.ratedKw();
    }

    @Override
    public double state() {
        return tempC;
    }

    @Override
    public PemBand band() {
        return params.band();
    }

    @Override
    public void advance(double tS, double dtS, double powerKw) {
        tempC = WaterHeaterPhysics.step(params, tempC, powerKw > 0, draws.meanFlowLpm(tS, dtS), dtS);
    }
}
