package io.packetgrid.pem.service;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;

/**
 * A household's request for a service with a deadline (the seed's Energy Internet, §III-C and Fig. 4):
 * an amount of energy, or a fixed power profile, to be delivered between an earliest start and a
 * deadline, interruptible or not, at a power within [minKw, maxKw]. A dishwasher's programme is a
 * profile that cannot be interrupted; an EV's charge is energy at any power up to its charger's; a
 * sauna's heating is energy (its need, see {@link Sauna}) on an on/off heater.
 *
 * @param id              unique per server (several per device over a run)
 * @param deviceId        the device
 * @param deviceClass     appliance class, for community rules
 * @param priority        the user's class set by the group (0 = flexible households; higher first,
 *                        e.g. a hospital's loads)
 * @param at              where it connects
 * @param energyKwh       energy to deliver, kWh (for a profile: its energy)
 * @param profileKw       a fixed programme's power in steps of {@code profileStepNs}, or null
 * @param profileStepNs   the profile's step
 * @param earliestStartNs not before this time
 * @param deadlineNs      all delivered by this time
 * @param interruptible   may be paused and resumed (a profile never is)
 * @param minKw           lowest power while running (0 for a modulated EV; the rating for on/off loads)
 * @param maxKw           highest power
 */
public record ServiceRequest(long id, long deviceId, DeviceClass deviceClass, int priority, ConnectionPoint at, double energyKwh,
                             double[] profileKw, long profileStepNs, long earliestStartNs, long deadlineNs, boolean interruptible,
                             double minKw, double maxKw) {

    /**
     * The closest a forced-use instant is named to the step that computes it, ns: a device or server never steps
     * twice within a microsecond for forced use, whatever rounding does (a request then misses at most a microsecond
     * of full power).
     */
    public static final long MIN_STEP_NS = 1_000;

    public ServiceRequest {
        if (!(deadlineNs > earliestStartNs)) {
            throw new IllegalArgumentException("request " + id + ": the deadline must be after the earliest start");
        }
        if (!(maxKw > 0) || !(minKw >= 0 && minKw <= maxKw)) {
            throw new IllegalArgumentException("request " + id + ": need 0 ≤ min_kw ≤ max_kw, max_kw > 0");
        }
        if (profileKw != null) {
            if (interruptible || profileStepNs <= 0 || profileKw.length == 0) {
                throw new IllegalArgumentException("request " + id + ": a programme has steps and cannot be interrupted");
            }
            profileKw = profileKw.clone();
            double e = 0;
            for (double p : profileKw) {
                if (!(p >= 0 && p <= maxKw + 1e-12)) {
                    throw new IllegalArgumentException("request " + id + ": programme power outside [0, max_kw]");
                }
                e += p * profileStepNs / 3.6e12;
            }
            energyKwh = e;
        }
        if (!(energyKwh > 0)) {
            throw new IllegalArgumentException("request " + id + ": energy must be > 0");
        }
    }

    /** A fixed, uninterruptible programme (dishwasher, washing machine). */
    public static ServiceRequest programme(long id, long deviceId, DeviceClass c, int priority, ConnectionPoint at, double[] profileKw,
                                           long stepNs, long earliestStartNs, long deadlineNs) {
        double max = 0;
        for (double p : profileKw) {
            max = Math.max(max, p);
        }
        return new ServiceRequest(id, deviceId, c, priority, at, 0, profileKw, stepNs, earliestStartNs, deadlineNs, false, 0, max);
    }

    /** Energy at any power in [minKw, maxKw], interruptible (a modulated EV charger; minKw = maxKw for an on/off heater). */
    public static ServiceRequest energy(long id, long deviceId, DeviceClass c, int priority, ConnectionPoint at, double energyKwh,
                                        double minKw, double maxKw, long earliestStartNs, long deadlineNs) {
        return new ServiceRequest(id, deviceId, c, priority, at, energyKwh, null, 0, earliestStartNs, deadlineNs, true, minKw, maxKw);
    }

    public boolean isProgramme() {
        return profileKw != null;
    }

    /** A programme's length, ns (0 for energy requests). */
    public long durationNs() {
        return profileKw == null ? 0 : profileKw.length * profileStepNs;
    }

    /** The programme's power at {@code sinceStartNs} after its start, kW (0 outside it). */
    public double profileKwAt(long sinceStartNs) {
        if (profileKw == null || sinceStartNs < 0 || sinceStartNs >= durationNs()) {
            return 0;
        }
        return profileKw[(int) (sinceStartNs / profileStepNs)];
    }

    /**
     * The latest time it can start (or resume) with {@code remainingKwh} still to deliver and meet
     * its deadline: at full power for energy requests, the programme's length for a programme.
     */
    public long latestStartNs(double remainingKwh) {
        if (profileKw != null) {
            return deadlineNs - durationNs();
        }
        return deadlineNs - (long) Math.ceil(remainingKwh / maxKw * 3.6e12);
    }

    /**
     * Slack (laxity) at {@code nowNs}: how long it may still wait, ns (Mok 1983's least-laxity
     * measure: deadline − now − remaining work at full rate). At 0 it must run (forced use).
     */
    public long slackNs(long nowNs, double remainingKwh) {
        return latestStartNs(remainingKwh) - nowNs;
    }

    /**
     * When its slack reaches zero if, from {@code nowNs} on, the remaining energy falls at {@code powerKw} (a constant
     * draw; what the server counts as delivered, and an EV's need, which is grid energy): the first ns t ≥ now with
     * {@code slackNs(t, remaining − p·(t − now)) ≤ 0}; {@code nowNs} if there is no slack left, {@code Long.MAX_VALUE} at
     * full power or more (the slack then stays as it is), the deadline if all the energy is in before. A programme: its
     * latest start (its slack falls with the clock until it starts).
     *
     * <p>Laxity at a partial rate (Mok 1983's measure): with r = p/max the slack falls at 1 − r of the clock, so it is
     * gone after slack/(1 − r): found here in closed form, not by stepping to now + slack again and again (a
     * geometric series that never ends once the slack is under about 1 ns/(1 − r), issue #15). The slack is counted in
     * whole ns ({@link #latestStartNs}'s ceil): it is ≤ 0 at the first Δ with (1 − r)·Δ &gt; D − 1 − h, D = deadline − now,
     * h = remaining/max in ns; the candidate is then checked against {@link #slackNs} itself.
     */
    public long forcedAtNs(long nowNs, double remainingKwh, double powerKw) {
        if (profileKw != null) {
            return Math.max(nowNs, latestStartNs(remainingKwh));
        }
        if (slackNs(nowNs, remainingKwh) <= 0) {
            return nowNs;
        }
        double p = Math.max(0, powerKw);
        if (p >= maxKw) {
            return Long.MAX_VALUE;
        }
        long left = deadlineNs - nowNs;
        double h = remainingKwh / maxKw * 3.6e12;
        // (max − p) is exact for p near max (Sterbenz), so the division keeps its digits where 1 − p/max would not
        double x = (left - 1 - h) * maxKw / (maxKw - p);
        if (!(x < left) || p * x / 3.6e12 >= remainingKwh) {
            return deadlineNs; // all in first (then the slack only falls with the clock), or not before the deadline
        }
        long d = (long) Math.floor(x) + 1;
        for (int k = 0; k < 3; k++) { // rounding: the candidate may be a hair early; step on by the slack still left
            long s = slackNs(nowNs + d, Math.max(0, remainingKwh - p * d / 3.6e12));
            if (s <= 0) {
                break;
            }
            d = Math.min(left, d + (long) Math.ceil(s * maxKw / (maxKw - p)));
        }
        return nowNs + d;
    }

    /** Whether it can be met at all on its own (the whole window at full power). */
    public boolean feasibleAlone() {
        return latestStartNs(energyKwh) >= earliestStartNs;
    }
}
