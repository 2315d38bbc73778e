package io.packetgrid.pem.sim;

import io.packetgrid.pem.device.FlexibleDevice;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.device.Thermostat;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.PacketRequest;

/**
 * One household device inside a fleet federate: its physics, its controller (thermostat or PEM
 * automaton), where it connects, and its own counters (cycles, comfort deviation, latency).
 */
public final class DeviceAgent {
    final long id;
    final FlexibleDevice device;
    final ConnectionPoint at;
    final int priority;
    final Control control;
    final PemAutomaton automaton;
    String endpoint;

    boolean thermostatOn;
    double powerKw;
    long advancedNs;
    long pendingSentNs = -1;

    // metrics
    long onTransitions;
    long offTransitions;
    double deviationIntegral;
    double deviationSquareIntegral;
    double observedS;
    long observeFromNs;

    public DeviceAgent(long id, FlexibleDevice device, ConnectionPoint at, int priority, Control control,
                       PemAutomaton.Config pem) {
        if (id < 0 || id > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("device id must fit 32 bits unsigned: " + id);
        }
        this.id = id;
        this.device = device;
        this.at = at;
        this.priority = priority;
        this.control = control;
        this.automaton = control == Control.PEM ? new PemAutomaton(pem) : null;
    }

    /** Starts the element on at t = 0 (thermostat on, or PEM inside a packet with {@code remainingNs} left). */
    public DeviceAgent initiallyOn(long remainingNs) {
        if (control == Control.THERMOSTAT) {
            thermostatOn = true;
        } else {
            automaton.startInPacket(0, remainingNs);
        }
        powerKw = currentPower();
        return this;
    }

    /** Advances the physics to {@code nowNs} at the present power, and the comfort metrics. */
    void advanceTo(long nowNs) {
        if (nowNs <= advancedNs) {
            return;
        }
        double dtS = (nowNs - advancedNs) / 1e9;
        device.advance(advancedNs / 1e9, dtS, powerKw);
        if (advancedNs >= observeFromNs) {
            double dev = Math.abs(device.state() - device.band().set());
            deviationIntegral += dev * dtS;
            deviationSquareIntegral += dev * dev * dtS;
            observedS += dtS;
        }
        advancedNs = nowNs;
    }

    void thermostatStep() {
        thermostatOn = Thermostat.next(thermostatOn, device.state(), device.band());
    }

    double currentPower() {
        if (control == Control.THERMOSTAT) {
            return thermostatOn ? device.ratedKw() : 0;
        }
        return automaton.powerKw(device);
    }

    /** Updates the power after a control decision; counts off→on transitions (cycles). */
    void refreshPower(long nowNs) {
        double p = currentPower();
        if (nowNs >= observeFromNs) {
            if (p > 0 && powerKw <= 0) {
                onTransitions++;
            } else if (p <= 0 && powerKw > 0) {
                offTransitions++;
            }
        }
        powerKw = p;
    }

    PacketRequest request() {
        return new PacketRequest(id, automaton.seq(), device.deviceClass(), automaton.requestKw(device), priority,
                automaton.config().packetNs(), at);
    }

    public long id() {
        return id;
    }

    public FlexibleDevice device() {
        return device;
    }

    public ConnectionPoint at() {
        return at;
    }

    public PemAutomaton automaton() {
        return automaton;
    }

    public double powerKw() {
        return powerKw;
    }

    public String endpoint() {
        return endpoint;
    }

    /** Off→on transitions since the observation window began. */
    public long onTransitions() {
        return onTransitions;
    }

    /** On→off transitions since the observation window began. */
    public long offTransitions() {
        return offTransitions;
    }

    /** Mean |x − set| over the observation window. */
    public double meanDeviation() {
        return observedS > 0 ? deviationIntegral / observedS : 0;
    }

    public double observedS() {
        return observedS;
    }
}
