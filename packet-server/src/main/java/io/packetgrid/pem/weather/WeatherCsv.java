package io.packetgrid.pem.weather;

import io.packetgrid.pem.series.TimeSeriesCsv;
import java.nio.file.Path;
import java.util.List;

/**
 * Weather from a CSV file: columns {@code time} (local ISO date-time, fixed step), {@code ghi_w_m2}
 * (global horizontal irradiance, W/m²), {@code air_c} (air temperature, °C) and {@code wind_m_s}
 * (wind speed at 10 m, m/s); real measurement files keep their own other columns.
 */
public final class WeatherCsv {
    public static final List<String> COLUMNS = List.of("ghi_w_m2", "air_c", "wind_m_s");

    private WeatherCsv() {
    }

    public static WeatherSeries read(Path file) {
        TimeSeriesCsv t = TimeSeriesCsv.read(file, COLUMNS);
        return new WeatherSeries(t.start(), t.stepS(), t.column("ghi_w_m2"), t.column("air_c"), t.column("wind_m_s"));
    }
}
