package io.packetgrid.pem.device;

import io.packetgrid.pem.packet.DeviceClass;

/**
 * An EV charger. Its controlled state is the state of charge; its band moves with time (urgency,
 * after Frolik &amp; Hines, "Urgency-driven, plug-in electric vehicle charging", ISGT-Europe 2012):
 * the lower limit is the SoC from which charging continuously at full power just reaches the
 * target at departure; the upper limit is the target. Below the lower limit the charger opts out
 * and charges (the owner's need comes first); it never charges above the target or while away.
 */
public final class EvCharger implements FlexibleDevice {
    /**
     * The urgency band ends this far (state of charge) below the target: the owner's tolerance at
     * departure, inside which charging is left to coordination (our choice, 0.02 ≈ 0.45 kWh of a
     * 22.4 kWh battery).
     */
    public static final double TARGET_TOLERANCE_SOC = 0.02;
    private final EvParams p;
    private double soc;

    public EvCharger(EvParams p) {
        this.p = p;
        this.soc = p.arrivalSoc();
    }

    @Override
    public DeviceClass deviceClass() {
        return DeviceClass.EV_CHARGER;
    }

    @Override
    public double ratedKw() {
        return p.chargerKw();
    }

    @Override
    public double state() {
        return soc;
    }

    private double now;

    /** The last-chance SoC at time {@code tS}: below it the target cannot be met at full power. */
    public double mustChargeSoc(double tS) {
        double hoursLeft = Math.max(0, (p.departureS() - tS) / 3600);
        return p.targetSoc() - p.chargerKw() * p.efficiency() * hoursLeft / p.batteryKwh();
    }

    /**
     * The band last built. Every field of a band is a function of its lower limit (the upper one is the fixed
     * target), and the lower limit stays at −1 for the hours the car is far from departure, so a band asked for
     * at every control step is built again only when that limit's bits change (a band each step was the
     * run's largest allocation).
     */
    private PemBand lastBand;

    @Override
    public PemBand band() {
        double min = bandMin();
        PemBand b = lastBand;
        if (b == null || Double.doubleToRawLongBits(b.min()) != Double.doubleToRawLongBits(min)) {
            b = bandAt(min);
            lastBand = b;
        }
        return b;
    }

    private PemBand bandAt(double min) {
        double max = p.targetSoc();
        double set = (min + max) / 2;
        return new PemBand(min, set, max, min + 0.25 * (set - min), set + 0.5 * (max - set));
    }

    /** The band's set point, the same number as {@code band().set()}. */
    @Override
    public double setpoint() {
        return (bandMin() + p.targetSoc()) / 2;
    }

    private double bandMin() {
        return Math.min(p.targetSoc() - TARGET_TOLERANCE_SOC, Math.max(-1, mustChargeSoc(now)));
    }

    @Override
    public boolean available(double tS) {
        return tS >= p.arrivalS() && tS < p.departureS();
    }

    @Override
    public double leavesAtS(double tS) {
        return tS < p.departureS() ? p.departureS() : Double.POSITIVE_INFINITY;
    }

    /** Charges only over the part of the interval the car is plugged in (it may leave, or arrive, inside it). */
    @Override
    public void advance(double tS, double dtS, double powerKw) {
        now = tS + dtS;
        double pluggedS = Math.min(tS + dtS, p.departureS()) - Math.max(tS, p.arrivalS());
        if (pluggedS <= 0 || powerKw <= 0) {
            return;
        }
        soc = Math.min(1, soc + powerKw * p.efficiency() * pluggedS / 3600 / p.batteryKwh());
    }

    /** Energy the battery still lacks to reach the target, kWh (stored, before charging losses). */
    public double energyToTargetKwh() {
        return Math.max(0, p.targetSoc() - soc) * p.batteryKwh();
    }

    /**
     * What the car lacks of its target, kWh, when it lacks more than the band's tolerance
     * ({@link #TARGET_TOLERANCE_SOC}); 0 within it. Asked when the car leaves.
     */
    @Override
    public double shortfallKwh() {
        double lack = energyToTargetKwh();
        return lack > TARGET_TOLERANCE_SOC * p.batteryKwh() + 1e-9 ? lack : 0;
    }

    public EvParams params() {
        return p;
    }
}
