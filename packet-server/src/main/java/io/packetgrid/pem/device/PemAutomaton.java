package io.packetgrid.pem.device;

import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The device side of packetized energy management (ACC 2017 §III; PEM-NOTES §1): in standby and
 * inside its band, a device draws one Bernoulli trial per control step with probability
 * 1 − exp(−μ(x)·Δt) and, on success, requests a packet; an accepted packet runs at the rated power
 * for the packet length; below the band it opts out and consumes (exit-ON), above it opts out and
 * stays off (exit-OFF, interrupting a running packet), and it rejoins once back inside the
 * recovery band. The published simulations use one logic state (all M_i equal, Table I), so this
 * automaton has one.
 *
 * <p>Communication is not assumed perfect. After a request the device waits for the reply up to
 * {@code replyTimeoutNs}; without one it returns to standby and goes on drawing trials (a lost
 * request or reply looks like a lower request rate, PEM-NOTES §8). An acceptance that arrives late
 * still starts the packet, at arrival, and the packet ends when the server scheduled it to end
 * ({@link PacketReply#endNs()}), so the server's timer-based estimate stays bounded.
 * Batteries also draw discharge trials with the mirror rate; if both trials succeed in one step,
 * they cancel (Springer 2018, Fig. 1.3).
 */
public final class PemAutomaton {

    public enum Mode { STANDBY, AWAITING_REPLY, PACKET, OPT_OUT_ON, OPT_OUT_OFF, AWAY }

    /** What a control step asks the device's transport to send. */
    public enum Output { NONE, REQUEST, EVENT }

    /**
     * @param mRHz           request rate at the set-point, 1/s (ACC 2017 Table I: 1/300)
     * @param packetNs       packet length asked for (ACC 2017: 300 s or 1800 s)
     * @param replyTimeoutNs how long to wait for a reply before returning to standby
     */
    public record Config(double mRHz, long packetNs, long replyTimeoutNs) {
        public Config {
            if (!(mRHz > 0) || packetNs <= 0 || replyTimeoutNs <= 0) {
                throw new IllegalArgumentException("m_R, packet length and reply timeout must be > 0");
            }
        }
    }

    private final Config config;
    private Mode mode = Mode.STANDBY;
    private long seq;
    private long pendingSinceNs;
    private int pendingDirection;
    private int packetDirection;
    private long packetEndNs;
    private DeviceEvent.Type lastEvent;
    private double lastEventKw;

    // counters
    private long requests;
    private long accepted;
    private long denied;
    private long timeouts;
    private long lateStarts;
    private long ignoredReplies;
    private long optOuts;

    public PemAutomaton(Config config) {
        this.config = config;
    }

    /** Starts inside a packet with {@code remainingNs} left (ACC 2017 Table I: initial remaining epoch). */
    public void startInPacket(long nowNs, long remainingNs) {
        mode = Mode.PACKET;
        packetDirection = 1;
        packetEndNs = nowNs + remainingNs;
    }

    public Config config() {
        return config;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * One control step at {@code nowNs} after the physics has been advanced to it.
     *
     * @return what to send: a request ({@link #seq()}, {@link #requestKw}), an event
     *         ({@link #lastEvent()}, {@link #lastEventKw()}) or nothing
     */
    public Output step(long nowNs, double dtS, FlexibleDevice dev, UniformRandomProvider rng) {
        double tS = nowNs / 1e9;
        if (!dev.available(tS)) {
            Mode was = mode;
            mode = Mode.AWAY;
            if (was == Mode.PACKET || was == Mode.OPT_OUT_ON) {
                return event(DeviceEvent.Type.INTERRUPT, dev.ratedKw());
            }
            return Output.NONE;
        }
        if (mode == Mode.AWAY) {
            mode = Mode.STANDBY;
        }
        double x = dev.state();
        PemBand band = dev.band();
        switch (mode) {
            case PACKET -> {
                if (nowNs >= packetEndNs) {
                    mode = Mode.STANDBY; // expiry: the server times packets itself, nothing to send
                    return Output.NONE;
                }
                if (packetDirection > 0 && x >= band.max()) {
                    mode = Mode.OPT_OUT_OFF;
                    optOuts++;
                    return event(DeviceEvent.Type.INTERRUPT, dev.ratedKw());
                }
                if (packetDirection < 0 && x <= band.min()) {
                    mode = Mode.STANDBY;
                    return event(DeviceEvent.Type.INTERRUPT, -dev.dischargeKw());
                }
                return Output.NONE;
            }
            case OPT_OUT_ON -> {
                if (x >= band.rejoinLow()) {
                    mode = Mode.STANDBY;
                    return event(DeviceEvent.Type.REJOIN, dev.ratedKw());
                }
                return Output.NONE;
            }
            case OPT_OUT_OFF -> {
                if (x <= band.rejoinHigh()) {
                    mode = Mode.STANDBY;
                }
                return Output.NONE;
            }
            case AWAITING_REPLY -> {
                if (nowNs - pendingSinceNs < config.replyTimeoutNs()) {
                    return Output.NONE;
                }
                timeouts++;
                mode = Mode.STANDBY; // no reply: back to standby and draw again (retry per the logic)
            }
            default -> { }
        }
        // standby
        if (x <= band.min()) {
            mode = Mode.OPT_OUT_ON;
            optOuts++;
            return event(DeviceEvent.Type.OPT_OUT_ON, dev.ratedKw());
        }
        if (x >= band.max()) {
            mode = Mode.OPT_OUT_OFF;
            return Output.NONE;
        }
        double pCharge = RequestRate.probability(
                RequestRate.heating(x, band.min(), band.set(), band.max(), config.mRHz()), dtS);
        boolean charge = rng.nextDouble() < pCharge;
        boolean discharge = false;
        if (dev.dischargeKw() > 0) {
            double pDis = RequestRate.probability(
                    RequestRate.discharge(x, band.min(), band.set(), band.max(), config.mRHz()), dtS);
            discharge = rng.nextDouble() < pDis;
        }
        if (charge == discharge) {
            return Output.NONE; // none, or both (they cancel)
        }
        seq++;
        requests++;
        pendingDirection = charge ? 1 : -1;
        pendingSinceNs = nowNs;
        mode = Mode.AWAITING_REPLY;
        return Output.REQUEST;
    }

    private Output event(DeviceEvent.Type type, double kw) {
        lastEvent = type;
        lastEventKw = Math.abs(kw);
        return Output.EVENT;
    }

    /** A reply from the server, at {@code nowNs}. Returns true when the device's power changed. */
    public boolean onReply(PacketReply reply, long nowNs, FlexibleDevice dev) {
        if (!reply.accepted()) {
            if (mode == Mode.AWAITING_REPLY && reply.seq() == seq) {
                denied++;
                mode = Mode.STANDBY;
            } else {
                ignoredReplies++;
            }
            return false;
        }
        boolean onTime = mode == Mode.AWAITING_REPLY && reply.seq() == seq;
        boolean late = !onTime && (mode == Mode.STANDBY || mode == Mode.AWAITING_REPLY) && reply.seq() <= seq;
        if (!(onTime || late) || reply.endNs() <= nowNs) {
            ignoredReplies++;
            return false;
        }
        double x = dev.state();
        int direction = onTime ? pendingDirection : 1;
        if (direction > 0 ? x >= dev.band().max() : x <= dev.band().min()) {
            ignoredReplies++;
            mode = Mode.STANDBY;
            return false;
        }
        accepted++;
        if (late) {
            lateStarts++;
        }
        mode = Mode.PACKET;
        packetDirection = direction;
        packetEndNs = reply.endNs();
        return true;
    }

    /** Power drawn now given the device, kW (consumption positive). */
    public double powerKw(FlexibleDevice dev) {
        return switch (mode) {
            case PACKET -> packetDirection > 0 ? dev.ratedKw() : -dev.dischargeKw();
            case OPT_OUT_ON -> dev.ratedKw();
            default -> 0;
        };
    }

    /** The signed power of the pending request (consume +, inject −). */
    public double requestKw(FlexibleDevice dev) {
        return pendingDirection > 0 ? dev.ratedKw() : -dev.dischargeKw();
    }

    public long seq() {
        return seq;
    }

    public long packetEndNs() {
        return packetEndNs;
    }

    public DeviceEvent.Type lastEvent() {
        return lastEvent;
    }

    public double lastEventKw() {
        return lastEventKw;
    }

    public long requests() {
        return requests;
    }

    public long acceptedCount() {
        return accepted;
    }

    public long deniedCount() {
        return denied;
    }

    public long timeouts() {
        return timeouts;
    }

    public long lateStarts() {
        return lateStarts;
    }

    public long ignoredReplies() {
        return ignoredReplies;
    }

    public long optOuts() {
        return optOuts;
    }
}
