package io.packetgrid.pem.device;

import io.packetgrid.pem.packet.DeviceClass;

/** An electric water heater: the ACC 2017 single-node tank with its household's hot-water draws. */
public final class WaterHeater implements FlexibleDevice {
    private final WaterHeaterParams params;
    private final HotWaterDraws draws;
    private double tempC;
    /**
     * The draws' {@link HotWaterDraws#quietUntilS()} after the query at {@link #drawsQueriedS}: a step inside it
     * draws nothing, answered here without reading the draws object (for thousands of tanks stepped in turn, one
     * cache miss less per tank and step; most steps fall there).
     */
    private double drawsQuietUntilS = Double.NEGATIVE_INFINITY;
    private double drawsQueriedS = Double.POSITIVE_INFINITY;

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
        tempC = WaterHeaterPhysics.step(params, tempC, powerKw > 0, drawLpm(tS, dtS), dtS);
    }

    /** {@code draws.meanFlowLpm(tS, dtS)}: 0 inside the quiet time the draws gave at an earlier or equal query time. */
    private double drawLpm(double tS, double dtS) {
        if (tS >= drawsQueriedS && tS + dtS <= drawsQuietUntilS && dtS > 0) {
            return 0;
        }
        double lpm = draws.meanFlowLpm(tS, dtS);
        drawsQueriedS = tS;
        drawsQuietUntilS = draws.quietUntilS();
        return lpm;
    }
}
