package io.packetgrid.pem.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.message.FixedDelayNetwork;
import io.packetgrid.cosim.record.Recorder;
import io.packetgrid.cosim.record.SeriesWriter;
import io.packetgrid.pem.device.EvCharger;
import io.packetgrid.pem.device.EvParams;
import io.packetgrid.pem.device.FlexibleDevice;
import io.packetgrid.pem.device.HotWaterDraws;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.device.PemBand;
import io.packetgrid.pem.device.WaterHeater;
import io.packetgrid.pem.device.WaterHeaterParams;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;
import io.packetgrid.pem.policy.PolicyMode;
import io.packetgrid.pem.policy.TrackingPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a study reads from the fleet besides its power: departures short of the owner's need, the
 * event log's device names, when the values are published between control steps (a reply starting a
 * packet) against the meter read only at control steps, the observation window of round trips, and
 * energies per connection point up to the run's end.
 */
class FleetOutputsTest {
    static final long S = 1_000_000_000L;
    static final long H = 3600 * S;
    static final ConnectionPoint HOME = new ConnectionPoint(1, 1);

    /** A device whose state never moves, deep in the lower half of its band: it requests at every step it may (μΔt ≈ 990). */
    static final class Eager implements FlexibleDevice {
        public DeviceClass deviceClass() {
            return DeviceClass.WATER_HEATER;
        }

        public double ratedKw() {
            return 4.0;
        }

        public double state() {
            return 0.01;
        }

        public PemBand band() {
            return new PemBand(0, 0.5, 1, 0.1, 0.9);
        }

        public void advance(double tS, double dtS, double powerKw) {
        }
    }

    /** Keeps the event log in memory. */
    static final class Events implements Recorder {
        final List<String> lines = new ArrayList<>();

        public SeriesWriter series(String name, List<String> columns) {
            return Recorder.discard().series(name, columns);
        }

        public void event(long timeNs, String source, String type, String detail) {
            lines.add(timeNs / S + "," + source + "," + type + "," + detail);
        }

        public void close() {
        }
    }

    static void run(long endNs, long delayNs, Recorder rec, Federate... feds) {
        Federation f = new Federation();
        for (Federate x : feds) {
            f.add(x);
        }
        f.network(st -> new FixedDelayNetwork(delayNs, 0, st.stream("net"))).recorder(rec).run(KernelOptions.of(1, endNs));
    }

    static PacketServerFederate server(PolicyMode mode) {
        return new PacketServerFederate("server", "server", TrackingPolicy.builder().mode(mode).build(), ServerInputs.NONE, 10 * S);
    }

    @Test
    void anEvLeavingShortIsCountedWithWhatItLacksAndNamedByItsEndpoint() {
        // 40 kWh car from 50 % to 75 % (10 kWh), 7.4 kW, η = 1, charging at full power from plug-in at t = 0:
        // leaving at 1 h it has 7.4 kWh, lacks 2.6 kWh > the band's tolerance 0.02·40 = 0.8 kWh: short.
        // A second car leaving at 1 h 15 min has 9.25 kWh and lacks 0.75 kWh < 0.8 kWh: left within tolerance.
        DeviceAgent early = new DeviceAgent(1, new EvCharger(new EvParams(40, 7.4, 1.0, 0, 3600, 0.5, 0.75)), HOME, 0,
                Control.LOCAL, null).endpoint("f1/house1/ev");
        DeviceAgent later = new DeviceAgent(2, new EvCharger(new EvParams(40, 7.4, 1.0, 0, 4500, 0.5, 0.75)), HOME, 0,
                Control.LOCAL, null);
        DeviceFleetFederate fleet = new DeviceFleetFederate("f1/fleet", List.of(early, later), 10 * S, "server", 0);
        Events log = new Events();
        run(2 * H, 0, log, fleet);
        assertEquals(2, fleet.stats().departures());
        assertEquals(1, fleet.stats().departuresShort());
        assertEquals(2.6, fleet.stats().shortfallKwh(), 1e-9);
        assertEquals(0.75, ((EvCharger) later.device()).energyToTargetKwh(), 1e-9);
        assertEquals(1, log.lines.size(), log.lines.toString());
        String line = log.lines.get(0);
        assertTrue(line.startsWith("3600,f1/fleet,departure_short,device=f1/house1/ev kwh="), line);
        assertEquals(2.6, Double.parseDouble(line.substring(line.indexOf("kwh=") + 4)), 1e-9);
        assertArrayEquals(new double[] {7.4 + 9.25}, fleet.pointEnergyKwh(), 1e-9, "both cars at one point");
    }

    @Test
    void aReplyStartingAPacketIsPublishedAtOnceWhileTheMeterWaitsForTheNextStep() {
        // request at 0 s, the server accepts at 3 s (5-minute packet from there), the reply lands at 6 s: the device
        // draws 4 kW from 6 s; the point's value changes at 6 s, the meter ({time, kW, PV}) still says t = 0, 0 kW
        // until the control step at 10 s reads 4 kW
        PemAutomaton.Config pem = new PemAutomaton.Config(1.0, 300 * S, 8 * S);
        DeviceAgent a = new DeviceAgent(1, new Eager(), HOME, 0, Control.PEM, pem);
        DeviceFleetFederate fleet = new DeviceFleetFederate("fleet", List.of(a), 10 * S, "server", 0);
        Probe<double[]> points = new Probe<>("points", fleet.name(), fleet.pointPowerKey(), 6 * S, 10 * S);
        Probe<double[]> meter = new Probe<>("meter", fleet.name(), fleet.meterKey(), 6 * S, 10 * S);
        run(20 * S, 3 * S, Recorder.discard(), fleet, server(PolicyMode.ACCEPT_ALL), points, meter);
        assertEquals(2, points.changes.size(), "0 kW, then 4 kW");
        assertEquals(6 * S, (Long) points.changes.get(1)[0]);
        assertArrayEquals(new double[] {4.0}, points.sampled.get(0), 0);
        assertArrayEquals(new double[] {0, 0, 0}, meter.sampled.get(0), 0);
        assertArrayEquals(new double[] {10 * S, 4.0, 0}, meter.sampled.get(1), 0);
        assertEquals(4.0 * 14 / 3600, a.energyKwh(), 1e-12, "4 kW from 6 s to the end at 20 s");
    }

    @Test
    void roundTripsCountWhenTheirRequestWasSentInTheWindow() {
        // every request denied after 3 s, the denial back 3 s later: a 6 s round trip per control step. Window from
        // 15 s, run to 60 s: requests sent at 20, 30, 40, 50 s count (their replies by 56 s); the one sent at 10 s is
        // answered at 16 s, inside the window, but was sent before it; the one sent at 60 s is not answered by the end
        DeviceAgent a = new DeviceAgent(1, new Eager(), HOME, 0, Control.PEM, new PemAutomaton.Config(1.0, 300 * S, 8 * S));
        DeviceFleetFederate fleet = new DeviceFleetFederate("fleet", List.of(a), 10 * S, "server", 15 * S);
        Probe<Double> power = new Probe<>("p", fleet.name(), fleet.powerKey());
        run(60 * S, 3 * S, Recorder.discard(), fleet, server(PolicyMode.DENY_ALL), power);
        assertEquals(4, fleet.stats().latencies().size());
        assertEquals(1, fleet.stats().latencies().distinct());
        assertEquals(6 * S, fleet.stats().latencies().at(0));
        assertEquals(7, fleet.stats().requests());
        assertEquals(6, fleet.stats().replies());
        assertEquals(6, a.automaton().deniedCount());
        assertEquals(1, power.changes.size(), "denials change nothing: 0 kW throughout");
    }

    @Test
    void energiesRunToTheEndOfTheRunBetweenControlSteps() {
        // TPWRS 2020 tank at 48 °C, on at t = 0 under its thermostat and still heating at 25 s (it needs ~1666 s to
        // reach its upper limit): 4.5 kW × 25 s, though the fleet's last control step was at 20 s (another federate
        // takes the run to 25 s)
        DeviceAgent tank = new DeviceAgent(1, new WaterHeater(WaterHeaterParams.tpwrs2020(), HotWaterDraws.none(), 48), HOME, 0,
                Control.LOCAL, null).initiallyOn(1);
        DeviceFleetFederate fleet = new DeviceFleetFederate("fleet", List.of(tank), 10 * S, "server", 0);
        run(29 * S, 0, Recorder.discard(), fleet, new Probe<>("p", fleet.name(), fleet.powerKey(), 25 * S));
        assertEquals(4.5 * 25 / 3600, tank.energyKwh(), 1e-12);
        assertArrayEquals(new double[] {4.5 * 25 / 3600}, fleet.pointEnergyKwh(), 1e-12);
        assertEquals(2, fleet.intervalTrace().size(), "the intervals [0, 10) and [10, 20) s; [20, 25) s is not a whole step");
    }
}
