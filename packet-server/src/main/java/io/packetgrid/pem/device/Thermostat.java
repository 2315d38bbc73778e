package io.packetgrid.pem.device;

/**
 * The baseline hysteresis thermostat (ACC 2017 §II, "no control" scheme T1): on at or below
 * T_set − T_DB/2, off at or above T_set + T_DB/2, otherwise keep the previous state.
 */
public final class Thermostat {
    private Thermostat() {
    }

    public static boolean next(boolean on, double x, PemBand band) {
        if (x <= band.min()) {
            return true;
        }
        if (x >= band.max()) {
            return false;
        }
        return on;
    }
}
