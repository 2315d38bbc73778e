package io.packetgrid.pem.policy;

/**
 * The latest site (community) measurements a front-end feeds the policy: PV generation and
 * inflexible load, kW. Simulations refresh it from published values; the real server from its
 * telemetry. Plain mutable holder, used on the policy's thread.
 */
public final class SiteMeasurements {
    private double pvKw;
    private double baseLoadKw;
    private long updatedNs = Long.MIN_VALUE;

    public void update(double pvKw, double baseLoadKw, long atNs) {
        this.pvKw = pvKw;
        this.baseLoadKw = baseLoadKw;
        this.updatedNs = atNs;
    }

    public double pvKw() {
        return pvKw;
    }

    public double baseLoadKw() {
        return baseLoadKw;
    }

    public long updatedNs() {
        return updatedNs;
    }
}
