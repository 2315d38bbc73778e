package io.packetgrid.pem.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The ACC 2017 single-node tank against values derived by hand (PEM-NOTES §2.1 sanity numbers). */
class WaterHeaterPhysicsTest {
    // 250 L, 4.5 kW, τ = 150 h, ambient 16 °C, inlet 14 °C
    final WaterHeaterParams p = new WaterHeaterParams(250, 55, 4.5, 1.0, 150 * 3600.0, 16, 14, PemBand.acc2017(55));

    @Test
    void thermalCapacityIsCRhoL() {
        // 4.186 kJ/(kg·°C) × 0.99 kg/L × 250 L = 1036.035 kJ/°C
        assertEquals(1036.035, p.capacityKjPerC(), 1e-9);
    }

    @Test
    void heatingRateOfA45KwElement() {
        // 4.5 kJ/s × 3600 s / 1036.035 kJ/°C = 15.6366 °C/h (standing loss switched off by T = T_amb)
        double t = 16;
        double perHour = 0;
        for (int k = 0; k < 360; k++) {
            double before = t;
            t = WaterHeaterPhysics.step(p, t, true, 0, 10);
            perHour += t - before;
        }
        // over one hour the loss grows from 0 to ~0.05 °C/h average: heating dominates
        assertEquals(4.5 * 3600 / 1036.035, perHour, 0.06);
        assertEquals(4.5 / 1036.035 * 3600, WaterHeaterPhysics.derivative(p, 16, true, 0) * 3600, 1e-9);
    }

    @Test
    void standingLossAt55CWith16CAmbient() {
        // (55 − 16) °C / 150 h = 0.26 °C/h
        assertEquals(-0.26, WaterHeaterPhysics.derivative(p, 55, false, 0) * 3600, 1e-12);
        // in kW: 1036.035 × 39 / 540000 = 0.074825 kW
        assertEquals(1036.035 * 39 / 540000, WaterHeaterPhysics.standingLossKw(p, 55), 1e-12);
    }

    @Test
    void drawLossIsEnthalpyOfTheFlow() {
        // 10 L/min at 55 °C, inlet 14 °C: 4.186 × 0.99 × 10/60 × 41 = 28.3177 kW
        assertEquals(4.186 * 0.99 * 10 / 60 * 41, WaterHeaterPhysics.drawLossKw(p, 55, 10), 1e-9);
    }

    @Test
    void coolingFollowsTheExponentialOfTheRcModel() {
        // no heating, no draw: T(t) = T_amb + (T0 − T_amb)·exp(−t/τ); after 10 h from 60 °C
        double t = 60;
        for (int k = 0; k < 3600; k++) {
            t = WaterHeaterPhysics.step(p, t, false, 0, 10);
        }
        double exact = 16 + 44 * Math.exp(-10.0 / 150);
        assertEquals(exact, t, 1e-3);
    }

    @Test
    void eulerStabilityBoundOfAcc2017() {
        // Δt < 120 L / (60 L/τ + v): L = 100 L, τ = 150 h, v = 60 L/min → ≈ 200 s
        WaterHeaterParams small = new WaterHeaterParams(100, 55, 4.5, 1.0, 150 * 3600.0, 16, 14, PemBand.acc2017(55));
        assertEquals(12000 / (6000.0 / 540000 + 60), WaterHeaterPhysics.maxStableStepS(small, 60), 1e-9);
        assertEquals(199.96, WaterHeaterPhysics.maxStableStepS(small, 60), 0.01);
    }

    @Test
    void acc2017BandIsTwelveAndEightPercent() {
        PemBand b = PemBand.acc2017(55);
        assertEquals(51.7, b.min(), 1e-12);
        assertEquals(58.3, b.max(), 1e-12);
        assertEquals(52.8, b.rejoinLow(), 1e-12);
        assertEquals(57.2, b.rejoinHigh(), 1e-12);
    }

    @Test
    void drawScheduleAveragesFlowOverTheStep() {
        HotWaterDraws d = new HotWaterDraws(new double[] {100}, new double[] {130}, new double[] {6});
        assertEquals(6, d.meanFlowLpm(100, 10), 1e-12);
        assertEquals(3, d.meanFlowLpm(125, 10), 1e-12);   // 5 s of 10 at 6 L/min
        assertEquals(0, d.meanFlowLpm(130, 10), 1e-12);
        assertEquals(3, d.totalLitres(), 1e-12);           // 6 L/min × 0.5 min
    }
}
