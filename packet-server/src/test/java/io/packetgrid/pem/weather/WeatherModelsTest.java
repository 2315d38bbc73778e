package io.packetgrid.pem.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** PV from irradiance, the wind power curve and the sun's position against hand values. */
class WeatherModelsTest {

    @Test
    void pvFromIrradianceByHand() {
        // 5 kW DC, PVWatts defaults: at 800 W/m² and 25 °C air, T_cell = 25 + (45 − 20)/800·800 = 50 °C;
        // DC = 5·0.8·(1 − 0.0047·25)·(1 − 0.14) = 3.0358 kW; AC = 0.96·DC = 2.914368 kW
        PvModel pv = PvModel.pvwatts(5);
        assertEquals(50, pv.cellC(800, 25), 1e-12);
        assertEquals(5 * 0.8 * (1 - 0.0047 * 25) * 0.86 * 0.96, pv.acKw(800, 25), 1e-12);
        assertEquals(2.914368, pv.acKw(800, 25), 1e-6);
        // a cold bright day: 1000 W/m², −10 °C air, T_cell 21.25 °C: DC·0.96 = 4.2008 kW, above the 4.1667 kW inverter
        assertEquals(5 / 1.2, pv.acKw(1000, -10), 1e-12);
        assertEquals(0, pv.acKw(0, 10), 0);
        assertEquals(0, pv.acKw(-5, 10), 0);
    }

    @Test
    void windPowerCurveByHand() {
        // 5 kW, cut-in 3, rated 11, cut-out 25 m/s: at 7 m/s 5·(343 − 27)/(1331 − 27) = 1.21166 kW
        WindTurbine w = WindTurbine.small5kw();
        assertEquals(5.0 * 316 / 1304, w.powerKw(7), 1e-12);
        assertEquals(0, w.powerKw(2.9), 0);
        assertEquals(5, w.powerKw(11), 0);
        assertEquals(5, w.powerKw(24.9), 0);
        assertEquals(0, w.powerKw(25), 0);
        assertEquals(5 * Math.pow(2, 1.0 / 7), WindTurbine.atHeight(5, 10, 20, 1.0 / 7), 1e-12);
    }

    @Test
    void sunPositionAndClearSky() {
        // declination at the solstices ±23.44° (Spencer's series is within about 0.1°)
        assertEquals(23.44, Math.toDegrees(ClearSky.declination(172)), 0.15);
        assertEquals(-23.44, Math.toDegrees(ClearSky.declination(355)), 0.15);
        // at solar noon the zenith is |φ − δ|
        int day = 80;
        double noonUtc = 12 - ClearSky.equationOfTimeMin(day) / 60;
        double d = ClearSky.declination(day);
        assertEquals(Math.cos(Math.toRadians(60) - d), ClearSky.cosZenith(60, 0, day, noonUtc), 1e-12);
        // Haurwitz with the sun overhead: 1098·e^(−0.057) = 1037.2 W/m²; overcast (N = 1): a quarter of it
        assertEquals(1037.17, ClearSky.ghi(1), 0.01);
        assertEquals(0.25 * 1037.17, ClearSky.cloudyGhi(ClearSky.ghi(1), 1), 0.01);
        assertEquals(0, ClearSky.ghi(-0.1), 0);
        // geometric day length at Helsinki (60.17° N): 2/15·acos(−tan φ·tan δ), ≈ 18.6 h at midsummer, 2/15·acos(1.7456·0.4335) = 5.44 h at midwinter (without refraction)
        double dl = 2.0 / 15 * Math.toDegrees(Math.acos(-Math.tan(Math.toRadians(60.17)) * Math.tan(ClearSky.declination(172))));
        assertEquals(dl, ClearSky.dayLengthH(60.17, 172), 1e-12);
        assertEquals(18.6, dl, 0.15);
        assertEquals(5.44, ClearSky.dayLengthH(60.17, 355), 0.05);
    }
}
