package io.packetgrid.pem.weather;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic Finnish weeks against their configured statistics and the sun's geometry; weather CSV files. */
class SyntheticWeatherTest {
    @TempDir
    Path dir;

    @Test
    void daylightFollowsTheSunAndCloudsMeanWhatIsConfigured() {
        SyntheticWeather w = SyntheticWeather.finnishSummer();
        LocalDateTime start = LocalDateTime.of(2026, 7, 13, 0, 0);
        double cover = 0;
        double wind = 0;
        double air = 0;
        int nCover = 0;
        int n = 0;
        for (long seed = 0; seed < 40; seed++) {
            WeatherSeries s = w.generate(start, 7, 600, seed);
            for (int i = 0; i < s.size(); i++) {
                LocalDateTime t = start.plusSeconds(i * 600L);
                double h = t.getHour() + t.getMinute() / 60.0;
                double clear = ClearSky.ghi(ClearSky.cosZenith(60.17, 24.94, t.getDayOfYear(), h - 2));
                assertTrue(s.ghiWm2()[i] <= clear + 1e-9 && s.ghiWm2()[i] >= 0.25 * clear - 1e-9, "between overcast and clear");
                if (clear > 200) { // invert Kasten–Czeplak for the cover
                    cover += Math.pow((1 - s.ghiWm2()[i] / clear) / 0.75, 1 / 3.4);
                    nCover++;
                }
                wind += s.windMs()[i];
                air += s.airC()[i];
                n++;
            }
        }
        // 40 independent weeks; with correlation times of 8–48 h the effective samples are a few thousand: 0.03, 0.15 m/s
        // and 0.8 °C are several standard errors
        assertEquals(0.5, cover / nCover, 0.03, "mean cloud cover");
        assertEquals(3.5, wind / n, 0.15, "mean wind (Weibull k = 2)");
        assertEquals(17, air / n, 0.8, "mean air temperature");
    }

    @Test
    void winterDaysAreShortAndSeedsReproduce() {
        LocalDateTime start = LocalDateTime.of(2026, 1, 15, 0, 0);
        WeatherSeries a = SyntheticWeather.finnishWinter().generate(start, 1, 300, 7);
        WeatherSeries b = SyntheticWeather.finnishWinter().generate(start, 1, 300, 7);
        assertArrayEquals(a.ghiWm2(), b.ghiWm2(), 0);
        assertArrayEquals(a.airC(), b.airC(), 0);
        int lit = 0;
        for (double g : a.ghiWm2()) {
            lit += g > 0 ? 1 : 0;
        }
        // the geometric day on 15 January at 60.17° N, 5-minute samples
        double hours = ClearSky.dayLengthH(60.17, 15);
        assertEquals(hours, lit * 300 / 3600.0, 0.1);
        assertEquals(6.1, hours, 0.2);
    }

    @Test
    void weatherCsvWithItsColumnsAndErrorsByLine() throws Exception {
        Path f = dir.resolve("w.csv");
        Files.writeString(f, "# site A\ntime,ghi_w_m2,air_c,wind_m_s,station\n2026-01-15T12:00,120,-3.5,4.2,x\n"
                + "2026-01-15T12:10,130,-3.4,4.0,x\n2026-01-15T12:20,90,-3.4,3.1,x\n");
        WeatherSeries w = WeatherCsv.read(f);
        assertEquals(LocalDateTime.of(2026, 1, 15, 12, 0), w.start());
        assertEquals(600, w.stepS());
        assertArrayEquals(new double[] {120, 130, 90}, w.ghiWm2(), 0);
        assertEquals(2, w.index(1250));
        Files.writeString(f, "time,ghi_w_m2,air_c,wind_m_s\n2026-01-15T12:00,120,-3.5,4.2\n2026-01-15T12:10,abc,-3.4,4.0\n");
        PacketGridException e = org.junit.jupiter.api.Assertions.assertThrows(PacketGridException.class, () -> WeatherCsv.read(f));
        assertTrue(e.userMessage().contains("w.csv:3") && e.userMessage().contains("ghi_w_m2"), e.userMessage());
        Files.writeString(f, "time,ghi_w_m2,air_c\n2026-01-15T12:00,120,-3.5\n2026-01-15T12:10,1,2\n");
        e = org.junit.jupiter.api.Assertions.assertThrows(PacketGridException.class, () -> WeatherCsv.read(f));
        assertTrue(e.userMessage().contains("w.csv:1") && e.userMessage().contains("wind_m_s"), e.userMessage());
        Files.writeString(f, "time,ghi_w_m2,air_c,wind_m_s\n2026-01-15T12:00,1,1,1\n2026-01-15T12:10,1,1,1\n2026-01-15T12:30,1,1,1\n");
        e = org.junit.jupiter.api.Assertions.assertThrows(PacketGridException.class, () -> WeatherCsv.read(f));
        assertTrue(e.userMessage().contains("row 3") && e.userMessage().contains("fixed step"), e.userMessage());
    }
}
