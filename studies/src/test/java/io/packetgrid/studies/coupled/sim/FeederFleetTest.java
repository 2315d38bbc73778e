package io.packetgrid.studies.coupled.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.device.EvParams;
import io.packetgrid.pem.device.HotWaterDraws;
import io.packetgrid.pem.device.PvProfile;
import io.packetgrid.pem.device.WaterHeaterParams;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.sim.Control;
import io.packetgrid.pem.sim.DeviceAgent;
import io.packetgrid.pem.sim.DeviceFleetFederate;
import io.packetgrid.studies.coupled.household.DevicePlan;
import io.packetgrid.studies.coupled.household.FeederPlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import io.packetgrid.studies.coupled.scenario.PemSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coupled study's households in packet-server's fleet: ids, endpoints, connection points, the
 * households' net power (devices minus PV at the time of day), the initial packets, and the
 * uncontrolled EV that charges from the instant it is plugged in until the instant its target is met.
 */
class FeederFleetTest {
    static final long S = 1_000_000_000L;

    /** Two households: load3 on phase 2 with a water heater (on at t = 0) and 3 kW-peak PV; load7 on phase 1 with an EV. */
    static FeederPlan plan() {
        WaterHeaterParams w = WaterHeaterParams.tpwrs2020();
        DevicePlan wh = new DevicePlan.WaterHeaterPlan(w, HotWaterDraws::none, 48, 0.25);
        // 20 kWh battery from 40 % to 90 %: 10 kWh stored, 10/0.9 kWh from the grid at 7.2 kW; plugged in 15 s after
        // the start, unplugged 10 h later
        DevicePlan ev = new DevicePlan.EvPlan(new EvParams(20, 7.2, 0.9, 15, 36_015, 0.4, 0.9));
        Household a = new Household(0, "load3", 2, 2, "b3", 2, 0, 0, List.of(wh), PvProfile.clearSky(3, 6, 18));
        Household b = new Household(1, "load7", 6, 6, "b7", 1, 0, 0, List.of(ev), null);
        return new FeederPlan(0, "f1", List.of(a, b), new int[] {0, 1, 2, 3, 4, 5, 6});
    }

    static PemSpec pem() {
        return YamlFiles.read("{packet: 5m, ev_packet: 15m, mttr: 5m, ev_mttr: 1m, priorities: {ev_charger: 2}}", "pem", PemSpec.class);
    }

    @Test
    void devicesAreNumberedAndNamedPerHouseholdAndConnectedAtItsPoint() {
        DeviceFleetFederate fleet = FeederFleet.build(plan(), true, pem(), 10 * S, 0, 15 * 3600, false);
        List<DeviceAgent> a = fleet.agents();
        assertEquals(List.of(1L, 2L), List.of(a.get(0).id(), a.get(1).id()));
        assertEquals(List.of("f1/load3/wh", "f1/load7/ev"), fleet.endpoints());
        assertEquals(List.of(new ConnectionPoint(1, 2), new ConnectionPoint(2, 1)), fleet.layout().points());
        assertEquals(new ConnectionPoint(2, 1), a.get(1).at());
        assertEquals(List.of(0, 2), List.of(a.get(0).priority(), a.get(1).priority()), "priorities by type");
        assertEquals(List.of(DeviceType.WATER_HEATER, DeviceType.EV_CHARGER), FeederFleet.types(plan()));
        // ACC 2017 Table I: a tank below its set-point starts inside a packet, here with a quarter of 5 min left
        assertEquals(75 * S, a.get(0).automaton().packetEndNs());
        assertEquals(4.5, a.get(0).powerKw(), 0);
        assertEquals(1.0 / 60, a.get(1).automaton().config().mRHz(), 1e-15, "ev_mttr 1 min");
        assertEquals(900 * S, a.get(1).automaton().config().packetNs(), "ev_packet 15 min");
        FeederPlan local = plan();
        DeviceFleetFederate off = FeederFleet.build(local, false, pem(), 10 * S, 0, 0, false);
        assertEquals(List.of(), off.endpoints(), "no endpoints without PEM");
        assertEquals(Control.LOCAL, off.agents().get(1).control());
        assertNull(off.agents().get(1).automaton());
    }

    /** Records a value at every change and at chosen times. */
    static final class Probe implements Federate {
        final ValueKey<double[]> key;
        final String after;
        final long[] at;
        final List<Object[]> changes = new ArrayList<>();
        final List<double[]> sampled = new ArrayList<>();
        int next;

        Probe(ValueKey<double[]> key, String after, long... at) {
            this.key = key;
            this.after = after;
            this.at = at;
        }

        public String name() {
            return "probe";
        }

        public long initialize(Setup s) {
            s.wakesOn(key);
            s.after(after);
            return 0;
        }

        public long step(Step s) {
            double[] v = s.read(key);
            if (changes.isEmpty() || !Arrays.equals((double[]) changes.get(changes.size() - 1)[1], v)) {
                changes.add(new Object[] {s.now(), v});
            }
            if (next < at.length && at[next] == s.now()) {
                sampled.add(v);
                next++;
            }
            return next < at.length ? at[next] : SimTime.NEVER;
        }
    }

    @Test
    void uncontrolledHouseholdsDrawTheirDevicesMinusTheirPvAndTheEvStopsWhenFull() {
        // the run starts at 15:00: load3's tank heats (4.5 kW) under its thermostat, its PV gives 3·sin(π·9/12) kW;
        // load7's EV charges 7.2 kW from 15 s (plug-in, between two 10 s steps) until its 10/0.9 kWh are in:
        // t = 15 s + (10/0.9)/7.2 h = 15 + 5555.556 s
        FeederPlan plan = plan();
        DeviceFleetFederate fleet = FeederFleet.build(plan, false, pem(), 10 * S, 0, 15 * 3600, false);
        Probe p = new Probe(FeederFleet.householdKwKey(plan), fleet.name(), 0);
        new Federation().add(fleet).add(p).run(KernelOptions.of(1, 3 * 3600 * S));
        double pv = 3 * Math.sin(Math.PI * 9 / 12);
        assertArrayEquals(new double[] {4.5 - pv, 0}, p.sampled.get(0), 1e-12);
        long full = 15 * S + (long) Math.ceil(10 / 0.9 / 7.2 * 3600e9);
        List<Long> evSwitches = new ArrayList<>();
        double last = 0;
        for (Object[] c : p.changes) {
            double ev = ((double[]) c[1])[1];
            if (ev != last) {
                evSwitches.add((Long) c[0]);
                last = ev;
            }
        }
        assertEquals(2, evSwitches.size(), "on at plug-in, off when full");
        assertEquals(15 * S, evSwitches.get(0));
        assertEquals(full, evSwitches.get(1), 2.0, "off at the instant the target is met (± 2 ns of rounding)");
        DeviceAgent ev = fleet.agents().get(1);
        assertEquals(10 / 0.9, ev.energyKwh(), 1e-9, "exactly its need, not a step more");
        assertEquals(0.9, ev.device().state(), 1e-12);
    }
}
