package io.packetgrid.pem.service;

import io.packetgrid.pem.packet.DeviceClass;

/**
 * A device whose owner books a service with a deadline (see {@link ServiceRequest}): when the need
 * arises it describes it; it then draws what it is allowed (or, at zero slack, what it must) and
 * says what is still needed. Times in ns from the run's start.
 */
public interface ServiceDevice {

    DeviceClass deviceClass();

    /** When the need arises (the EV is plugged in, the dishwasher loaded, the sauna booked). */
    long needNs();

    /**
     * The request describing the need at {@code nowNs} (≥ {@link #needNs()}), with the given ids, or
     * null when there is nothing (left) to do.
     */
    ServiceRequest request(long requestId, long deviceId, int priority, io.packetgrid.pem.packet.ConnectionPoint at, long nowNs);

    /** Advances the physics over [fromNs, toNs) drawing {@code powerKw}. */
    void advance(long fromNs, long toNs, double powerKw);

    /** Energy still needed at {@code nowNs}, kWh (0: done). */
    double remainingKwh(long nowNs);

    /**
     * Energy that will still be needed at {@code atNs} if it draws {@code powerKw} from now until then, kWh. By
     * default the need falls at the power drawn (exact for a need that is grid energy, as an EV's: need − p·Δt,
     * never below 0); a cooling sauna needs more later and says so.
     */
    default double remainingKwhAt(long nowNs, long atNs, double powerKw) {
        double p = Math.max(0, Math.min(powerKw, fullKw(nowNs)));
        return Math.max(0, remainingKwh(nowNs) - p * Math.max(0, atNs - nowNs) / 3.6e12);
    }

    /**
     * When its slack under {@code r} reaches zero if it draws {@code powerKw} from now on: the first ns t ≥ now with
     * {@code r.slackNs(t, remainingKwhAt(now, t, powerKw)) ≤ 0}, {@code Long.MAX_VALUE} if never (it draws its full
     * power: its need falls as fast as the slack would). By default the need falls at the power drawn, as
     * {@link #remainingKwhAt}'s default: {@link ServiceRequest#forcedAtNs}'s closed form.
     */
    default long forcedAtNs(ServiceRequest r, long nowNs, double powerKw) {
        return r.forcedAtNs(nowNs, remainingKwh(nowNs), Math.max(0, Math.min(powerKw, fullKw(nowNs))));
    }

    /** Power at full use, kW (a programme's present step while it runs). */
    double fullKw(long nowNs);

    /**
     * The next instant after {@code nowNs} at which its draw changes by itself while it draws {@code powerKw}:
     * when its energy is all in (remaining energy over the power; exact for the EV, whose need is grid energy,
     * and for the sauna at full power, whose need is full power times its heat-up time), or a programme's next
     * step; {@code Long.MAX_VALUE} when nothing changes.
     */
    default long nextChangeNs(long nowNs, double powerKw) {
        if (!(powerKw > 0)) {
            return Long.MAX_VALUE;
        }
        double dt = Math.ceil(remainingKwh(nowNs) / powerKw * 3.6e12);
        return dt >= Long.MAX_VALUE - (double) nowNs ? Long.MAX_VALUE : nowNs + Math.max(1, (long) dt);
    }

    /** Whether the service is done. */
    default boolean done(long nowNs) {
        return remainingKwh(nowNs) <= 1e-9;
    }
}
