package io.packetgrid.pem.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.message.FixedDelayNetwork;
import io.packetgrid.cosim.message.IdealNetwork;
import io.packetgrid.pem.internet.EnergyInternetServer;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.schedule.Supply;
import io.packetgrid.pem.service.EvService;
import io.packetgrid.pem.service.ModulatedEv;
import io.packetgrid.pem.service.ProgrammeAppliance;
import io.packetgrid.pem.service.ProgrammeService;
import io.packetgrid.pem.service.Sauna;
import io.packetgrid.pem.service.SaunaParams;
import io.packetgrid.pem.service.SaunaService;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The founding paper's three households (a dishwasher, an EV, a sauna) as deadline devices in the
 * device fleet under the Energy-Internet server federate, over an ideal and a lossy network.
 */
class ServiceFleetTest {
    static final long S = 1_000_000_000L;
    static final long MIN = 60 * S;
    static final long H = 60 * MIN;

    record Run(DeviceFleetFederate fleet, ServiceServerFederate server, EvService ev, SaunaService sauna, ProgrammeService dw) {
    }

    /** The run starts at midnight; import at 0.30 until 22:00, 0.10 after; 20 kW importable. */
    static Run run(boolean lossy, long endNs) {
        EvService ev = new EvService(ModulatedEv.seed(0.4), 16 * H, 24 * H, 1.0);
        SaunaService sauna = new SaunaService(new Sauna(SaunaParams.seed(), 20), 14 * H, 19 * H, 70);
        ProgrammeService dw = new ProgrammeService(ProgrammeAppliance.dishwasher(), 19 * H + 30 * MIN, 20 * H, 23 * H);
        List<ServiceAgent> agents = List.of(new ServiceAgent(1, dw, new ConnectionPoint(1, 1), 0, 15 * MIN),
                new ServiceAgent(2, ev, new ConnectionPoint(2, 1), 0, 15 * MIN),
                new ServiceAgent(3, sauna, new ConnectionPoint(3, 1), 0, 15 * MIN));
        DeviceFleetFederate fleet = new DeviceFleetFederate("homes", List.of(), MIN, "server", 0).services(agents);
        EnergyInternetServer eis = new EnergyInternetServer(new EnergyInternetServer.Config(15 * MIN, 96, H), (grid, issued) -> {
            double[] c = new double[grid.count()];
            double[] p = new double[grid.count()];
            for (int t = 0; t < c.length; t++) {
                c[t] = 20;
                p[t] = grid.slotStartNs(t) >= 22 * H ? 0.10 : 0.30;
            }
            return List.of(new Supply("import", c, p));
        }, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        ServiceServerFederate server = new ServiceServerFederate("server", "server", eis, MIN, t -> 0);
        Federation f = new Federation().add(fleet).add(server);
        if (lossy) { // every message 30 % lost, 2 s late
            f.network(st -> new FixedDelayNetwork(2 * S, 0.3, st.stream("net")));
        } else {
            f.network(st -> new IdealNetwork());
        }
        f.run(KernelOptions.of(5, endNs));
        return new Run(fleet, server, ev, sauna, dw);
    }

    @Test
    void everyAcceptedRequestIsMetByItsDeadline() {
        Run r = run(false, 24 * H);
        EnergyInternetServer s = r.server().server();
        assertEquals(3, s.acceptedCount());
        assertEquals(0, s.rejected());
        // the EV is full at midnight: 20 kWh from the grid (18 kWh stored at η = 0.9); the cheap hours 22–24 take 10 kWh
        assertEquals(1.0, r.ev().ev().soc(), 1e-9);
        // the dishwasher ran its hour between 20:00 and 23:00, at its cheapest start: 22:00 (0.10 from 22:00)
        assertEquals(22 * H, r.dw().appliance().startNs());
        assertTrue(r.dw().appliance().done(23 * H));
        for (ServiceAgent a : r.fleet().serviceAgents()) {
            assertTrue(a.accepted(), "device " + a.id());
        }
    }

    @Test
    void theSaunaIsAtItsTemperatureAtSeven() {
        // booked at 14:00 for 70 °C at 19:00: a heat-up of 3602.65 s from 20 °C; the run stops at 19:00
        Run r = run(false, 19 * H);
        assertTrue(r.sauna().sauna().tempC() >= 70 - 1e-6, "at 19:00: " + r.sauna().sauna().tempC());
        assertTrue(r.sauna().sauna().tempC() < 72, "not heated far past its target: " + r.sauna().sauna().tempC());
        Run lossy = run(true, 19 * H);
        assertTrue(lossy.sauna().sauna().tempC() >= 70 - 1e-6, "lossy network, at 19:00: " + lossy.sauna().sauna().tempC());
    }

    @Test
    void lostCommandsCannotMakeADeviceMissItsDeadline() {
        // with 30 % of messages lost, a device may never hear its commands: it forces itself at zero slack
        Run r = run(true, 24 * H);
        assertEquals(1.0, r.ev().ev().soc(), 1e-6, "the EV is full at midnight");
        assertTrue(r.dw().appliance().done(23 * H), "the dishwasher has run by 23:00");
    }
}
