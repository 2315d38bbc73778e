package io.packetgrid.pem.weather;

import java.time.LocalDateTime;

/**
 * Weather at a fixed step from a calendar start (local time of the site): global horizontal
 * irradiance, air temperature, wind speed at 10 m. What the PV, heat-pump and wind models read.
 *
 * @param start  local date and time of the first sample
 * @param stepS  seconds between samples
 */
public record WeatherSeries(LocalDateTime start, long stepS, double[] ghiWm2, double[] airC, double[] windMs) {

    public WeatherSeries {
        if (stepS <= 0 || ghiWm2.length != airC.length || airC.length != windMs.length || ghiWm2.length == 0) {
            throw new IllegalArgumentException("weather: a positive step and equally long, non-empty series");
        }
        ghiWm2 = ghiWm2.clone();
        airC = airC.clone();
        windMs = windMs.clone();
    }

    public int size() {
        return ghiWm2.length;
    }

    /** The sample in force {@code tS} seconds after the start (held; the last one past the end). */
    public int index(double tS) {
        return (int) Math.max(0, Math.min(size() - 1, Math.floor(tS / stepS)));
    }
}
