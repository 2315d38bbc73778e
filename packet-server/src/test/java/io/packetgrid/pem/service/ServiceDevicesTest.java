package io.packetgrid.pem.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;
import org.junit.jupiter.api.Test;

/** The deadline devices against closed forms, and slack (laxity) of a request. */
class ServiceDevicesTest {
    static final long S = 1_000_000_000L;
    static final long H = 3600 * S;
    static final ConnectionPoint HOME = new ConnectionPoint(1, 1);

    @Test
    void saunaHeatsAndCoolsAsOneThermalNode() {
        // C = 0.0557 kWh/°C, UA = 0.03 kW/°C: τ = 1.8567 h = 6684 s; at 3.6 kW T∞ = 20 + 3.6/0.03 = 140 °C;
        // 20 → 70 °C takes τ·ln(120/70) = 3602.65 s and 3.6 kW × that = 3.6027 kWh
        SaunaParams p = SaunaParams.seed();
        assertEquals(6684.0, p.tauS(), 1e-9);
        double tHeat = 6684.0 * Math.log(120.0 / 70.0);
        assertEquals(3602.65, tHeat, 0.01);
        assertEquals(tHeat, Sauna.heatUpS(p, 20, 70), 1e-9);
        Sauna s = new Sauna(p, 20);
        assertEquals(3.6 * tHeat / 3600, s.needKwh(70), 1e-12);
        for (int k = 0; k < 1000; k++) { // exact per interval: steps add up to the closed form
            s.advance(tHeat / 1000, 3.6);
        }
        assertEquals(70, s.tempC(), 1e-9);
        assertEquals(0, s.needKwh(70), 1e-9);
        // off for an hour: T = 20 + 50·e^(−3600/6684) = 49.18 °C, and it needs longer to get back
        s.advance(3600, 0);
        assertEquals(20 + 50 * Math.exp(-3600.0 / 6684), s.tempC(), 1e-9);
        assertEquals(6684.0 * Math.log((s.tempC() - 140) / (70 - 140.0)), Sauna.heatUpS(p, s.tempC(), 70), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, Sauna.heatUpS(p, 20, 150), "beyond its steady state");
        assertEquals(0.03 * 50, p.holdKw(70), 1e-12, "holding 70 °C costs UA·(70 − 20) = 1.5 kW");
    }

    @Test
    void dishwasherProgramme() {
        // 2 kW for 15 min, 0.15 kW for 30 min, 2 kW for 15 min: 0.5 + 0.075 + 0.5 = 1.075 kWh in one hour
        ProgrammeAppliance d = ProgrammeAppliance.dishwasher();
        assertEquals(H, d.durationNs());
        assertEquals(1.075, d.energyKwh(), 1e-12);
        assertEquals(0, d.powerKw(20 * H));
        d.start(20 * H);
        assertEquals(2.0, d.powerKw(20 * H));
        assertEquals(0.15, d.powerKw(20 * H + 20 * 60 * S));
        assertEquals(2.0, d.powerKw(20 * H + 59 * 60 * S));
        assertEquals(0, d.powerKw(21 * H));
        assertEquals(0.5 + 0.15 * 10 / 60, d.energyDrawnKwh(20 * H + 25 * 60 * S), 1e-12);
        assertEquals(1.075, d.energyDrawnKwh(23 * H), 1e-12);
        assertTrue(d.done(21 * H));
        assertFalse(d.done(21 * H - 1));
        d.start(22 * H);
        assertEquals(20 * H, d.startNs(), "a programme starts once");
    }

    @Test
    void modulatedEvNeedsAndCharges() {
        // 30 kWh at SoC 0.4: 18 kWh stored to be full, 18/0.9 = 20 kWh from the grid: 4 h at 5 kW
        ModulatedEv ev = ModulatedEv.seed(0.4);
        assertEquals(20, ev.needKwh(1), 1e-12);
        ev.advance(3600, 2.5);
        assertEquals(0.4 + 2.5 * 0.9 / 30, ev.soc(), 1e-12);
        ev.advance(3600, 9); // clipped to 5 kW
        assertEquals(0.4 + 7.5 * 0.9 / 30, ev.soc(), 1e-12);
        ev.advance(100 * 3600, 5);
        assertEquals(1.0, ev.soc(), 0);
    }

    @Test
    void slackIsTheTimeLeftBeforeFullPowerMustStart() {
        // 20 kWh at up to 5 kW by midnight (24 h): it must start by 20:00; at 18:00 it may wait two hours
        ServiceRequest ev = ServiceRequest.energy(1, 7, DeviceClass.EV_CHARGER, 0, HOME, 20, 0, 5, 16 * H, 24 * H);
        assertEquals(20 * H, ev.latestStartNs(20));
        assertEquals(2 * H, ev.slackNs(18 * H, 20));
        assertEquals(0, ev.slackNs(20 * H, 20), "forced use from here");
        assertEquals(H, ev.slackNs(22 * H, 5), "5 kWh left at 22:00: one hour of slack");
        assertTrue(ev.feasibleAlone());
        // a dishwasher startable from 20:00 that must be done by 23:00: latest start 22:00 whatever it drew
        ServiceRequest dw = ServiceRequest.programme(2, 8, DeviceClass.WASHING, 0, HOME, new double[] {2, 0.15, 0.15, 2}, H / 4,
                20 * H, 23 * H);
        assertEquals(1.075, dw.energyKwh(), 1e-12);
        assertEquals(22 * H, dw.latestStartNs(1.075));
        assertEquals(2.0, dw.maxKw());
        assertEquals(0.15, dw.profileKwAt(H / 4), 0);
        assertFalse(ServiceRequest.energy(3, 9, DeviceClass.EV_CHARGER, 0, HOME, 50, 0, 5, 16 * H, 24 * H).feasibleAlone(),
                "50 kWh at 5 kW takes 10 h, the window has 8");
        assertThrows(IllegalArgumentException.class,
                () -> ServiceRequest.energy(4, 9, DeviceClass.EV_CHARGER, 0, HOME, 5, 0, 5, 24 * H, 16 * H));
    }
}
