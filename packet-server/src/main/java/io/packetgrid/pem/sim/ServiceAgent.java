package io.packetgrid.pem.sim;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.service.ProgrammeService;
import io.packetgrid.pem.service.ServiceDevice;
import io.packetgrid.pem.service.ServiceRequest;

/**
 * A deadline device inside a {@link DeviceFleetFederate}: it sends a {@link ServiceRequest} when its
 * owner's need arises, asks again {@code retryNs} after a rejection while its need can still be met,
 * draws the power the server commands, and runs at full power by itself when its slack reaches zero
 * (forced use on the device's side too, so a lost command cannot make it miss its deadline). At its
 * deadline the service is over (a running programme finishes).
 *
 * <p>Without a server ({@link #local}) the owner runs the device alone and sends nothing: at full power
 * from the moment the need arises (a dishwasher started when loaded), or just in time, at full power from
 * the instant its slack reaches zero (a sauna switched on to be hot at the booked hour).
 */
public final class ServiceAgent {
    /** How an owner runs the device without a server. */
    public enum Local { AS_SOON_AS_POSSIBLE, JUST_IN_TIME }

    enum State { WAITING, REQUESTED, ACCEPTED, REJECTED, DONE }

    final long id;
    final ServiceDevice device;
    final ConnectionPoint at;
    final int priority;
    final long retryNs;
    String endpoint;
    State state = State.WAITING;
    ServiceRequest request;
    int attempts;
    long retryAtNs;
    long requestedAtNs;
    double commandKw;
    double powerKw;
    long advancedNs;
    boolean forced;
    long forcedSinceNs = -1;
    int rejections;
    boolean wasAccepted;
    Local local;
    long observeFromNs;
    double energyKwh;
    double forcedKwh;
    /** Whether its connection point is energised: without supply it draws nothing and sends nothing (gateway down). */
    boolean supplied = true;
    long unsuppliedSinceNs = -1;

    public ServiceAgent(long id, ServiceDevice device, ConnectionPoint at, int priority, long retryNs) {
        if (id < 0 || id > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("device id must fit 32 bits unsigned: " + id);
        }
        this.id = id;
        this.device = device;
        this.at = at;
        this.priority = priority;
        this.retryNs = retryNs;
    }

    public ServiceAgent endpoint(String name) {
        this.endpoint = name;
        return this;
    }

    /** Runs without a server, as {@code how} says (no messages). */
    public ServiceAgent local(Local how) {
        this.local = how;
        return this;
    }

    /** Whether it runs without a server. */
    public boolean isLocal() {
        return local != null;
    }

    /** Physics to {@code nowNs} at the present power (and its energy over the observation window). */
    void advanceTo(long nowNs) {
        if (nowNs > advancedNs) {
            device.advance(advancedNs, nowNs, powerKw);
            double kwh = powerKw * (nowNs - advancedNs) / 3.6e12;
            if (advancedNs >= observeFromNs) {
                energyKwh += kwh;
            }
            if (forced) {
                forcedKwh += kwh;
            }
            advancedNs = nowNs;
        }
    }

    /** The request to send now, or null (need not arisen, pending, accepted, or nothing left). */
    ServiceRequest due(long nowNs) {
        if (state == State.REQUESTED && nowNs >= requestedAtNs + retryNs) {
            requestedAtNs = nowNs; // no answer (lost on the way): the same request again
            return request;
        }
        boolean ask = (state == State.WAITING && nowNs >= device.needNs()) || (state == State.REJECTED && nowNs >= retryAtNs);
        if (!ask) {
            return null;
        }
        ServiceRequest r = device.request((id << 8) | (attempts & 0xFF), id, priority, at, nowNs);
        if (local != null) { // no server: the owner's own decision, nothing sent
            if (r == null) {
                state = State.DONE;
                return null;
            }
            request = r;
            state = State.ACCEPTED;
            commandKw = local == Local.AS_SOON_AS_POSSIBLE ? Double.POSITIVE_INFINITY : 0;
            return null;
        }
        if (r == null || !r.feasibleAlone() || r.latestStartNs(r.energyKwh()) < nowNs) {
            state = State.DONE; // nothing left, or it can no longer be met: the owner gives up
            return null;
        }
        attempts++;
        request = r;
        state = State.REQUESTED;
        requestedAtNs = nowNs;
        return r;
    }

    void onReply(boolean accepted, long nowNs) {
        if (state != State.REQUESTED) {
            return;
        }
        if (accepted) {
            state = State.ACCEPTED;
            wasAccepted = true;
        } else {
            state = State.REJECTED;
            rejections++;
            retryAtNs = nowNs + retryNs;
        }
    }

    /**
     * When its slack reaches zero if it keeps its present power (its device's model, in closed form: an EV at p of
     * max P after slack/(1 − p/P), a sauna as {@code SaunaService} says); never ({@code Long.MAX_VALUE}) at full power,
     * where the need falls as fast as the slack would. Issue #15: a rule that looked only at the need of now stepped
     * at now + slack, found slack·p/P left, and so on, for ever once the slack was under about 1 ns/(1 − p/P). Never
     * less than {@link ServiceRequest#MIN_STEP_NS} from now.
     */
    long forcedAtNs(long nowNs) {
        long t = device.forcedAtNs(request, nowNs, powerKw);
        return t == Long.MAX_VALUE ? t : Math.max(t, nowNs + ServiceRequest.MIN_STEP_NS);
    }

    long doneAtNs = -1;
    /** A service lacking less than this much full use at its deadline counts as done, s. */
    static final double MET_TOLERANCE_S = 1;

    /** The power now: forced at zero slack, else the command; a programme runs its profile once started. */
    double decide(long nowNs) {
        if (doneAtNs < 0 && request != null && wasAcceptedOrLocal() && device.done(nowNs)) {
            doneAtNs = nowNs;
        }
        if (state == State.ACCEPTED && nowNs >= request.deadlineNs() && !(device instanceof ProgrammeService p && p.appliance().started())) {
            // the service's time is over (the sauna is in use, the car leaves); a running programme finishes. Done if
            // what it lacks is less than a second of full use (the forced instant is found to a microsecond)
            if (doneAtNs < 0 && device.remainingKwh(nowNs) <= device.fullKw(nowNs) * MET_TOLERANCE_S / 3600) {
                doneAtNs = nowNs;
            }
            state = State.DONE;
        }
        if (state != State.ACCEPTED || device.done(nowNs)) {
            return 0;
        }
        if (!forced && request.slackNs(nowNs, device.remainingKwh(nowNs)) <= 0) {
            forced = true;
            forcedSinceNs = nowNs;
        }
        if (device instanceof ProgrammeService p) {
            if (forced || commandKw > 0) {
                p.start(nowNs);
            }
            return p.appliance().powerKw(nowNs);
        }
        return forced ? device.fullKw(nowNs) : Math.min(commandKw, device.fullKw(nowNs));
    }

    private boolean wasAcceptedOrLocal() {
        return wasAccepted || local != null;
    }

    public long id() {
        return id;
    }

    public ServiceDevice device() {
        return device;
    }

    public String endpoint() {
        return endpoint;
    }

    public double powerKw() {
        return powerKw;
    }

    /** The latest request sent (null before the first). */
    public ServiceRequest request() {
        return request;
    }

    /** Whether the server accepted its request (at some point). */
    public boolean accepted() {
        return wasAccepted;
    }

    public int rejections() {
        return rejections;
    }

    /** When it went to forced use, or −1. */
    public long forcedSinceNs() {
        return forcedSinceNs;
    }

    /** Energy drawn over the observation window, kWh. */
    public double energyKwh() {
        return energyKwh;
    }

    /** Energy drawn in forced use (from the instant its slack reached zero), kWh. */
    public double forcedKwh() {
        return forcedKwh;
    }

    public ConnectionPoint at() {
        return at;
    }

    /** Whether its service was done by its deadline (all its energy in, or its programme run): what the owner wanted. */
    public boolean met() {
        return doneAtNs >= 0 && request != null && doneAtNs <= request.deadlineNs();
    }

    /** When its service was complete, or −1. */
    public long doneAtNs() {
        return doneAtNs;
    }
}
