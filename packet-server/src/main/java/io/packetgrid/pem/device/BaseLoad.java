package io.packetgrid.pem.device;

/**
 * Inflexible household load: a load shape (e.g. the IEEE European LV test feeder's 1-minute daily
 * profiles, kW) times a scale factor. Not controllable; the server sees it only through
 * measurements (self-sufficiency and zero-import targets).
 */
public record BaseLoad(LoadShape shape, double scale) {
    public double powerKw(double tS) {
        return shape.valueAt(tS) * scale;
    }
}
