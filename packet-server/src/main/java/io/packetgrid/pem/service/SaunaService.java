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
        Sauna later = new Sauna(sauna.params(), sauna.tempC());
        later.advance(Math.max(0, atNs - nowNs) / 1e9, Math.max(0, Math.min(sauna.params().heaterKw(), powerKw)));
        return later.needKwh(targetC);
    }

    public double fullKw(long nowNs) {
        return sauna.params().heaterKw();
    }
}
