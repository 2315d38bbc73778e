package io.packetgrid.grid.series;

import io.packetgrid.grid.model.PvSystem;

/**
 * Sets a PV system's irradiance multiplier and temperature for the present time (OpenDSS
 * PVsystem.pas SetNominalDEROutput, CalcDailyMult/CalcDutyMult/CalcYearlyMult and the
 * temperature counterparts): the shape of the mode, falling back to the daily one (duty and yearly
 * shapes are read at {@code hour + DutyStart}); in snapshot mode multiplier 1 and the
 * {@code Temperature} property. The generation multiplier does not apply to PV.
 */
public final class PvDriver implements DerDriver {
    private final PvSystem pv;
    private final LoadShape yearly;
    private final LoadShape daily;
    private final LoadShape duty;
    private final LoadShape tYearly;
    private final LoadShape tDaily;
    private final LoadShape tDuty;
    private final double temperature;
    private final double dutyStartHours;
    private double overrideIrradiance = Double.NaN;
    private double scriptIrradiance;

    public PvDriver(PvSystem pv, LoadShape yearly, LoadShape daily, LoadShape duty, LoadShape tYearly, LoadShape tDaily,
                    LoadShape tDuty, double temperatureC, double dutyStartHours) {
        this.pv = pv;
        this.yearly = yearly;
        this.daily = daily;
        this.duty = duty;
        this.tYearly = tYearly;
        this.tDaily = tDaily;
        this.tDuty = tDuty;
        this.temperature = temperatureC;
        this.dutyStartHours = dutyStartHours;
    }

    public PvSystem pv() {
        return pv;
    }

    /**
     * Replaces the irradiance shape by this irradiance now (kW/m2, multiplier 1; NaN returns to
     * the shapes): for a co-simulation that supplies its own weather.
     */
    public void overrideIrradiance(double kwPerM2) {
        if (!Double.isNaN(kwPerM2) && Double.isNaN(overrideIrradiance)) {
            scriptIrradiance = pv.irradiance();
        } else if (Double.isNaN(kwPerM2) && !Double.isNaN(overrideIrradiance)) {
            pv.setIrradiance(scriptIrradiance);
        }
        overrideIrradiance = kwPerM2;
    }

    /** The irradiance set by {@link #overrideIrradiance} (kW/m2), NaN when the shapes rule. */
    public double irradianceOverride() {
        return overrideIrradiance;
    }

    @Override
    public void apply(SolveMode mode, SolveMode.ShapeClass timeClass, double hour, double stepHours) {
        double mult = 1.0;
        double t = temperature;
        switch (mode.shapeClass(timeClass)) {
            case NONE -> { }
            case DAILY -> {
                mult = daily != null ? daily.at(hour)[0] : 1.0;
                t = tDaily != null ? tDaily.at(hour)[0] : temperature;
            }
            case YEARLY -> {
                mult = yearly != null ? yearly.at(hour + dutyStartHours)[0] : daily != null ? daily.at(hour)[0] : 1.0;
                t = tYearly != null ? tYearly.at(hour)[0] : tDaily != null ? tDaily.at(hour)[0] : temperature;
            }
            case DUTY -> {
                mult = duty != null ? duty.at(hour + dutyStartHours)[0] : daily != null ? daily.at(hour)[0] : 1.0;
                t = tDuty != null ? tDuty.at(hour)[0] : tDaily != null ? tDaily.at(hour)[0] : temperature;
            }
        }
        if (!Double.isNaN(overrideIrradiance)) {
            pv.setIrradiance(overrideIrradiance);
            mult = 1.0;
        }
        pv.setConditions(mult, t);
        pv.updateOutput();
    }
}
