package io.packetgrid.studies.coupled.target;

import io.packetgrid.pem.policy.PvSurplusTarget;
import io.packetgrid.pem.policy.SelfSufficiencyTarget;
import io.packetgrid.pem.policy.SiteMeasurements;
import io.packetgrid.pem.policy.TargetSignal;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import io.packetgrid.studies.coupled.scenario.TargetSpec;

/**
 * Builds a feeder's target from the scenario: the signal the server tracks during the run, and the
 * same target evaluated afterwards at every device step (for metrics and plots, also for variants
 * that have no server).
 */
public final class Targets {
    private Targets() {
    }

    /**
     * The target the server tracks.
     *
     * @param households the feeder's household count (targets given per household scale with it)
     * @param baseline   the baseline variant's flexible power per device step (perhaps still being produced: the target
     *                   waits for what it needs), or null if not a baseline target
     * @param site       the server's site measurements (PV, base load)
     */
    public static TargetSignal online(CoupledScenario s, int households, BaselineSeries baseline, SiteMeasurements site) {
        TargetSpec t = s.target();
        return switch (t.kind()) {
            case BASELINE -> baseline == null ? TargetSignal.constant(Double.POSITIVE_INFINITY)
                    : new BaselineTarget(baseline, s.deviceStep().ns(), t.window().ns(), t.offsetPct() / 100,
                    t.amplitudePct() / 100, s.observeFrom().ns());
            case SCHEDULE -> schedule(s, households);
            case PV_SURPLUS -> new PvSurplusTarget(site);
            case SELF_SUFFICIENCY -> new SelfSufficiencyTarget(site, t.maxImportKwPerHousehold() * households);
        };
    }

    private static DailySchedule schedule(CoupledScenario s, int households) {
        TargetSpec t = s.target();
        double[] from = new double[t.schedule().size()];
        double[] kw = new double[from.length];
        for (int i = 0; i < from.length; i++) {
            from[i] = t.schedule().get(i).from().seconds() % 86_400;
            kw[i] = t.schedule().get(i).kwPerHousehold() * households;
        }
        return new DailySchedule(from, kw, s.start().seconds());
    }

    /**
     * The target at the start of each device interval, kW.
     *
     * @param pvKw   the feeder's PV output per device step
     * @param baseKw the feeder's base load per device step
     */
    public static double[] offline(CoupledScenario s, int households, BaselineSeries baseline, double[] pvKw, double[] baseKw, int steps) {
        double[] out = new double[steps];
        SiteMeasurements site = new SiteMeasurements();
        TargetSignal sig = online(s, households, baseline, site);
        long dt = s.deviceStep().ns();
        for (int k = 0; k < steps; k++) {
            site.update(pvKw[k], baseKw[k], k * dt);
            out[k] = sig.targetKw(k * dt);
        }
        return out;
    }
}
