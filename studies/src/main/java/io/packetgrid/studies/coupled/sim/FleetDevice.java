package io.packetgrid.studies.coupled.sim;

import io.packetgrid.pem.device.EvCharger;
import io.packetgrid.pem.device.FlexibleDevice;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.device.Thermostat;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.studies.coupled.scenario.DeviceType;

/**
 * One device inside a {@link HouseholdFleetFederate}: its model, its controller (local, or the PEM
 * automaton), where it connects, and its counters.
 */
final class FleetDevice {
    final int household;
    final DeviceType type;
    final FlexibleDevice device;
    /** Null under local control. */
    final PemAutomaton automaton;
    final long id;
    final String endpoint;
    final ConnectionPoint at;
    final int priority;

    boolean on;
    double powerKw;
    long advancedNs;
    long pendingSentNs = -1;
    boolean available;

    // metrics over the observation window
    long observeFromNs;
    long onTransitions;
    double energyKwh;
    double deviationIntegral;
    double observedS;
    long seenTimeouts;
    long seenLateStarts;

    FleetDevice(int household, DeviceType type, FlexibleDevice device, PemAutomaton automaton, long id, String endpoint,
                ConnectionPoint at, int priority) {
        this.household = household;
        this.type = type;
        this.device = device;
        this.automaton = automaton;
        this.id = id;
        this.endpoint = endpoint;
        this.at = at;
        this.priority = priority;
    }

    /** Advances the physics to {@code nowNs} at the present power, with energy and comfort integrals. */
    void advanceTo(long nowNs) {
        if (nowNs <= advancedNs) {
            return;
        }
        double dtS = (nowNs - advancedNs) / 1e9;
        device.advance(advancedNs / 1e9, dtS, powerKw);
        if (advancedNs >= observeFromNs) {
            energyKwh += powerKw * dtS / 3600;
            if (type == DeviceType.WATER_HEATER || type == DeviceType.HEAT_PUMP) {
                deviationIntegral += Math.abs(device.state() - device.band().set()) * dtS;
                observedS += dtS;
            }
        }
        advancedNs = nowNs;
    }

    /**
     * Local control (the {@code uncontrolled} variant): thermostats for tanks (ACC 2017 §II), an EV
     * charges at full power from plug-in until its target state of charge (uncontrolled charging), a
     * battery idles.
     */
    double localPower(double tS) {
        switch (type) {
            case WATER_HEATER, HEAT_PUMP -> {
                on = Thermostat.next(on, device.state(), device.band());
                return on ? device.ratedKw() : 0;
            }
            case EV_CHARGER -> {
                EvCharger ev = (EvCharger) device;
                on = ev.available(tS) && ev.state() < ev.params().targetSoc();
                return on ? device.ratedKw() : 0;
            }
            default -> {
                return 0;
            }
        }
    }

    double pemPower() {
        return automaton.powerKw(device);
    }

    /** Sets the power after a decision; counts off→on transitions (cycles) in the window. */
    void setPower(double p, long nowNs) {
        if (nowNs >= observeFromNs && p > 0 && powerKw <= 0) {
            onTransitions++;
        }
        powerKw = p;
    }

    PacketRequest request() {
        return new PacketRequest(id, automaton.seq(), type.deviceClass(), automaton.requestKw(device), priority,
                automaton.config().packetNs(), at);
    }
}
