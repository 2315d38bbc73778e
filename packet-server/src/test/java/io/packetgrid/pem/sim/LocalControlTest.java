package io.packetgrid.pem.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.pem.device.EvCharger;
import io.packetgrid.pem.device.EvParams;
import io.packetgrid.pem.device.HeatPumpHouse;
import io.packetgrid.pem.device.HeatPumpParams;
import io.packetgrid.pem.device.HomeBattery;
import io.packetgrid.pem.device.HotWaterDraws;
import io.packetgrid.pem.device.LocalRule;
import io.packetgrid.pem.device.PlugInCharging;
import io.packetgrid.pem.device.PvProfile;
import io.packetgrid.pem.device.ThermostatRule;
import io.packetgrid.pem.device.WaterHeater;
import io.packetgrid.pem.device.WaterHeaterParams;
import io.packetgrid.pem.packet.ConnectionPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Devices under their own rules ({@link Control#LOCAL}), the per-point output, and THERMOSTAT EVs away. */
class LocalControlTest {
    static final long S = 1_000_000_000L;
    static final long H = 3600 * S;
    static final ConnectionPoint HOME = new ConnectionPoint(7, 2);

    /** 40 kWh battery from 50 % to 75 %: 10 kWh stored; 7.4 kW charger, losses left out (η = 1) so the need is the grid energy. */
    static EvParams ev(double arrivalS, double departureS) {
        return new EvParams(40, 7.4, 1.0, arrivalS, departureS, 0.5, 0.75);
    }

    static DeviceFleetFederate fleet(DeviceAgent... agents) {
        return new DeviceFleetFederate("houses", List.of(agents), 10 * S, "server", 0);
    }

    static Probe<Double> power(DeviceFleetFederate f, long... at) {
        return new Probe<>("probe", f.name(), f.powerKey(), at);
    }

    static void run(long endNs, io.packetgrid.cosim.federate.Federate... feds) {
        Federation fed = new Federation();
        for (var f : feds) {
            fed.add(f);
        }
        fed.run(KernelOptions.of(1, endNs));
    }

    @Test
    void evPluggedAtSixDrawsFullPowerUntilItsNeedIsMet() {
        // 10 kWh at 7.4 kW: 10/7.4 h = 4864.865 s = 1 h 21 min 4.865 s → 7.4 kW from 18:00:00 to 19:21:04.865, then 0
        long plug = 18 * H;
        long done = plug + (long) Math.ceil(10 / 7.4 * 3600e9);
        DeviceAgent car = new DeviceAgent(1, new EvCharger(ev(18 * 3600, 31 * 3600)), HOME, 0, Control.LOCAL, null);
        DeviceFleetFederate f = fleet(car);
        Probe<Double> p = power(f, 19 * H + 21 * 60 * S + 4 * S, 19 * H + 21 * 60 * S + 5 * S);
        run(22 * H, f, p);
        assertEquals(3, p.changes.size(), "0, then 7.4 at plug-in, then 0 when done");
        assertEquals(plug, (Long) p.changes.get(1)[0]);
        assertEquals(7.4, (Double) p.changes.get(1)[1], 0);
        assertEquals(done, (Long) p.changes.get(2)[0], 2.0, "switched off at the instant the need is met (± 2 ns of rounding)");
        assertEquals(0.0, (Double) p.changes.get(2)[1], 0);
        assertEquals(List.of(7.4, 0.0), p.sampled, "at 19:21:04 and 19:21:05");
        assertEquals(10.0, car.energyKwh(), 1e-9);
        assertEquals(0.75, car.device().state(), 1e-12);
        assertEquals(0.0, p.valueAt(plug - 1), 0);
    }

    @Test
    void evPluggedBetweenStepsStartsAtPlugInAndStopsAtDeparture() {
        // plugged 18:00:03, leaves 19:00:03 with its need unmet: 7.4 kW for exactly 1 h = 7.4 kWh, SoC 0.5 + 7.4/40
        DeviceAgent car = new DeviceAgent(1, new EvCharger(ev(18 * 3600 + 3, 19 * 3600 + 3)), HOME, 0, Control.LOCAL, null);
        DeviceFleetFederate f = fleet(car);
        Probe<Double> p = power(f);
        run(21 * H, f, p);
        assertEquals(3, p.changes.size());
        assertEquals(18 * H + 3 * S, (Long) p.changes.get(1)[0]);
        assertEquals(19 * H + 3 * S, (Long) p.changes.get(2)[0]);
        assertEquals(7.4, car.energyKwh(), 1e-9);
        assertEquals(0.5 + 7.4 / 40, car.device().state(), 1e-12);
    }

    @Test
    void underThermostatAnEvAwayFromHomeDrawsNothing() {
        // urgency band: at t = 0 the last-chance SoC is 0.75 − 7.4·1 h/40 = 0.565 > 0.5, so the thermostat is on and
        // stays on (SoC and last-chance SoC rise alike, 0.185/h); the car leaves at 1 h while "on": it must report 0
        DeviceAgent car = new DeviceAgent(1, new EvCharger(ev(0, 3600)), HOME, 0, Control.THERMOSTAT, null);
        DeviceFleetFederate f = fleet(car);
        Probe<Double> p = power(f, 90 * 60 * S);
        run(2 * H, f, p);
        assertEquals(List.of(0.0), p.sampled, "away at 1.5 h");
        assertEquals(H, (Long) p.changes.get(p.changes.size() - 1)[0], "off at departure");
        assertEquals(7.4, car.energyKwh(), 1e-9, "7.4 kW for the hour at home, nothing after");
        assertEquals(0.0, car.powerKw(), 0);
    }

    @Test
    void waterHeaterFollowsItsThermostat() {
        // TPWRS 2020 tank (250 L, 4.5 kW, τ 150 h, 14 °C), band 52 ± 3.12 °C, no draws, 48 °C at t = 0: on.
        // C dT/dt = P − C(T − Ta)/τ ⇒ T(t) = Ta + A + (T0 − Ta − A)·e^(−t/τ), A = Pτ/C; T reaches 55.12 °C at
        // t = τ·ln((T0 − Ta − A)/(55.12 − Ta − A)) = 1665.9 s; the thermostat, sampled every 10 s, opens at 1670 s.
        WaterHeaterParams w = WaterHeaterParams.tpwrs2020();
        double c = w.capacityKjPerC();
        double a = w.ratedKw() * w.tauS() / c;
        double tHot = w.tauS() * Math.log((48 - 14 - a) / (52 * 1.06 - 14 - a));
        assertEquals(1665.9, tHot, 0.1);
        DeviceAgent tank = new DeviceAgent(1, new WaterHeater(w, HotWaterDraws.none(), 48), HOME, 0, Control.LOCAL, null);
        assertTrue(tank.localRule() instanceof ThermostatRule);
        DeviceFleetFederate f = fleet(tank);
        Probe<Double> p = power(f);
        run(H, f, p);
        assertEquals(2, p.changes.size(), "on from t = 0, then off once");
        assertEquals(0L, (Long) p.changes.get(0)[0]);
        assertEquals(4.5, (Double) p.changes.get(0)[1], 0);
        assertEquals((long) (Math.ceil(tHot / 10) * 10) * S, (Long) p.changes.get(1)[0]);
        assertEquals(1670 * S, (Long) p.changes.get(1)[0]);
    }

    @Test
    void eachDeviceTypeGetsItsOwnRule() {
        assertTrue(LocalRule.forDevice(new EvCharger(ev(0, 1))) instanceof PlugInCharging);
        assertTrue(LocalRule.forDevice(new HeatPumpHouse(HeatPumpParams.logHouse(), t -> 0, 45, 21)) instanceof ThermostatRule);
        assertEquals(LocalRule.IDLE, LocalRule.forDevice(HomeBattery.powerwall2(0.6)));
        // the battery idles: no power, its SoC unchanged after an hour
        DeviceAgent bat = HouseholdDevices.battery(1, HOME, Control.LOCAL, null, 0.6);
        DeviceFleetFederate f = fleet(bat);
        run(H, f);
        assertEquals(0.6, bat.device().state(), 0);
        assertEquals(0, bat.energyKwh(), 0);
    }

    @Test
    void pointOutputSumsDevicesAndSubtractsPv() {
        // run starts at noon; point A: an EV plugged at 12:00 (7.4 kW), an idle battery and a 5 kW-peak array;
        // point B: 3 kW-peak PV only; point C: nothing. Clear-sky half sine 6–18 h: peak at noon, at 15:00 ×sin(3π/4)
        ConnectionPoint a = new ConnectionPoint(1, 1);
        ConnectionPoint b = new ConnectionPoint(2, 2);
        ConnectionPoint c = new ConnectionPoint(3, 3);
        DeviceAgent car = new DeviceAgent(1, new EvCharger(ev(0, 10 * 3600)), a, 0, Control.LOCAL, null);
        DeviceAgent bat = HouseholdDevices.battery(2, a, Control.LOCAL, null, 0.6);
        DeviceFleetFederate f = fleet(car, bat).layout(new PointLayout(List.of(c, a, b),
                Arrays.asList(null, PvProfile.clearSky(5, 6, 18), PvProfile.clearSky(3, 6, 18)), 12 * 3600));
        Probe<double[]> points = new Probe<>("points", f.name(), f.pointPowerKey(), 0, 3 * H);
        Probe<double[]> meter = new Probe<>("meter", f.name(), f.meterKey(), 3 * H);
        run(3 * H, f, points, meter);
        double s = Math.sin(3 * Math.PI / 4);
        assertArrayEquals(new double[] {0, 7.4 - 5, -3}, points.sampled.get(0), 1e-12);
        // at 15:00 the EV has drawn 3 h × 7.4 = 22.2 kWh > its 10 kWh need: off
        assertArrayEquals(new double[] {0, -5 * s, -3 * s}, points.sampled.get(1), 1e-12);
        assertArrayEquals(new double[] {3 * H, 0, 8 * s}, meter.sampled.get(0), 1e-9);
        assertEquals(List.of(c, a, b), f.layout().points());
    }

    @Test
    void layoutMustListEveryDevicesPointAndEndpointsAreUnique() {
        DeviceAgent car = new DeviceAgent(1, new EvCharger(ev(0, 3600)), HOME, 0, Control.LOCAL, null);
        DeviceFleetFederate f = fleet(car);
        assertEquals(List.of(HOME), f.layout().points(), "by default the agents' points");
        assertThrows(IllegalArgumentException.class, () -> f.layout(PointLayout.of(List.of(new ConnectionPoint(1, 1)))));
        assertThrows(IllegalArgumentException.class, () -> PointLayout.of(List.of(HOME, HOME)));
        var pem = HouseholdDevices.pem(300 * S, 300 * S, 5 * S);
        List<DeviceAgent> named = new ArrayList<>();
        named.add(HouseholdDevices.battery(5, HOME, pem, 0.6).endpoint("feeder1/house7/bat"));
        named.add(HouseholdDevices.battery(6, HOME, pem, 0.6));
        named.add(HouseholdDevices.battery(7, HOME, Control.LOCAL, pem, 0.6));
        DeviceFleetFederate g = new DeviceFleetFederate("feeder1/pem", named, 10 * S, "server", 0);
        assertEquals(List.of("feeder1/house7/bat", "feeder1/pem/6"), g.endpoints(), "PEM devices only, known before the run");
        List<DeviceAgent> twice = List.of(HouseholdDevices.battery(8, HOME, pem, 0.6), HouseholdDevices.battery(8, HOME, pem, 0.6));
        assertThrows(IllegalArgumentException.class, () -> new DeviceFleetFederate("x", twice, 10 * S, "server", 0));
    }
}
