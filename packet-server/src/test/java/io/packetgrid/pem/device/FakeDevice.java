package io.packetgrid.pem.device;

import io.packetgrid.pem.packet.DeviceClass;

/** A device whose state the test sets. */
final class FakeDevice implements FlexibleDevice {
    final PemBand band;
    double x;
    double rated = 4.5;
    double discharge;
    boolean available = true;

    FakeDevice(PemBand band, double x) {
        this.band = band;
        this.x = x;
    }

    @Override
    public DeviceClass deviceClass() {
        return DeviceClass.WATER_HEATER;
    }

    @Override
    public double ratedKw() {
        return rated;
    }

    @Override
    public double dischargeKw() {
        return discharge;
    }

    @Override
    public double state() {
        return x;
    }

    @Override
    public PemBand band() {
        return band;
    }

    @Override
    public void advance(double tS, double dtS, double powerKw) {
    }

    @Override
    public boolean available(double tS) {
        return available;
    }
}
