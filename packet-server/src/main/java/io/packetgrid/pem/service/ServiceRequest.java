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

    /** Whether it can be met at all on its own (the whole window at full power). */
    public boolean feasibleAlone() {
        return latestStartNs(energyKwh) >= earliestStartNs;
    }
}
