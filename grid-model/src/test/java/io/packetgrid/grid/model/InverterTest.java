package io.packetgrid.grid.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The inverter PV systems and storage share, against values worked by hand from the rules of
 * OpenDSS's ComputeInverterPower (PVsystem.pas, Storage.pas): a 10 kVA inverter asked for 9 kW and
 * 6 kvar (11.4 kVA) under each priority, the PminNoVars and PminkvarMax limits, cut-in/cut-out.
 */
class InverterTest {

    private static final double EPS = 1e-9;

    /** 10 kVA, kvarMax = kvarMaxAbs = 10 (OpenDSS's defaults: the kVA), no cut-in/out, PminNoVars or ramp. */
    private static Inverter.Ratings tenKva(boolean wattPriority) {
        return Inverter.Ratings.of(10.0, 10.0, 0.0, 0.0, 10.0, 10.0, 0.0, 0.0, wattPriority, false);
    }

    private static Inverter kvarRequest(Inverter.Ratings r, boolean pfPriority, double kvar) {
        return new Inverter(r, Inverter.Variant.PV_SYSTEM, 1.0, true, kvar, pfPriority);
    }

    @Test
    void reactivePriorityByDefaultBacksOffTheKw() {
        Inverter inv = kvarRequest(tenKva(false), false, 6.0);
        inv.output(9.0, 0.0, false);
        // kvar kept, kW = sqrt(10^2 - 6^2) = 8
        assertEquals(6.0, inv.kvar(), EPS);
        assertEquals(8.0, inv.kw(), EPS);
        assertTrue(inv.kvaExceeded());
    }

    @Test
    void wattPriorityBacksOffTheKvar() {
        Inverter inv = kvarRequest(tenKva(true), false, 6.0);
        inv.output(9.0, 0.0, false);
        // kW kept, kvar = sqrt(10^2 - 9^2) = sqrt(19)
        assertEquals(9.0, inv.kw(), EPS);
        assertEquals(Math.sqrt(19.0), inv.kvar(), EPS);
    }

    @Test
    void powerFactorPriorityKeepsTheRatioOfTheRequest() {
        // 9 kW and 6 kvar: pf = 9 / sqrt(117); scaled onto 10 kVA: 90/sqrt(117) kW, 60/sqrt(117) kvar
        double kw = 90.0 / Math.sqrt(117.0);
        double kvar = 60.0 / Math.sqrt(117.0);
        Inverter byKvar = kvarRequest(tenKva(false), true, 6.0);
        byKvar.output(9.0, 0.0, false);
        assertEquals(kw, byKvar.kw(), 1e-9);
        assertEquals(kvar, byKvar.kvar(), 1e-9);

        Inverter byPf = new Inverter(tenKva(false), Inverter.Variant.PV_SYSTEM, 9.0 / Math.sqrt(117.0), false, 0.0, true);
        byPf.output(9.0, 0.0, false);
        assertEquals(kw, byPf.kw(), 1e-9);
        assertEquals(kvar, byPf.kvar(), 1e-9);
    }

    @Test
    void powerFactorModeWithinTheRatingTakesTheRequestedRatio() {
        Inverter inv = new Inverter(tenKva(false), Inverter.Variant.PV_SYSTEM, 0.8, false, 0.0, false);
        inv.output(6.0, 0.0, false);
        // kvar = kW x tan(acos 0.8) = 6 x 0.75
        assertEquals(6.0, inv.kw(), EPS);
        assertEquals(4.5, inv.kvar(), EPS);
        assertFalse(inv.kvaExceeded());
    }

    @Test
    void aChargingBatteryUnderPowerFactorPriorityKeepsItsSignsAPvSystemGenerates() {
        // -9 kW at pf 0.8: -6.75 kvar, 11.25 kVA > 10: scaled to 8 kW and 6 kvar
        Inverter battery = new Inverter(tenKva(false), Inverter.Variant.STORAGE, 0.8, false, 0.0, true);
        battery.output(-9.0, 0.0, false);
        assertEquals(-8.0, battery.kw(), EPS);
        assertEquals(-6.0, battery.kvar(), EPS);

        Inverter pv = new Inverter(tenKva(false), Inverter.Variant.PV_SYSTEM, 0.8, false, 0.0, true);
        pv.output(-9.0, 0.0, false);
        assertEquals(8.0, pv.kw(), EPS);
        assertEquals(6.0, pv.kvar(), EPS);
    }

    @Test
    void noReactivePowerBelowPminNoVars() {
        // %PminNoVars 20 of a 10 kW DC rating: 2 kW
        Inverter.Ratings r = Inverter.Ratings.of(10.0, 10.0, 0.0, 0.0, 10.0, 10.0, 20.0, 0.0, false, false);
        assertEquals(2.0, r.pminNoVars(), EPS);
        assertEquals(-1.0, r.pminKvarLimit(), EPS);
        Inverter inv = new Inverter(r, Inverter.Variant.PV_SYSTEM, 0.8, false, 0.0, false);
        inv.output(1.5, 0.0, false);
        assertEquals(0.0, inv.kvar(), EPS);
        assertEquals(0.0, inv.currentKvarLimit(), EPS);
        assertEquals(0.0, inv.currentKvarLimitNeg(), EPS);
        inv.output(3.0, 0.0, false);
        assertEquals(2.25, inv.kvar(), EPS);
        assertEquals(10.0, inv.currentKvarLimit(), EPS);
    }

    @Test
    void theKvarLimitRampsUpToPminKvarMax() {
        // kvarMax 4, %PminkvarMax 50 of 10 kW: the limit at 2 kW is 4 / 5 x 2 = 1.6 kvar
        Inverter.Ratings r = Inverter.Ratings.of(10.0, 10.0, 0.0, 0.0, 4.0, 4.0, 0.0, 50.0, false, false);
        Inverter pv = new Inverter(r, Inverter.Variant.PV_SYSTEM, 0.8, false, 0.0, false);
        pv.output(2.0, 0.0, false);
        assertEquals(1.5, pv.kvar(), EPS);             // 2 x 0.75 lies under the ramp
        assertEquals(1.6, pv.currentKvarLimit(), EPS); // PVsystem.pas reports the ramp anyway
        Inverter battery = new Inverter(r, Inverter.Variant.STORAGE, 0.8, false, 0.0, false);
        battery.output(2.0, 0.0, false);
        assertEquals(1.5, battery.kvar(), EPS);
        assertEquals(4.0, battery.currentKvarLimit(), EPS); // Storage.pas only when the ramp clips

        Inverter steep = new Inverter(r, Inverter.Variant.STORAGE, 0.6, false, 0.0, false);
        steep.output(2.0, 0.0, false);
        assertEquals(1.6, steep.kvar(), EPS);          // 2 x 4/3 clipped to the ramp
        assertEquals(1.6, steep.currentKvarLimit(), EPS);

        Inverter requested = new Inverter(r, Inverter.Variant.PV_SYSTEM, 1.0, true, -3.0, false);
        requested.output(2.0, 0.0, false);
        assertEquals(-1.6, requested.kvar(), EPS);
        assertEquals(1.6, requested.currentKvarLimitNeg(), EPS);
    }

    @Test
    void aKvarRequestIsHeldToKvarMax() {
        Inverter.Ratings r = Inverter.Ratings.of(10.0, 10.0, 0.0, 0.0, 4.0, 3.0, 0.0, 0.0, false, false);
        Inverter inv = new Inverter(r, Inverter.Variant.PV_SYSTEM, 1.0, true, 5.0, false);
        inv.output(5.0, 0.0, false);
        assertEquals(4.0, inv.kvar(), EPS);
        assertEquals(5.0, inv.kw(), EPS);
        inv.requestKvar(-5.0);
        inv.output(5.0, 0.0, false);
        assertEquals(-3.0, inv.kvar(), EPS);
    }

    @Test
    void cutInAndCutOutHaveHysteresis() {
        // %cutin 10, %cutout 5 of 10 kVA: on at 1 kW, off below 0.5 kW
        Inverter.Ratings r = Inverter.Ratings.of(10.0, 10.0, 10.0, 5.0, 10.0, 10.0, 0.0, 0.0, false, false);
        Inverter inv = new Inverter(r, Inverter.Variant.PV_SYSTEM, 1.0, false, 0.0, false);
        assertTrue(inv.switchAt(0.8));   // starts on; 0.8 is above cut-out
        assertTrue(inv.switchAt(0.5));   // not below cut-out
        assertFalse(inv.switchAt(0.4));
        assertFalse(inv.switchAt(0.8));  // off: stays off below cut-in
        assertTrue(inv.switchAt(1.0));
        assertTrue(inv.on());
    }

    @Test
    void reactivePowerFollowsAnInverterThatIsOffWhenSoSet() {
        Inverter.Ratings r = Inverter.Ratings.of(10.0, 10.0, 10.0, 5.0, 10.0, 10.0, 0.0, 0.0, false, true);
        Inverter inv = new Inverter(r, Inverter.Variant.PV_SYSTEM, 1.0, true, 3.0, false);
        inv.switchAt(0.0);
        inv.output(0.0, 0.0, false);
        assertEquals(0.0, inv.kvar(), EPS);
        inv.switchAt(2.0);
        inv.output(2.0, 0.0, false);
        assertEquals(3.0, inv.kvar(), EPS);
    }

    @Test
    void anIdlingBatteryOnlyChecksItsKvarLimits() {
        // idling losses -0.5 kW at pf 0.8: -0.375 kvar; no PminNoVars in idling
        Inverter.Ratings r = Inverter.Ratings.of(10.0, 10.0, 0.0, 0.0, 10.0, 10.0, 20.0, 0.0, false, false);
        Inverter inv = new Inverter(r, Inverter.Variant.STORAGE, 0.8, false, 0.0, false);
        inv.output(-0.5, 0.0, true);
        assertEquals(-0.5, inv.kw(), EPS);
        assertEquals(-0.375, inv.kvar(), EPS);
        // a request above the kVA: the idling kW is kept, kvar = sqrt(10^2 - 0.5^2)
        Inverter big = new Inverter(Inverter.Ratings.of(10.0, 10.0, 0.0, 0.0, 12.0, 12.0, 0.0, 0.0, false, false),
                Inverter.Variant.STORAGE, 1.0, true, 11.0, true);
        big.output(-0.5, 0.0, true);
        assertEquals(-0.5, big.kw(), EPS);
        assertEquals(Math.sqrt(100.0 - 0.25), big.kvar(), EPS);
    }
}
