package io.packetgrid.pem.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.device.HotWaterDraws;
import io.packetgrid.pem.device.PvProfile;
import io.packetgrid.pem.device.WaterHeater;
import io.packetgrid.pem.device.WaterHeaterParams;
import io.packetgrid.pem.packet.ConnectionPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fleet following its points' supply: a de-energised home's water heater draws nothing and cools by its
 * own physics (by hand: T(t) = Ta + (T0 − Ta) e^(−t/τ) without power), its PV injects nothing, and both come
 * back with the supply; PV ceases everywhere while the anti-islanding value is on.
 */
class SupplyTest {
    static final long S = 1_000_000_000L;
    static final long H = 3600 * S;
    static final ConnectionPoint A = new ConnectionPoint(1, 1);
    static final ConnectionPoint B = new ConnectionPoint(2, 2);
    static final ValueKey<double[]> SUPPLY = ValueKey.ofArray("grid/load_energised", 0.5);
    static final ValueKey<Double> ISLANDED = ValueKey.ofDouble("grid/islanded", 0.5);

    /** Home A loses supply from 12:10 to 12:40; the grid islands (PV off) from 12:50 to 13:00. */
    static final class Grid implements Federate {
        public String name() {
            return "grid";
        }

        public long initialize(Setup s) {
            s.publishes(SUPPLY, new double[] {1, 1, 1});
            s.publishes(ISLANDED, 0.0);
            return 10 * 60 * S;
        }

        public long step(Step s) {
            long t = s.now();
            // entries: [unused, home B, home A] to check the mapping
            s.publish(SUPPLY, new double[] {1, 1, t >= 10 * 60 * S && t < 40 * 60 * S ? 0 : 1});
            s.publish(ISLANDED, t >= 50 * 60 * S && t < H ? 1.0 : 0.0);
            return t < 10 * 60 * S + 1 ? 40 * 60 * S : t < 40 * 60 * S + 1 ? 50 * 60 * S : t < 50 * 60 * S + 1 ? H : SimTime.NEVER;
        }
    }

    static double pv(double peak, int minute) {
        return PvProfile.clearSky(peak, 6, 18).powerKw(12 * 3600 + minute * 60);
    }

    @Test
    void devicesAndPvFollowTheSupply() {
        WaterHeaterParams w = WaterHeaterParams.tpwrs2020();
        DeviceAgent tank = new DeviceAgent(1, new WaterHeater(w, HotWaterDraws.none(), 45), A, 0, Control.LOCAL, null);
        DeviceFleetFederate f = new DeviceFleetFederate("houses", List.of(tank), 10 * S, "server", 0)
                .layout(new PointLayout(List.of(A, B), java.util.Arrays.asList(PvProfile.clearSky(3, 6, 18),
                        PvProfile.clearSky(2, 6, 18)), 12 * 3600.0))
                .supply(SUPPLY, new int[] {2, 1})
                .pvOffWhile(ISLANDED);
        Probe<double[]> points = new Probe<>("probe", "houses", f.pointPowerKey(), 5 * 60 * S, 20 * 60 * S, 45 * 60 * S, 55 * 60 * S);
        LocalControlTest.run(65 * 60 * S, new Grid(), f, points);
        // the tank (45 °C, below its band) heats at 4.5 kW until its supply fails; PV at the two homes
        assertArrayEquals(new double[] {4.5 - pv(3, 5), -pv(2, 5)}, points.sampled.get(0), 1e-9);
        assertArrayEquals(new double[] {0, -pv(2, 20)}, points.sampled.get(1), 1e-9, "home A dark: no heater, no PV");
        assertArrayEquals(new double[] {4.5 - pv(3, 45), -pv(2, 45)}, points.sampled.get(2), 1e-9, "back: the tank heats again");
        assertArrayEquals(new double[] {4.5, 0}, points.sampled.get(3), 1e-9, "islanded, PV ceased");
        // by hand: heated 12:00–12:10 and 12:40–13:05 (35 min at 4.5 kW), nothing in the outage; below 55.12 °C throughout
        assertEquals(4.5 * 35 / 60, tank.energyKwh(), 1e-9, "energy: 10 min before and 25 min after the outage");
        double c = w.capacityKjPerC();
        double a = w.ratedKw() * w.tauS() / c;
        double t10 = 14 + a + (45 - 14 - a) * Math.exp(-600 / w.tauS());
        double t40 = 14 + (t10 - 14) * Math.exp(-1800 / w.tauS());
        double t65 = 14 + a + (t40 - 14 - a) * Math.exp(-1500 / w.tauS());
        // (the tank model integrates between its 10 s steps: within 1e-3 °C of the closed form)
        assertEquals(t65, tank.device().state(), 1e-3, "the tank temperature by its own law, power off for 30 min");
    }

    @Test
    void aDeadlineDeviceStopsInAnOutageAndItsProgrammeResumesAfter() {
        // a dishwasher at home A loaded at 12:05, run by its owner at once, to be done by 14:00; A is dark 12:10–12:40.
        // Its programme (2 kW 15 min, 0.15 kW 30 min, 2 kW 15 min) stops after 5 min and resumes at 12:40 where it
        // stopped: 2 kW to 12:50, 0.15 kW to 13:20, 2 kW to 13:35, done 30 min late but by its deadline, all 1.075 kWh
        ServiceAgent dw = new ServiceAgent(7, new io.packetgrid.pem.service.ProgrammeService(
                io.packetgrid.pem.service.ProgrammeAppliance.dishwasher(), 5 * 60 * S, 5 * 60 * S, 2 * H), A, 0, 60 * S)
                .local(ServiceAgent.Local.AS_SOON_AS_POSSIBLE);
        DeviceFleetFederate f = new DeviceFleetFederate("houses", List.of(), 10 * S, "server", 0)
                .layout(new PointLayout(List.of(A, B), null, 12 * 3600.0))
                .services(List.of(dw))
                .supply(SUPPLY, new int[] {2, 1});
        Probe<double[]> points = new Probe<>("probe", "houses", f.pointPowerKey(), 8 * 60 * S, 20 * 60 * S, 45 * 60 * S, 60 * 60 * S);
        LocalControlTest.run(125 * 60 * S, new Grid(), f, points);
        assertArrayEquals(new double[] {2, 0}, points.sampled.get(0), 1e-9);
        assertArrayEquals(new double[] {0, 0}, points.sampled.get(1), 1e-9, "dark: the dishwasher draws nothing");
        assertArrayEquals(new double[] {2, 0}, points.sampled.get(2), 1e-9, "back: its first phase goes on (5 of 15 min done)");
        assertArrayEquals(new double[] {0.15, 0}, points.sampled.get(3), 1e-9, "its middle phase from 12:50");
        assertEquals(95 * 60 * S, dw.doneAtNs());
        assertEquals(1.075, dw.energyKwh(), 1e-9);
        assertEquals(true, dw.met());
    }
}
