package io.packetgrid.pem.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.message.IdealNetwork;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.service.EvService;
import io.packetgrid.pem.service.ModulatedEv;
import io.packetgrid.pem.service.ProgrammeAppliance;
import io.packetgrid.pem.service.ProgrammeService;
import io.packetgrid.pem.service.Sauna;
import io.packetgrid.pem.service.SaunaParams;
import io.packetgrid.pem.service.SaunaService;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deadline devices whose owners run them without a server (the coupled study's uncontrolled and PEM variants),
 * and the fleet stepping at the instants a deadline device's draw changes by itself, against hand values.
 */
class ServiceLocalTest {
    static final long S = 1_000_000_000L;
    static final long MIN = 60 * S;
    static final long H = 3600 * S;
    static final ConnectionPoint HOME = new ConnectionPoint(1, 1);

    static DeviceFleetFederate run(List<ServiceAgent> agents, long endNs) {
        DeviceFleetFederate fleet = new DeviceFleetFederate("homes", List.of(), MIN, "server", 0).services(agents);
        new Federation().add(fleet).add(new ServiceForcedUseTest.Silent()).network(st -> new IdealNetwork())
                .run(KernelOptions.of(1, endNs));
        return fleet;
    }

    @Test
    void aDishwasherRunAloneStartsWhenLoaded() {
        // loaded at 20:00:30 (between two control steps), done by 07:00: its 1-hour programme runs 20:00:30–21:00:30,
        // 1.075 kWh; nothing is sent
        ProgrammeService dw = new ProgrammeService(ProgrammeAppliance.dishwasher(), 20 * H + 30 * S, 20 * H + 30 * S, 31 * H);
        ServiceAgent a = new ServiceAgent(1, dw, HOME, 0, Long.MAX_VALUE / 4).local(ServiceAgent.Local.AS_SOON_AS_POSSIBLE);
        DeviceFleetFederate f = run(List.of(a), 24 * H);
        assertEquals(20 * H + 30 * S, dw.appliance().startNs());
        assertEquals(1.075, a.energyKwh(), 1e-9);
        assertTrue(a.met());
        assertEquals(21 * H + 30 * S, a.doneAtNs(), "done the instant its programme ends");
        assertEquals(0, f.stats().requests());
        assertTrue(f.endpoints().isEmpty(), "no radio endpoint for a device that sends nothing");
    }

    @Test
    void aSaunaRunAloneIsSwitchedOnJustInTime() {
        // 3.6 kW from 20 °C to 70 °C: heat-up τ·ln((20 − 140)/(70 − 140)) = 3602.65 s (the closed form of Sauna), so it
        // starts 3602.65 s before 19:00, draws 3.6 kW × 3602.65 s and is at 70 °C at 19:00
        SaunaParams p = SaunaParams.seed();
        double heatUpS = p.tauS() * Math.log((20 - 140) / (70 - 140.0));
        assertEquals(3602.65, heatUpS, 0.01);
        SaunaService sauna = new SaunaService(new Sauna(p, 20), 14 * H, 19 * H, 70);
        ServiceAgent a = new ServiceAgent(1, sauna, HOME, 0, Long.MAX_VALUE / 4).local(ServiceAgent.Local.JUST_IN_TIME);
        run(List.of(a), 19 * H);
        assertEquals(19 * H - heatUpS * 1e9, a.forcedSinceNs(), 2000);
        assertEquals(3.6 * heatUpS / 3600, a.energyKwh(), 1e-5);
        assertEquals(70, sauna.sauna().tempC(), 1e-4);
        assertTrue(a.met());
    }

    @Test
    void anEvStopsTheInstantItIsFull() {
        // run alone at full power: 30 kWh from 0.5 to 0.8 is (0.8 − 0.5)·30/0.9 = 10 kWh from the grid at 5 kW: 2 h exactly
        // from 16:00:20; the fleet steps at 18:00:20 though its control steps are whole minutes, so it draws 10 kWh, no more
        EvService ev = new EvService(new ModulatedEv(30, 5, 0.9, 0.5), 16 * H + 20 * S, 31 * H, 0.8);
        ServiceAgent a = new ServiceAgent(1, ev, HOME, 0, Long.MAX_VALUE / 4).local(ServiceAgent.Local.AS_SOON_AS_POSSIBLE);
        run(List.of(a), 24 * H);
        assertEquals((0.8 - 0.5) * 30 / 0.9, a.energyKwh(), 1e-9);
        assertEquals(0.8, ev.ev().soc(), 1e-9);
        assertEquals(18 * H + 20 * S, a.doneAtNs(), 1, "done when full");
        assertTrue(a.met());
    }

    @Test
    void aServiceThatLacksMoreThanASecondAtItsDeadlineIsNotMet() {
        // an EV plugged in at 23:00 that needs 10 kWh at 5 kW by 24:00 cannot make it (2 h): run alone from 23:00, it
        // charges 5 kWh and leaves at midnight short
        EvService ev = new EvService(new ModulatedEv(30, 5, 1.0, 0.5), 23 * H, 24 * H, 0.5 + 10.0 / 30);
        ServiceAgent a = new ServiceAgent(1, ev, HOME, 0, Long.MAX_VALUE / 4).local(ServiceAgent.Local.AS_SOON_AS_POSSIBLE);
        run(List.of(a), 25 * H);
        assertEquals(5, a.energyKwh(), 1e-9, "it stops drawing at its deadline");
        assertFalse(a.met());
    }
}
