package io.packetgrid.pem.series;

import io.packetgrid.cosim.error.PacketGridException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What energy costs over time: the price of a kWh imported and the price paid for a kWh exported, at a
 * fixed step from a calendar start (local time of the site), each sample held over its interval.
 *
 * @param start  local date-time of the first sample
 * @param stepS  seconds between samples
 */
public record PriceSeries(LocalDateTime start, long stepS, double[] importPerKwh, double[] exportPerKwh) {

    /** CSV columns: {@code price_per_kwh} required, {@code export_price_per_kwh} optional. */
    public static final String IMPORT = "price_per_kwh";
    public static final String EXPORT = "export_price_per_kwh";

    public PriceSeries {
        if (stepS <= 0 || importPerKwh.length == 0 || importPerKwh.length != exportPerKwh.length) {
            throw new IllegalArgumentException("prices: a positive step and equally long, non-empty series");
        }
        importPerKwh = importPerKwh.clone();
        exportPerKwh = exportPerKwh.clone();
    }

    /** The same import and export price at all times. */
    public static PriceSeries flat(LocalDateTime start, double importPerKwh, double exportPerKwh) {
        return new PriceSeries(start, 86_400, new double[] {importPerKwh}, new double[] {exportPerKwh});
    }

    /** A price file; without an export column every export earns {@code exportPerKwh}. */
    public static PriceSeries read(Path file, double exportPerKwh) {
        TimeSeriesCsv t = TimeSeriesCsv.read(file, List.of(IMPORT), List.of(EXPORT));
        double[] imp = t.column(IMPORT);
        double[] exp = t.columns().containsKey(EXPORT) ? t.column(EXPORT) : filled(imp.length, exportPerKwh);
        return new PriceSeries(t.start(), t.stepS(), imp, exp);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private int index(double tS) {
        return (int) Math.max(0, Math.min(importPerKwh.length - 1, Math.floor(tS / stepS)));
    }

    /** The import price in force {@code tS} seconds after the series' start (the last one past the end). */
    public double importAt(double tS) {
        return importPerKwh[index(tS)];
    }

    public double exportAt(double tS) {
        return exportPerKwh[index(tS)];
    }

    /** Seconds from the series' start to {@code t}. */
    public double secondsFrom(LocalDateTime t) {
        return java.time.Duration.between(start, t).getSeconds();
    }

    /** Checks that the series covers [from, from + durationS), naming {@code where} otherwise. */
    public void checkCovers(LocalDateTime from, double durationS, String where) {
        TimeSeriesCsv.checkCovers(start, stepS, importPerKwh.length, from, durationS, where);
    }
}
