package io.packetgrid.pem.policy;

/**
 * The latest PV inverter measurements a front-end feeds the policy ({@link InverterView}). Plain mutable holder, used
 * on the policy's thread.
 */
public final class InverterMeasurements implements InverterView {
    private double availableKw;
    private double deliveredKw;

    public void update(double availableKw, double deliveredKw) {
        this.availableKw = availableKw;
        this.deliveredKw = deliveredKw;
    }

    @Override
    public double availableKw() {
        return availableKw;
    }

    @Override
    public double deliveredKw() {
        return deliveredKw;
    }
}
