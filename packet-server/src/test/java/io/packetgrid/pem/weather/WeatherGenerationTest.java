package io.packetgrid.pem.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A household's PV and turbine from a weather series, by hand. */
class WeatherGenerationTest {

    @Test
    void pvAndWindFromTheSampleInForce() {
        // two 10-minute samples from 12:00: 800 W/m², 10 °C, 6 m/s; then 0 W/m², 5 °C, 12 m/s
        WeatherSeries w = new WeatherSeries(LocalDateTime.of(2026, 7, 15, 12, 0), 600, new double[] {800, 0},
                new double[] {10, 5}, new double[] {6, 12});
        PvModel pv = PvModel.pvwatts(5);
        WindTurbine t = new WindTurbine(3, 3, 11, 25);
        WeatherGeneration g = new WeatherGeneration(pv, t, 15, w, 12 * 3600);
        // PV: T_cell = 10 + 25/800·800 = 35 °C; P_dc = 5·0.8·(1 − 0.0047·10)·0.86 = 3.278 kW; AC 0.96 of it = 3.1468 kW (< 4.1667)
        double pvKw = 5 * 0.8 * (1 - 0.0047 * 10) * 0.86 * 0.96;
        // wind at 15 m: 6·1.5^(1/7) = 6.3589 m/s; P = 3·(v³ − 27)/(1331 − 27)
        double v = 6 * Math.pow(1.5, 1.0 / 7);
        double windKw = 3 * (v * v * v - 27) / (1331 - 27);
        assertEquals(pvKw + windKw, g.powerKw(12 * 3600 + 300), 1e-12);
        // second sample: no sun; 12·1.5^(1/7) = 12.72 m/s above rated: 3 kW
        assertEquals(3, g.powerKw(12 * 3600 + 900), 1e-12);
        assertEquals(pvKw, new WeatherGeneration(pv, null, 0, w, 12 * 3600).powerKw(12 * 3600), 1e-12);
    }
}
