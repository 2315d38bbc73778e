package io.packetgrid.pem.device;

import io.packetgrid.pem.packet.DeviceClass;
import java.util.function.DoubleUnaryOperator;

/**
 * Heat pump + two-layer tank + floor-heated house (see {@link HeatPumpParams}). Energy balances,
 * forward Euler (stable for steps well below the smallest time constant, ~10 min here):
 * <pre>
 *   C_l dT_top/dt = COP·P·z − k_x(T_top − T_bot) − k_f·f·(T_top − T_in) − k_l(T_top − T_room)
 *   C_l dT_bot/dt = k_x(T_top − T_bot) − k_l(T_bot − T_room)
 *   C_h dT_in/dt  = k_f·f·(T_top − T_in) − UA(T_in − T_out)
 * </pre>
 * z: compressor on; f: floor-heating pump on while T_in &lt; indoor set-point. The controlled state is
 * T_top.
 */
public final class HeatPumpHouse implements FlexibleDevice {
    private static final double ROOM_C = 18;
    private final HeatPumpParams p;
    private final DoubleUnaryOperator outdoorC;
    private double top;
    private double bottom;
    private double indoor;

    public HeatPumpHouse(HeatPumpParams p, DoubleUnaryOperator outdoorC, double tankC, double indoorC) {
        this.p = p;
        this.outdoorC = outdoorC;
        this.top = tankC;
        this.bottom = tankC - 5;
        this.indoor = indoorC;
    }

    @Override
    public DeviceClass deviceClass() {
        return DeviceClass.HEAT_PUMP;
    }

    @Override
    public double ratedKw() {
        return p.ratedKw();
    }

    @Override
    public double state() {
        return top;
    }

    public double bottomC() {
        return bottom;
    }

    public double indoorC() {
        return indoor;
    }

    @Override
    public PemBand band() {
        return p.band();
    }

    @Override
    public void advance(double tS, double dtS, double powerKw) {
        double heat = powerKw > 0 ? p.cop(top) * powerKw : 0;
        double exchange = p.layerExchangeKwPerC() * (top - bottom);
        double floor = indoor < p.indoorSetC() ? p.floorKwPerC() * Math.max(0, top - indoor) : 0;
        double out = outdoorC.applyAsDouble(tS);
        double cl = p.layerCapKjPerC();
        double ch = p.houseCapKwhPerC() * 3600;
        double dTop = (heat - exchange - floor - p.tankLossKwPerC() * (top - ROOM_C)) / cl;
        double dBot = (exchange - p.tankLossKwPerC() * (bottom - ROOM_C)) / cl;
        double dIn = (floor - p.houseUaKwPerC() * (indoor - out)) / ch;
        top += dtS * dTop;
        bottom += dtS * dBot;
        indoor += dtS * dIn;
    }
}
