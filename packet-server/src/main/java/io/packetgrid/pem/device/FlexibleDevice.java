package io.packetgrid.pem.device;

import io.packetgrid.pem.packet.DeviceClass;

/**
 * The physics of a device whose consumption can be switched in packets: a state {@code x} in its
 * own units (water temperature, state of charge) that the element raises when on. Implementations
 * are plain mutable models; control (thermostat or PEM) is separate.
 */
public interface FlexibleDevice {

    DeviceClass deviceClass();

    /** Electrical power when the element is on, kW (the packet's power). */
    double ratedKw();

    /** The controlled state, in the units of {@link #band()}. */
    double state();

    /** The QoS band of {@link #state()}. */
    PemBand band();

    /**
     * {@code band().set()}: what comfort is measured against after every advance. A device whose band moves
     * with time overrides it to answer without building the band (an EV's was the run's largest allocation).
     */
    default double setpoint() {
        return band().set();
    }

    /**
     * Advances the physics over {@code [tS, tS + dtS]} (tS from run start) while drawing
     * {@code powerKw} from the grid: {@link #ratedKw()} when on, 0 when off, −{@link #dischargeKw()}
     * when injecting.
     */
    void advance(double tS, double dtS, double powerKw);

    /** Power it can inject in a discharge packet, kW (0: it cannot). */
    default double dischargeKw() {
        return 0;
    }

    /** Whether the device is present and may consume (an EV away from home is not). */
    default boolean available(double tS) {
        return true;
    }

    /**
     * The next instant after {@code tS} at which the device stops being {@link #available} (an EV's
     * departure), s from run start; +∞ if there is none. A fleet stops its draw at that instant, not at its
     * next control step.
     */
    default double leavesAtS(double tS) {
        return Double.POSITIVE_INFINITY;
    }

    /**
     * What its owner still lacks when the device leaves (stops being {@link #available}), kWh,
     * beyond the device's own tolerance; 0 when its need is met or it never leaves.
     */
    default double shortfallKwh() {
        return 0;
    }
}
