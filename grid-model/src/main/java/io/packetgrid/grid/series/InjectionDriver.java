package io.packetgrid.grid.series;

import io.packetgrid.grid.model.Generator;

/** Sets a generator's or PV system's injected power for the present time from its shape. */
public final class InjectionDriver {
    /** Power {kW, kvar} for a multiplier pair (null when there is no shape) and the shape's units. */
    public interface Schedule {
        double[] power(double[] mult, boolean actual);
    }

    private final Generator generator;
    private final Schedule schedule;
    private final LoadShape yearly;
    private final LoadShape daily;
    private final boolean fixed;
    private double overrideKw = Double.NaN;
    private double overrideKvar;

    public InjectionDriver(Generator generator, Schedule schedule, LoadShape yearly, LoadShape daily, boolean fixed) {
        this.generator = generator;
        this.schedule = schedule;
        this.yearly = yearly;
        this.daily = daily;
        this.fixed = fixed;
    }

    public Generator generator() {
        return generator;
    }

    public void override(double kw, double kvar) {
        overrideKw = kw;
        overrideKvar = kvar;
    }

    public void apply(SolveMode mode, double hour, double genMult) {
        if (!Double.isNaN(overrideKw)) {
            generator.setNominal(overrideKw, overrideKvar);
            return;
        }
        LoadShape s = fixed ? null : switch (mode) {
            case DAILY -> daily;
            case YEARLY -> yearly;
            default -> null;
        };
        double[] pq = schedule.power(s == null ? null : s.at(hour), s != null && s.useActual());
        double f = fixed ? 1.0 : genMult;
        generator.setNominal(pq[0] * f, pq[1] * f);
    }
}
