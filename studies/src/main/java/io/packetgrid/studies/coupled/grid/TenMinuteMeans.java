package io.packetgrid.studies.coupled.grid;

import io.packetgrid.studies.coupled.scenario.GridLimitsSpec;

/**
 * The households' EN 50160 10-minute mean voltages (EN 50160 §4.2.2; IEC 61000-4-30 class S aggregates
 * the r.m.s. values over 10 minutes), aggregated from the grid steps: each window's mean per household
 * is counted and scored against the band into a {@link GridSeries}. A grid step longer than 10 minutes
 * is its own window; a last partial window is dropped.
 */
final class TenMinuteMeans {
    private static final long TEN_MINUTES_NS = 600_000_000_000L;

    private final GridSeries series;
    private final GridLimitsSpec limits;
    private final double[] sum;
    private final int stepsPerWindow;
    private int steps;

    TenMinuteMeans(GridSeries series, int households, long stepNs, GridLimitsSpec limits) {
        this.series = series;
        this.limits = limits;
        this.sum = new double[households];
        this.stepsPerWindow = (int) Math.max(1, TEN_MINUTES_NS / stepNs);
    }

    /** Household h's voltage at the present (observed) step, pu. */
    void add(int h, double vPu) {
        sum[h] += vPu;
    }

    /** The present step is complete: closes the window when it is full. */
    void stepDone() {
        if (++steps == stepsPerWindow) {
            close();
        }
    }

    private void close() {
        for (int h = 0; h < sum.length; h++) {
            double mean = sum[h] / steps;
            series.householdTenMinuteMeans[h]++;
            if (series.outside(h, mean, limits)) {
                series.householdTenMinuteOutside[h]++;
            }
            series.householdTenMinuteMinPu[h] = Double.isNaN(series.householdTenMinuteMinPu[h]) ? mean
                    : Math.min(series.householdTenMinuteMinPu[h], mean);
            series.householdTenMinuteMaxPu[h] = Double.isNaN(series.householdTenMinuteMaxPu[h]) ? mean
                    : Math.max(series.householdTenMinuteMaxPu[h], mean);
            sum[h] = 0;
        }
        steps = 0;
    }
}
