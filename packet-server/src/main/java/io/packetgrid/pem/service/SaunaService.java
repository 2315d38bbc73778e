package io.packetgrid.pem.service;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;

/**
 * A sauna booked at {@code bookedNs} to be at {@code targetC} at {@code readyNs}: it asks for the energy
 * of a heat-up at full power from its present temperature, startable from twice that heat-up time (or a
 * given margin before the just-in-time start)
 * before the ready time (heated earlier it would lose more than it gains: the room loses 1 − e^(−t/τ)
 * of its excess heat in t, about 40 % in τ ≈ 1.9 h), so the server may pre-heat it early (cheap
 * hours) or heat it late at full power. Once at the target it stops; if it cools before the ready
 * time its need is larger than the server planned, and its own zero-slack rule heats it again in time.
 */
public final class SaunaService implements ServiceDevice {
    private final Sauna sauna;
    private final long bookedNs;
    private final long readyNs;
    private final double targetC;
    private final long earlyNs;

    /** Startable from twice its heat-up time before the ready time. */
    public SaunaService(Sauna sauna, long bookedNs, long readyNs, double targetC) {
        this(sauna, bookedNs, readyNs, targetC, -1);
    }

    /**
     * @param earlyNs how much earlier than just in time (the ready time minus its heat-up) it may start; negative:
     *                its heat-up time again (startable from twice the heat-up before the ready time). A short margin
     *                keeps the cooling losses of early heating small: the scheduler plans energy, not heat kept.
     */
    public SaunaService(Sauna sauna, long bookedNs, long readyNs, double targetC, long earlyNs) {
        this.sauna = sauna;
        this.bookedNs = bookedNs;
        this.readyNs = readyNs;
        this.targetC = targetC;
        this.earlyNs = earlyNs;
    }

    public Sauna sauna() {
        return sauna;
    }

    public DeviceClass deviceClass() {
        return DeviceClass.OTHER;
    }

    public long needNs() {
        return bookedNs;
    }

    public ServiceRequest request(long requestId, long deviceId, int priority, ConnectionPoint at, long nowNs) {
        double need = sauna.needKwh(targetC);
        if (need <= 1e-9 || nowNs >= readyNs) {
            return null;
        }
        double kw = sauna.params().heaterKw();
        long heatNs = (long) Math.ceil(Sauna.heatUpS(sauna.params(), sauna.tempC(), targetC) * 1e9);
        long earliest = Math.max(Math.max(nowNs, bookedNs), readyNs - heatNs - (earlyNs < 0 ? heatNs : earlyNs));
        return ServiceRequest.energy(requestId, deviceId, DeviceClass.OTHER, priority, at, need, kw, kw, earliest, readyNs);
    }

    public void advance(long fromNs, long toNs, double powerKw) {
        if (toNs > fromNs) {
            sauna.advance((toNs - fromNs) / 1e9, Math.max(0, Math.min(sauna.params().heaterKw(), powerKw)));
        }
    }

    /** The heat-up energy from its present temperature; 0 once at the target. */
    public double remainingKwh(long nowNs) {
        return sauna.needKwh(targetC);
    }

    @Override
    public double remainingKwhAt(long nowNs, long atNs, double powerKw) {
        return after(Math.max(0, atNs - nowNs), powerKw).needKwh(targetC);
    }

    /** A copy of the sauna {@code dtNs} from now at {@code powerKw}. */
    private Sauna after(long dtNs, double powerKw) {
        Sauna later = new Sauna(sauna.params(), sauna.tempC());
        later.advance(dtNs / 1e9, clamp(powerKw));
        return later;
    }

    private double clamp(double powerKw) {
        return Math.max(0, Math.min(sauna.params().heaterKw(), powerKw));
    }

    /**
     * The instant its slack reaches zero at power p &lt; P, in closed form. Its slack s = D − t − t_h(T(t)), with
     * T(t) = T∞' + (T − T∞')·e^(−t/τ) heading for T∞' = T_amb + p/UA and t_h = τ·ln((T − T∞)/(T_target − T∞)) the full-power
     * heat-up (T∞ = T_amb + P/UA, see {@link Sauna}). Setting D − t = t_h(T(t)) and using T − T∞ = (T_target − T∞)·e^(t_h/τ) at
     * now gives e^(t/τ) = 1 + (T∞ − T)·(e^(σ/τ) − 1)/(T∞ − T∞'), σ the slack now: t = τ·log1p((T∞ − T)·expm1(σ/τ)/δ),
     * δ = (P − p)/UA (both forms keep their digits as p nears P, where the slack falls at δ/(T∞ − T) of the clock only).
     * σ is the slack above the last whole ns ({@link ServiceRequest#latestStartNs}'s ceil), and the candidate is checked
     * against the model. At full power the slack stays as it is: never.
     */
    @Override
    public long forcedAtNs(ServiceRequest r, long nowNs, double powerKw) {
        double need = remainingKwh(nowNs);
        if (r.slackNs(nowNs, need) <= 0) {
            return nowNs;
        }
        SaunaParams sp = sauna.params();
        double full = sp.heaterKw();
        double p = clamp(powerKw);
        if (p >= full) {
            return Long.MAX_VALUE;
        }
        double tau = sp.tauS();
        long left = r.deadlineNs() - nowNs;
        double sigmaS = (left - 1 - need / full * 3.6e12) / 1e9;
        double delta = (full - p) / sp.lossKwPerC();
        double tS = tau * Math.log1p((sp.steadyC(full) - sauna.tempC()) * Math.expm1(sigmaS / tau) / delta);
        if (!(tS * 1e9 < left) || Sauna.heatUpS(sp, sauna.tempC(), targetC, p) <= tS) {
            return r.deadlineNs(); // not before the deadline, or at the target first (then its slack falls with the clock)
        }
        long d = (long) Math.floor(tS * 1e9) + 1;
        for (int k = 0; k < 3; k++) { // rounding: the candidate may be a hair early; step on by the slack still left
            Sauna then = after(d, p);
            long s = r.slackNs(nowNs + d, then.needKwh(targetC));
            if (s <= 0) {
                break;
            }
            d = Math.min(left, d + (long) Math.ceil(s * (sp.steadyC(full) - then.tempC()) / delta));
        }
        return nowNs + d;
    }

    /**
     * When it reaches its target at the power it draws: at full power the default (its need over the power) is exact;
     * below it the sauna heats more slowly than its need suggests (it loses more on the way), so that would step at
     * ever closer instants as it neared the target: the heating time at that power instead.
     */
    @Override
    public long nextChangeNs(long nowNs, double powerKw) {
        double p = clamp(powerKw);
        if (!(p > 0) || p >= sauna.params().heaterKw()) {
            return ServiceDevice.super.nextChangeNs(nowNs, powerKw);
        }
        double dt = Math.ceil(Sauna.heatUpS(sauna.params(), sauna.tempC(), targetC, p) * 1e9);
        return dt >= Long.MAX_VALUE - (double) nowNs ? Long.MAX_VALUE : nowNs + Math.max(1, (long) dt);
    }

    public double fullKw(long nowNs) {
        return sauna.params().heaterKw();
    }
}
