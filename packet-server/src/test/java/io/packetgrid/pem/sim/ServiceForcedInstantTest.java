package io.packetgrid.pem.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.message.IdealNetwork;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.pem.internet.EnergyInternetServer;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.schedule.Supply;
import io.packetgrid.pem.service.EvService;
import io.packetgrid.pem.service.ModulatedEv;
import io.packetgrid.pem.service.Sauna;
import io.packetgrid.pem.service.SaunaParams;
import io.packetgrid.pem.service.SaunaService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue #15: a deadline device commanded a power p below its full power P must go to forced use at the
 * instant its slack reaches zero, and reach it in a few steps. Its slack falls at 1 − p/P of the clock (the
 * EV: its need, grid energy, falls at p), so a rule that looked only at the need of now (forced at now +
 * slack) stepped at now + slack, found slack·p/P left, and so on: geometrically many steps, and none at
 * all to the end once the slack was under about 1 ns/(1 − p/P) (the ceil of the latest start held it).
 * The hand values here: the EV's t* = plug-in + slack/(1 − p/P); the sauna's by bisection on its thermal
 * model (Newton's cooling with a constant source, as {@link Sauna}'s header). Each run's fleet is cut
 * off after {@link #LIMIT} steps so that a regression fails here and never hangs the suite.
 */
class ServiceForcedInstantTest {
    static final long S = 1_000_000_000L;
    static final long H = 3600 * S;
    static final int LIMIT = 5_000;

    /** A federate, counting its steps; after {@code limit} of them it stops stepping the inner one (a runaway ends). */
    static final class Capped implements Federate {
        final Federate inner;
        final int limit;
        int steps;

        Capped(Federate inner, int limit) {
            this.inner = inner;
            this.limit = limit;
        }

        public String name() {
            return inner.name();
        }

        public long initialize(Setup s) {
            return inner.initialize(s);
        }

        public long step(Step s) {
            return ++steps > limit ? SimTime.NEVER : inner.step(s);
        }

        @Override
        public void finish(long endNs) {
            inner.finish(endNs);
        }
    }

    /** Runs one agent under a server commanding {@code kw}, hourly control steps; the fleet's step count. */
    static int run(ServiceAgent a, double kw, long endNs) {
        Capped fleet = new Capped(new DeviceFleetFederate("homes", List.of(), H, "server", 0).services(List.of(a)), LIMIT);
        new Federation().add(fleet).add(new ServiceForcedUseTest.Commanding(kw)).network(st -> new IdealNetwork()).run(KernelOptions.of(1, endNs));
        return fleet.steps;
    }

    /** The commanded power as a fraction of full power, the cases of the property tests. */
    static final double[] FRACTIONS = {0, 0.5, 1 - 1e-3, 1 - 1e-9, 1};

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anEvCommandedJustUnderItsFullPowerIsForcedWhenItsSlackRunsOutInAFewSteps() {
        // The case: 20 kWh from the grid at up to 5 kW from 16:00, deadline 20:00:01 (1 s of slack), commanded
        // 4.999 kW. The slack falls at 1 − 4.999/5 = 2e-4 of the clock: t* = 16:00 + 1 s / 2e-4 = 17:23:20; from then on
        // at 5 kW it is full at 20:00:01 exactly (4.999 kW for 5000 s is 6.94306 kWh, 13.05694 kWh at 5 kW is 9401 s).
        // Before the fix the fleet never got past ~16:00 (steps every slack·p/P, then every nanosecond).
        EvService ev = new EvService(ModulatedEv.seed(0.4), 16 * H, 20 * H + S, 1.0);
        ServiceAgent a = new ServiceAgent(1, ev, new ConnectionPoint(1, 1), 0, 15 * 60 * S);
        int steps = run(a, 4.999, 24 * H);
        assertTrue(steps < 60, "fleet steps: " + steps);
        assertEquals(16 * H + 5000 * S, a.forcedSinceNs(), 2000 + 2 * 5000, "t* = 16:00 + 1 s/(1 − 4.999/5), ± 2 µs + 2 ns of slack");
        assertEquals(1.0, ev.ev().soc(), 1e-9);
        assertTrue(a.met());
        assertEquals(20 * H + S, a.doneAtNs(), 2000);
    }

    @ParameterizedTest(name = "p = {0} × full")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anEvIsForcedExactlyWhenItsSlackReachesZeroWhateverItsCommandedPower(int k) {
        // 20 kWh from the grid (SoC 0.4 → 1, 30 kWh, η = 0.9) at up to 5 kW from 16:00; deadline 4 h + s0 later, with
        // s0 = 1000 s·(1 − p/P): commanded p, its slack falls at 1 − p/P, so it is forced at 16:00 + 1000 s whatever p
        // (at p = P: never; with s0 = 1 s it is full at 20:00)
        double r = FRACTIONS[k];
        double p = 5 * r;
        long s0 = r < 1 ? Math.round(1e12 * (1 - r)) : S;
        EvService ev = new EvService(ModulatedEv.seed(0.4), 16 * H, 20 * H + s0, 1.0);
        ServiceAgent a = new ServiceAgent(1, ev, new ConnectionPoint(1, 1), 0, 15 * 60 * S);
        int steps = run(a, p, 24 * H);
        assertTrue(steps < 60, "fleet steps: " + steps);
        if (r < 1) {
            double rate = (5 - p) / 5; // the slack's fall per unit time
            double expected = 16 * H + s0 / rate;
            // the slack is counted in whole ns (the latest start's ceil): 1 ns of it lasts 1/rate ns
            assertEquals(expected, a.forcedSinceNs(), 2000 + 2 / rate, "forced at plug-in + s0/(1 − p/P)");
        } else {
            assertEquals(-1, a.forcedSinceNs(), "at full power the slack never falls");
        }
        assertEquals(1.0, ev.ev().soc(), 1e-9);
        assertTrue(a.met());
    }

    @ParameterizedTest(name = "p = {0} × full")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSaunaIsForcedExactlyWhenItsSlackReachesZeroWhateverItsCommandedPower(int k) {
        // The seed's sauna (3.6 kW, τ = 1.857 h, T∞ = 140 °C at full power) at the 20 °C of the house, booked at 16:00 to be
        // at 70 °C a heat-up plus s0 = 1000 s·(1 − p/P) later (1 s at full power). Commanded p it heats towards
        // T∞' = 20 + p/UA: T(t) = T∞' + (20 − T∞')·e^(−t/τ); its slack s(t) = D − t − τ·ln((T(t) − 140)/(70 − 140)) reaches
        // zero at the t* found here by bisection; from then at full power it is at 70 °C at the ready time.
        SaunaParams sp = SaunaParams.seed();
        double r = FRACTIONS[k];
        double p = sp.heaterKw() * r;
        long s0 = r < 1 ? Math.round(1e12 * (1 - r)) : S;
        double tau = sp.tauS();
        double tInf = 140;
        double tInfP = 20 + p / sp.lossKwPerC();
        double heatS = tau * Math.log((20 - tInf) / (70 - tInf));
        long heatNs = (long) Math.ceil(heatS * 1e9);
        long booked = 16 * H;
        long ready = booked + heatNs + s0;
        SaunaService sauna = new SaunaService(new Sauna(sp, 20), booked, ready, 70);
        ServiceAgent a = new ServiceAgent(1, sauna, new ConnectionPoint(1, 1), 0, 15 * 60 * S);
        int steps = run(a, p, ready); // to the ready time: the sauna is in use then (and cools after)
        assertTrue(steps < 60, "fleet steps: " + steps);
        if (r < 1) {
            double d = (ready - booked) / 1e9;
            double lo = 0;
            double hi = d;
            for (int i = 0; i < 200; i++) {
                double mid = (lo + hi) / 2;
                double temp = tInfP + (20 - tInfP) * Math.exp(-mid / tau);
                double slack = d - mid - tau * Math.log((temp - tInf) / (70 - tInf));
                if (slack > 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double temp = tInfP + (20 - tInfP) * Math.exp(-lo / tau);
            double rate = (tInf - tInfP) / (tInf - temp); // −ds/dt at t*: how fast its slack falls there
            assertTrue(temp < 70, "still heating at t*");
            assertEquals(booked + lo * 1e9, a.forcedSinceNs(), 2000 + 2 / rate, "forced at the slack's zero (± 2 µs + 2 ns of slack)");
            assertEquals(70, sauna.sauna().tempC(), 1e-4, "at full power from t*: at 70 °C at the ready time");
        } else {
            assertEquals(-1, a.forcedSinceNs(), "at full power the slack never falls");
        }
        assertTrue(a.met());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSaunaHeatedBelowFullPowerIsDoneWhenItReachesItsTargetInAFewSteps() {
        // Commanded 1.8 of its 3.6 kW from 20 °C it heats towards T∞' = 20 + 1.8/0.03 = 80 °C and is at 70 °C after
        // τ·ln((20 − 80)/(70 − 80)) = τ·ln 6 (τ = 0.0557/0.03 h). Its need (full-power heat-up energy) over 1.8 kW
        // under-estimates that (it loses more on the way), and stepping at it again and again approached the target
        // geometrically: about ln(need/1 nWh)/(1 − (80 − T)/(140 − T)) ≈ 150 steps; at the exact heating time, one.
        // Booked at 16:00 for 22:00: its slack (5 h) falls at 60/(140 − T) of the clock, so it is not forced before.
        SaunaParams sp = SaunaParams.seed();
        SaunaService sauna = new SaunaService(new Sauna(sp, 20), 16 * H, 22 * H, 70);
        ServiceAgent a = new ServiceAgent(1, sauna, new ConnectionPoint(1, 1), 0, 15 * 60 * S);
        int steps = run(a, 1.8, 22 * H);
        assertTrue(steps < 60, "fleet steps: " + steps);
        assertEquals(-1, a.forcedSinceNs());
        assertEquals(16 * H + sp.tauS() * Math.log(6) * 1e9, a.doneAtNs(), 1000, "at 70 °C after τ·ln 6");
        assertTrue(a.met());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theServerNamesTheForcedInstantOfARequestItCommandsJustUnderFullPower() {
        // The Energy-Internet server side of the same pattern: it stepped at latest start(remaining now) = now + slack,
        // ignoring the power it had commanded. Here its only allocation caps the EV at 4.999 kW (a grid limit at the
        // point: 4.999 kW of headroom), slack 1 s: both the server and the device must step at t* = 17:23:20 and not
        // in between; forced from t* (server-side and device-side) it is full at 20:00:01.
        EvService ev = new EvService(ModulatedEv.seed(0.4), 16 * H, 20 * H + S, 1.0);
        ServiceAgent a = new ServiceAgent(1, ev, new ConnectionPoint(1, 1), 0, 15 * 60 * S);
        EnergyInternetServer eis = new EnergyInternetServer(new EnergyInternetServer.Config(15 * 60 * S, 96, 24 * H),
                (grid, issued) -> List.of(Supply.flat("import", grid.count(), 10, 0.1)), RandomSource.XO_RO_SHI_RO_128_PP.create(1L))
                .congestion((at, nowNs) -> 4.999);
        Capped server = new Capped(new ServiceServerFederate("server", "server", eis, 24 * H, t -> 0), LIMIT);
        Capped fleet = new Capped(new DeviceFleetFederate("homes", List.of(), H, "server", 0).services(List.of(a)), LIMIT);
        new Federation().add(fleet).add(server).network(st -> new IdealNetwork()).run(KernelOptions.of(1, 24 * H));
        assertTrue(server.steps < 30, "server steps: " + server.steps);
        assertTrue(fleet.steps < 60, "fleet steps: " + fleet.steps);
        assertEquals(16 * H + 5000 * S, a.forcedSinceNs(), 2000 + 2 * 5000);
        assertTrue(eis.isForced(a.request().id()));
        assertEquals(1.0, ev.ev().soc(), 1e-9);
        assertTrue(a.met());
    }
}
