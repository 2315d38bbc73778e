package io.packetgrid.pem.device;

/**
 * Uncontrolled ("plug and charge") EV charging: full rated power from the instant of plug-in until
 * the battery holds its target or the car leaves, the usual uncoordinated-charging baseline
 * (Muratori, "Impact of uncoordinated plug-in electric vehicle charging on residential power
 * demand", Nature Energy 3, 193–201, 2018: vehicles charge on arrival at their charger's power
 * until full) and the coupled study's {@code uncontrolled} variant. The switch-off is at the exact
 * instant the target is reached,
 * t = t₀ + E_need / (P·η), rounded up to the nanosecond, so the energy drawn is the need and no
 * control step's worth more.
 */
public final class PlugInCharging implements LocalRule {
    /**
     * Energy to the target below which the EV counts as charged, kWh (1 mWh: far below a meter's
     * resolution, far above the rounding of summing a day of 10 s steps).
     */
    static final double DONE_KWH = 1e-6;

    private static boolean charging(long nowNs, EvCharger ev) {
        return ev.available(nowNs / 1e9) && ev.energyToTargetKwh() > DONE_KWH;
    }

    @Override
    public double decide(long nowNs, FlexibleDevice dev) {
        EvCharger ev = (EvCharger) dev;
        return charging(nowNs, ev) ? ev.ratedKw() : 0;
    }

    @Override
    public long nextSwitchNs(long nowNs, FlexibleDevice dev) {
        EvCharger ev = (EvCharger) dev;
        EvParams p = ev.params();
        double tS = nowNs / 1e9;
        long next;
        if (tS < p.arrivalS()) {
            next = ceilNs(p.arrivalS());
        } else if (charging(nowNs, ev)) {
            double hours = ev.energyToTargetKwh() / (p.chargerKw() * p.efficiency());
            next = Math.min(nowNs + (long) Math.ceil(hours * 3600e9), ceilNs(p.departureS()));
        } else {
            return NEVER; // charged, or gone: nothing changes any more
        }
        return Math.max(next, nowNs + 1);
    }

    private static long ceilNs(double s) {
        return (long) Math.ceil(s * 1e9);
    }
}
