package io.packetgrid.grid.series;

import io.packetgrid.grid.model.Load;

/**
 * Sets a load's nominal power for the present time as OpenDSS does (Load.pas SetNominalLoad,
 * CalcDailyMult/CalcDutyMult/CalcYearlyMult): base kW/kvar times the global load multiplier times
 * the shape multiplier of the mode (yearly shape in yearly mode, daily in daily and peak-day mode,
 * duty in duty mode or else daily, none in snapshot); a shape in actual units replaces the base;
 * {@code fixed} loads ignore multipliers and shapes; {@code exempt} loads ignore the load
 * multiplier except in yearly mode; peak-day mode ignores it for all. An override (set through the
 * API) replaces all of this.
 */
public final class LoadDriver {
    private final Load load;
    private final double kwBase;
    private final double kvarBase;
    private final boolean pfSpecified;
    private final double pf;
    private final LoadShape yearly;
    private final LoadShape daily;
    private final LoadShape duty;
    private final String status;
    private double overrideKw = Double.NaN;
    private double overrideKvar = Double.NaN;
    private double extraKw;
    private double extraKvar;

    public LoadDriver(Load load, double kwBase, double kvarBase, boolean pfSpecified, double pf, LoadShape yearly, LoadShape daily,
                      String status) {
        this(load, kwBase, kvarBase, pfSpecified, pf, yearly, daily, null, status);
    }

    public LoadDriver(Load load, double kwBase, double kvarBase, boolean pfSpecified, double pf, LoadShape yearly, LoadShape daily,
                      LoadShape duty, String status) {
        this.load = load;
        this.kwBase = kwBase;
        this.kvarBase = kvarBase;
        this.pfSpecified = pfSpecified;
        this.pf = pf;
        this.yearly = yearly;
        this.daily = daily;
        this.duty = duty;
        this.status = status;
    }

    public Load load() {
        return load;
    }

    public double kwBase() {
        return kwBase;
    }

    public double kvarBase() {
        return kvarBase;
    }

    /** Replaces the scheduled power (NaN clears the override). */
    public void override(double kw, double kvar) {
        overrideKw = kw;
        overrideKvar = kvar;
    }

    /** Adds power on top of the scheduled (or overridden) power, e.g. flexible devices on a household load. */
    public void extra(double kw, double kvar) {
        extraKw = kw;
        extraKvar = kvar;
    }

    public boolean overridden() {
        return !Double.isNaN(overrideKw);
    }

    /** The power factor used to derive kvar from kW for API settings without kvar. */
    public double kvarPerKw() {
        return kwBase != 0 ? kvarBase / kwBase : 0.0;
    }

    /** Scheduled {kW, kvar} at the given time, without override. */
    public double[] scheduled(SolveMode mode, double hour, double loadMult) {
        double[] out = new double[2];
        scheduled(mode, SolveMode.ShapeClass.NONE, hour, loadMult, out, new double[2]);
        return out;
    }

    private final double[] mult = new double[2];
    private final double[] pq = new double[2];

    /** Scheduled {kW, kvar} into {@code out}, with {@code mult} as scratch for the shape's multipliers. */
    private void scheduled(SolveMode mode, SolveMode.ShapeClass timeClass, double hour, double loadMult, double[] out,
                           double[] mult) {
        LoadShape shape = null;
        double factor;
        if (status.equals("fixed")) {
            factor = 1.0;
        } else {
            factor = switch (mode) {
                case YEARLY -> loadMult;
                case PEAKDAY -> 1.0;
                default -> status.equals("exempt") ? 1.0 : loadMult;
            };
            shape = switch (mode.shapeClass(timeClass)) {
                case NONE -> null;
                case DAILY -> daily;
                case YEARLY -> yearly;
                case DUTY -> duty != null ? duty : daily;
            };
        }
        if (shape == null) {
            out[0] = kwBase * factor;
            out[1] = kvarBase * factor;
            return;
        }
        shape.at(hour, mult);
        if (shape.useActual()) {
            double p = mult[0];
            double q = 0.0;
            if (shape.q() != null && mult[1] != 0.0) {
                q = mult[1];
            } else if (pfSpecified && pf != 1.0) {
                q = p * Math.sqrt(1.0 / (pf * pf) - 1.0);
                if (pf < 0) {
                    q = -q;
                }
            }
            out[0] = p;
            out[1] = q;
            return;
        }
        out[0] = kwBase * factor * mult[0];
        out[1] = kvarBase * factor * mult[1];
    }

    /** Applies the power for this time to the load (no allocation). */
    public void apply(SolveMode mode, double hour, double loadMult) {
        apply(mode, SolveMode.ShapeClass.NONE, hour, loadMult);
    }

    /** As {@link #apply(SolveMode, double, double)}, with the shape class used in {@link SolveMode#TIME}. */
    public void apply(SolveMode mode, SolveMode.ShapeClass timeClass, double hour, double loadMult) {
        if (overridden()) {
            load.setNominal(overrideKw + extraKw, overrideKvar + extraKvar);
            return;
        }
        scheduled(mode, timeClass, hour, loadMult, pq, mult);
        load.setNominal(pq[0] + extraKw, pq[1] + extraKvar);
    }
}
