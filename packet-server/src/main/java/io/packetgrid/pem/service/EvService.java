package io.packetgrid.pem.service;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;

/** An EV plugged in at {@code plugInNs} that must hold {@code targetSoc} by {@code deadlineNs}, at any power 0…max. */
public final class EvService implements ServiceDevice {
    private final ModulatedEv ev;
    private final long plugInNs;
    private final long deadlineNs;
    private final double targetSoc;

    public EvService(ModulatedEv ev, long plugInNs, long deadlineNs, double targetSoc) {
        this.ev = ev;
        this.plugInNs = plugInNs;
        this.deadlineNs = deadlineNs;
        this.targetSoc = targetSoc;
    }

    public ModulatedEv ev() {
        return ev;
    }

    public DeviceClass deviceClass() {
        return DeviceClass.EV_CHARGER;
    }

    public long needNs() {
        return plugInNs;
    }

    public ServiceRequest request(long requestId, long deviceId, int priority, ConnectionPoint at, long nowNs) {
        double need = ev.needKwh(targetSoc);
        if (need <= 1e-9 || nowNs >= deadlineNs) {
            return null;
        }
        return ServiceRequest.energy(requestId, deviceId, DeviceClass.EV_CHARGER, priority, at, need, 0, ev.maxKw(),
                Math.max(nowNs, plugInNs), deadlineNs);
    }

    public void advance(long fromNs, long toNs, double powerKw) {
        if (toNs > fromNs && powerKw > 0 && fromNs >= plugInNs) {
            ev.advance((toNs - fromNs) / 1e9, powerKw);
        }
    }

    /**
     * Grid energy still needed: it falls at exactly the power drawn, so {@link ServiceDevice}'s defaults (need − p·Δt,
     * and the forced instant now + slack/(1 − p/max)) are exact for it.
     */
    public double remainingKwh(long nowNs) {
        return ev.needKwh(targetSoc);
    }

    public double fullKw(long nowNs) {
        return ev.maxKw();
    }
}
