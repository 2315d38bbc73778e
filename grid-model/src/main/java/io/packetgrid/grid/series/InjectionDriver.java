package io.packetgrid.grid.series;

import io.packetgrid.grid.model.Generator;

/**
 * Sets a generator's injected power for the present time from its shapes (OpenDSS generator.pas
 * SetNominalGeneration, CalcDailyMult/CalcDutyMult/CalcYearlyMult): the shape of the mode (duty
 * falls back to daily), times the generation multiplier unless the generator is fixed.
 */
public final class InjectionDriver {
    /** Power {kW, kvar} for a multiplier pair (null when there is no shape) and the shape's units. */
    public interface Schedule {
        double[] power(double[] mult, boolean actual);
    }

    private final Generator generator;
    private final Schedule schedule;
    private final LoadShape yearly;
    private final LoadShape daily;
    private final LoadShape duty;
    private final boolean fixed;
    private double dutyStartHours;
    private double overrideKw = Double.NaN;
    private double overrideKvar;

    public InjectionDriver(Generator generator, Schedule schedule, LoadShape yearly, LoadShape daily, boolean fixed) {
        this(generator, schedule, yearly, daily, null, fixed);
    }

    public InjectionDriver(Generator generator, Schedule schedule, LoadShape yearly, LoadShape daily, LoadShape duty, boolean fixed) {
        this.generator = generator;
        this.schedule = schedule;
        this.yearly = yearly;
        this.daily = daily;
        this.duty = duty;
        this.fixed = fixed;
    }

    /** Offset into the duty shape (OpenDSS DutyStart, hours). */
    public void setDutyStart(double hours) {
        dutyStartHours = hours;
    }

    public Generator generator() {
        return generator;
    }

    public void override(double kw, double kvar) {
        overrideKw = kw;
        overrideKvar = kvar;
    }

    public void apply(SolveMode mode, double hour, double genMult) {
        apply(mode, SolveMode.ShapeClass.NONE, hour, genMult);
    }

    /** Sets the generator's power for {@code hour} ({@code timeClass}: the shape class of {@link SolveMode#TIME}). */
    public void apply(SolveMode mode, SolveMode.ShapeClass timeClass, double hour, double genMult) {
        if (!Double.isNaN(overrideKw)) {
            generator.setNominal(overrideKw, overrideKvar);
            return;
        }
        SolveMode.ShapeClass c = mode.shapeClass(timeClass);
        LoadShape s = fixed ? null : switch (c) {
            case NONE -> null;
            case DAILY -> daily;
            case YEARLY -> yearly;
            case DUTY -> duty != null ? duty : daily;
        };
        double at = c == SolveMode.ShapeClass.DUTY && duty != null ? hour + dutyStartHours : hour;
        boolean actual = s != null && s.useActual();
        double[] pq = schedule.power(s == null ? null : s.at(at), actual);
        // a shape in actual kW replaces the product with the multiplier
        double f = fixed || actual ? 1.0 : genMult;
        generator.setNominal(pq[0] * f, pq[1] * f);
    }
}
