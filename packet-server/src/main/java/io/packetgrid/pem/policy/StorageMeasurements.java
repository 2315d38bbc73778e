package io.packetgrid.pem.policy;

/**
 * The latest storage and islanding measurements a front-end feeds the policy (a simulation from published
 * values, the real server from telemetry). Plain mutable holder, used on the policy's thread.
 */
public final class StorageMeasurements implements StorageView {
    private boolean islanded;
    private double socPct = 100;
    private double batteryKw;
    private double limitKw;
    private long updatedNs = Long.MIN_VALUE;

    public void update(boolean islanded, double socPct, double batteryKw, double limitKw, long atNs) {
        this.islanded = islanded;
        this.socPct = socPct;
        this.batteryKw = batteryKw;
        this.limitKw = limitKw;
        this.updatedNs = atNs;
    }

    @Override
    public boolean islanded() {
        return islanded;
    }

    @Override
    public double socPct() {
        return socPct;
    }

    @Override
    public double batteryKw() {
        return batteryKw;
    }

    @Override
    public double batteryKwLimit() {
        return limitKw;
    }

    public long updatedNs() {
        return updatedNs;
    }
}
