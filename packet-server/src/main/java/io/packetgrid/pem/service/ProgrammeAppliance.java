package io.packetgrid.pem.service;

/**
 * A dishwasher or washing machine: a fixed programme (power in steps) that runs uninterrupted once
 * started. The default dishwasher programme is our assumption after the shape of measured cycles
 * (a heating phase for the wash, a low-power wash and rinse, a heating phase for the final rinse and
 * drying): 2.0 kW for 15 min, 0.15 kW for 30 min, 2.0 kW for 15 min, one hour and 1.075 kWh, within
 * the 0.8–1.3 kWh of an EU energy-label eco cycle.
 */
public final class ProgrammeAppliance {
    private final double[] profileKw;
    private final long stepNs;
    private long startNs = -1;

    public ProgrammeAppliance(double[] profileKw, long stepNs) {
        if (profileKw.length == 0 || stepNs <= 0) {
            throw new IllegalArgumentException("a programme needs steps");
        }
        this.profileKw = profileKw.clone();
        this.stepNs = stepNs;
    }

    /** The default one-hour dishwasher programme (15-minute steps). */
    public static ProgrammeAppliance dishwasher() {
        return new ProgrammeAppliance(new double[] {2.0, 0.15, 0.15, 2.0}, 900_000_000_000L);
    }

    public double[] profileKw() {
        return profileKw.clone();
    }

    public long stepNs() {
        return stepNs;
    }

    public long durationNs() {
        return profileKw.length * stepNs;
    }

    /** The programme's energy, kWh. */
    public double energyKwh() {
        double e = 0;
        for (double p : profileKw) {
            e += p * stepNs / 3.6e12;
        }
        return e;
    }

    /** Starts the programme (once). */
    public void start(long nowNs) {
        if (startNs < 0) {
            startNs = nowNs;
        }
    }

    /**
     * A power cut of {@code ns} while it ran: the programme resumes where it stopped (its clock stood still), as
     * appliances that keep their programme through an outage do.
     */
    public void interrupted(long ns) {
        if (startNs >= 0 && ns > 0) {
            startNs += ns;
        }
    }

    public boolean started() {
        return startNs >= 0;
    }

    /** When it started, or −1. */
    public long startNs() {
        return startNs;
    }

    /** Whether the programme has run to its end by {@code nowNs}. */
    public boolean done(long nowNs) {
        return startNs >= 0 && nowNs >= startNs + durationNs();
    }

    /** Power at {@code nowNs}, kW. */
    public double powerKw(long nowNs) {
        if (startNs < 0 || nowNs < startNs || nowNs >= startNs + durationNs()) {
            return 0;
        }
        return profileKw[(int) ((nowNs - startNs) / stepNs)];
    }

    /** Energy drawn from its start to {@code nowNs}, kWh (exact: the profile integrated). */
    public double energyDrawnKwh(long nowNs) {
        if (startNs < 0 || nowNs <= startNs) {
            return 0;
        }
        long t = Math.min(nowNs - startNs, durationNs());
        double e = 0;
        for (int k = 0; k < profileKw.length && k * stepNs < t; k++) {
            e += profileKw[k] * Math.min(stepNs, t - k * stepNs) / 3.6e12;
        }
        return e;
    }
}
