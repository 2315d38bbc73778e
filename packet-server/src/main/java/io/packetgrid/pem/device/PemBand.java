package io.packetgrid.pem.device;

/**
 * A device's quality-of-service band in its own state units (°C, state of charge): PEM runs while
 * {@code min < x < max}; outside it the device opts out (exit-ON below, exit-OFF above) and rejoins
 * once back inside the tighter recovery band {@code [rejoinLow, rejoinHigh]}.
 *
 * <p>ACC 2017 Table I / TPWRS 2020 Table I: dead-band T_DB = 0.12·T_set (full width), PEM band
 * T_PEM = 0.08·T_set. We read both as full widths centred on the set-point (rejoin inside
 * T_set ± T_PEM/2), the reading consistent with Khurram et al. TSG 2022's [48.9, 55.1] °C at 52 °C;
 * ACC 2017's rebound section uses T_set − T_PEM instead (PEM-NOTES §1.6 flags this).
 */
public record PemBand(double min, double set, double max, double rejoinLow, double rejoinHigh) {

    public PemBand {
        if (!(min < set && set < max)) {
            throw new IllegalArgumentException("need min < set < max: " + min + ", " + set + ", " + max);
        }
        if (!(min <= rejoinLow && rejoinLow <= set && set <= rejoinHigh && rejoinHigh <= max)) {
            throw new IllegalArgumentException("recovery band must lie inside [min, max] around set");
        }
    }

    /** The ACC 2017 band around a set-point: ±0.06·set dead-band, rejoin inside ±0.04·set. */
    public static PemBand acc2017(double setpoint) {
        return symmetric(setpoint, 0.12 * setpoint, 0.08 * setpoint);
    }

    /** A band from full widths: dead-band {@code deadband}, recovery band {@code pemBand}. */
    public static PemBand symmetric(double set, double deadband, double pemBand) {
        return new PemBand(set - deadband / 2, set, set + deadband / 2, set - pemBand / 2, set + pemBand / 2);
    }
}
