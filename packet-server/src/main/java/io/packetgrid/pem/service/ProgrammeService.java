package io.packetgrid.pem.service;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceClass;

/** A dishwasher (or washing machine) loaded at {@code loadedNs}, startable from {@code earliestNs}, done by {@code deadlineNs}. */
public final class ProgrammeService implements ServiceDevice {
    private final ProgrammeAppliance appliance;
    private final long loadedNs;
    private final long earliestNs;
    private final long deadlineNs;

    public ProgrammeService(ProgrammeAppliance appliance, long loadedNs, long earliestNs, long deadlineNs) {
        this.appliance = appliance;
        this.loadedNs = loadedNs;
        this.earliestNs = earliestNs;
        this.deadlineNs = deadlineNs;
    }

    public ProgrammeAppliance appliance() {
        return appliance;
    }

    public DeviceClass deviceClass() {
        return DeviceClass.WASHING;
    }

    public long needNs() {
        return loadedNs;
    }

    public ServiceRequest request(long requestId, long deviceId, int priority, ConnectionPoint at, long nowNs) {
        if (appliance.started()) {
            return null;
        }
        return ServiceRequest.programme(requestId, deviceId, DeviceClass.WASHING, priority, at, appliance.profileKw(), appliance.stepNs(),
                Math.max(nowNs, earliestNs), deadlineNs);
    }

    /** A programme draws its own profile once started ({@link #start}); nothing to integrate. */
    public void advance(long fromNs, long toNs, double powerKw) {
    }

    /** Starts the programme (a command to run, or forced use at its latest start). */
    public void start(long nowNs) {
        appliance.start(nowNs);
    }

    public double remainingKwh(long nowNs) {
        return appliance.energyKwh() - appliance.energyDrawnKwh(nowNs);
    }

    /** What its programme will not yet have drawn at {@code atNs} (it draws its profile, whatever the power named). */
    @Override
    public double remainingKwhAt(long nowNs, long atNs, double powerKw) {
        return appliance.energyKwh() - appliance.energyDrawnKwh(atNs);
    }

    public double fullKw(long nowNs) {
        return appliance.started() ? appliance.powerKw(nowNs) : appliance.profileKw()[0];
    }

    /** The programme's next step (or its end) once started. */
    @Override
    public long nextChangeNs(long nowNs, double powerKw) {
        if (!appliance.started() || appliance.done(nowNs)) {
            return Long.MAX_VALUE;
        }
        long step = appliance.stepNs();
        long k = (nowNs - appliance.startNs()) / step + 1;
        return Math.min(appliance.startNs() + k * step, appliance.startNs() + appliance.durationNs());
    }

    @Override
    public boolean done(long nowNs) {
        return appliance.done(nowNs);
    }
}
