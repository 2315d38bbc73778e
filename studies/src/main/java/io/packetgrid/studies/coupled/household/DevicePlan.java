package io.packetgrid.studies.coupled.household;

import io.packetgrid.pem.device.EvCharger;
import io.packetgrid.pem.device.EvParams;
import io.packetgrid.pem.device.FlexibleDevice;
import io.packetgrid.pem.device.HeatPumpHouse;
import io.packetgrid.pem.device.HeatPumpParams;
import io.packetgrid.pem.device.HomeBattery;
import io.packetgrid.pem.device.HotWaterDraws;
import io.packetgrid.pem.device.WaterHeater;
import io.packetgrid.pem.device.WaterHeaterParams;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

/**
 * One device of a household with its drawn parameters: every variant builds a fresh model from the
 * same plan, so variants differ only in how the devices are controlled.
 */
public sealed interface DevicePlan {

    DeviceType type();

    /** A new model in its initial state. */
    FlexibleDevice create();

    /** Whether the element is on at t = 0 (a tank below its set-point is heating, ACC 2017 Table I). */
    boolean initiallyOn();

    /** Fraction of a packet left at t = 0 when it starts on under PEM (ACC 2017 Table I: uniform in [0, δ]). */
    double remainingFraction();

    /**
     * @param draws the household's hot-water draws, made anew for every model: packet-server's
     *              {@link HotWaterDraws} keeps a read cursor, so two variants running side by side must not
     *              share one
     */
    record WaterHeaterPlan(WaterHeaterParams params, Supplier<HotWaterDraws> draws, double initialC, double remainingFraction)
            implements DevicePlan {
        public DeviceType type() {
            return DeviceType.WATER_HEATER;
        }

        public FlexibleDevice create() {
            return new WaterHeater(params, draws.get(), initialC);
        }

        public boolean initiallyOn() {
            return initialC < params.setpointC();
        }
    }

    /** @param outdoorC outdoor temperature, °C, at run time t (seconds) */
    record HeatPumpPlan(HeatPumpParams params, DoubleUnaryOperator outdoorC, double initialTankC, double initialIndoorC,
                        double remainingFraction) implements DevicePlan {
        public DeviceType type() {
            return DeviceType.HEAT_PUMP;
        }

        public FlexibleDevice create() {
            return new HeatPumpHouse(params, outdoorC, initialTankC, initialIndoorC);
        }

        public boolean initiallyOn() {
            return initialTankC < params.band().set();
        }
    }

    /** @param params plug-in and plug-out in run time (seconds from the start) */
    record EvPlan(EvParams params) implements DevicePlan {
        /**
         * The same car as a deadline device (the Energy-Internet server's EV): charging at any power up to the
         * charger's, its plug-out the deadline of a full charge to its target.
         */
        public io.packetgrid.pem.service.EvService service() {
            return new io.packetgrid.pem.service.EvService(new io.packetgrid.pem.service.ModulatedEv(params.batteryKwh(),
                    params.chargerKw(), params.efficiency(), params.arrivalSoc()), (long) Math.ceil(params.arrivalS() * 1e9),
                    (long) Math.floor(params.departureS() * 1e9), params.targetSoc());
        }

        public DeviceType type() {
            return DeviceType.EV_CHARGER;
        }

        public FlexibleDevice create() {
            return new EvCharger(params);
        }

        public boolean initiallyOn() {
            return false;
        }

        public double remainingFraction() {
            return 0;
        }
    }

    record BatteryPlan(double initialSoc) implements DevicePlan {
        public DeviceType type() {
            return DeviceType.BATTERY;
        }

        public FlexibleDevice create() {
            return HomeBattery.powerwall2(initialSoc);
        }

        public boolean initiallyOn() {
            return false;
        }

        public double remainingFraction() {
            return 0;
        }
    }
}
