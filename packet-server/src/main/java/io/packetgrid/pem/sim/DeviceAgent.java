package io.packetgrid.pem.sim;

import io.packetgrid.pem.device.FlexibleDevice;
import io.packetgrid.pem.device.LocalRule;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.device.Thermostat;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.PacketRequest;

/**
 * One household device inside a fleet federate: its physics, its controller (thermostat, PEM
 * automaton or its own local rule), where it connects, and its own counters (cycles, comfort
 * deviation, energy).
 */
public final class DeviceAgent {
    final long id;
    final FlexibleDevice device;
    final ConnectionPoint at;
    final int priority;
    final Control control;
    final PemAutomaton automaton;
    final LocalRule local;
    String endpoint;
    /** The run's number of {@link #endpoint} (set when the fleet is initialised under PEM). */
    int endpointId = -1;
    /** How the event log names the device: its endpoint when the study named it, else its id. */
    String label;
    /** Whether the device was present at the last control step (a departure is its end). */
    boolean present;
    /** Whether its connection point is energised: without supply it draws nothing and its controller is idle. */
    boolean supplied = true;

    boolean thermostatOn;
    double localKw;
    long nextSwitchNs = LocalRule.NEVER;
    double powerKw;
    /** The fleet's array of its agents' powers and this agent's entry in it, kept equal to {@link #powerKw} (null: none). */
    private double[] powers;
    private int powerEntry;
    long advancedNs;
    long pendingSentNs = -1;

    // metrics
    long onTransitions;
    long offTransitions;
    double deviationIntegral;
    double deviationSquareIntegral;
    double observedS;
    double energyKwh;
    long observeFromNs;

    /**
     * @param pem the automaton's settings under {@link Control#PEM} (unused otherwise, may be null);
     *            under {@link Control#LOCAL} the device's rule is {@link LocalRule#forDevice}
     */
    public DeviceAgent(long id, FlexibleDevice device, ConnectionPoint at, int priority, Control control,
                       PemAutomaton.Config pem) {
        this(id, device, at, priority, control, pem, control == Control.LOCAL ? LocalRule.forDevice(device) : null);
    }

    /** A device under {@link Control#LOCAL} with a rule of its own (a device type this package does not know). */
    public DeviceAgent(long id, FlexibleDevice device, ConnectionPoint at, int priority, LocalRule rule) {
        this(id, device, at, priority, Control.LOCAL, null, rule);
    }

    private DeviceAgent(long id, FlexibleDevice device, ConnectionPoint at, int priority, Control control,
                        PemAutomaton.Config pem, LocalRule rule) {
        if (id < 0 || id > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("device id must fit 32 bits unsigned: " + id);
        }
        if (control == Control.LOCAL && rule == null) {
            throw new IllegalArgumentException("a local device needs a rule");
        }
        this.id = id;
        this.device = device;
        this.at = at;
        this.priority = priority;
        this.control = control;
        this.automaton = control == Control.PEM ? new PemAutomaton(pem) : null;
        this.local = control == Control.LOCAL ? rule : null;
    }

    /**
     * Names the device's endpoint (default {@code <fleet>/<id>}), e.g. after its household so that a
     * radio model can place it; set it before the fleet is built.
     */
    public DeviceAgent endpoint(String name) {
        this.endpoint = name;
        this.label = name;
        return this;
    }

    /**
     * Starts the element on at t = 0 (thermostat or local rule on, or PEM inside a packet with
     * {@code remainingNs} left).
     */
    public DeviceAgent initiallyOn(long remainingNs) {
        switch (control) {
            case THERMOSTAT -> thermostatOn = true;
            case LOCAL -> localKw = local.startOn(device);
            case PEM -> automaton.startInPacket(0, remainingNs);
        }
        setPower(currentPower(0));
        return this;
    }

    /** Mirrors the power into entry {@code entry} of the fleet's {@code powers} from now on. */
    void mirrorPowerInto(double[] powers, int entry) {
        this.powers = powers;
        this.powerEntry = entry;
        powers[entry] = powerKw;
    }

    private void setPower(double p) {
        powerKw = p;
        if (powers != null) {
            powers[powerEntry] = p;
        }
    }

    /** Advances the physics to {@code nowNs} at the present power, and the comfort metrics. */
    void advanceTo(long nowNs) {
        if (nowNs <= advancedNs) {
            return;
        }
        double dtS = (nowNs - advancedNs) / 1e9;
        device.advance(advancedNs / 1e9, dtS, powerKw);
        if (advancedNs >= observeFromNs) {
            energyKwh += powerKw * dtS / 3600;
            double dev = Math.abs(device.state() - device.setpoint());
            deviationIntegral += dev * dtS;
            deviationSquareIntegral += dev * dev * dtS;
            observedS += dtS;
        }
        advancedNs = nowNs;
    }

    /** The thermostat's decision; a device that is not present (an EV away) is off. */
    void thermostatStep(long nowNs) {
        thermostatOn = device.available(nowNs / 1e9) && Thermostat.next(thermostatOn, device.state(), device.band());
    }

    /** The local rule's decision at {@code nowNs} (physics advanced to it) and its next switch; whether the power changed. */
    boolean localStep(long nowNs) {
        localKw = local.decide(nowNs, device);
        boolean changed = refreshPower(nowNs);
        nextSwitchNs = Math.max(local.nextSwitchNs(nowNs, device), nowNs + 1);
        return changed;
    }

    double currentPower(long nowNs) {
        if (!supplied) {
            return 0;
        }
        return switch (control) {
            case THERMOSTAT -> thermostatOn && device.available(nowNs / 1e9) ? device.ratedKw() : 0;
            case LOCAL -> localKw;
            case PEM -> device.available(nowNs / 1e9) ? automaton.powerKw(device) : 0; // gone between control steps: off
        };
    }

    /**
     * Updates the power after a control decision; counts off→on transitions (cycles). Returns
     * whether the power changed.
     */
    boolean refreshPower(long nowNs) {
        double p = currentPower(nowNs);
        if (nowNs >= observeFromNs) {
            if (p > 0 && powerKw <= 0) {
                onTransitions++;
            } else if (p <= 0 && powerKw > 0) {
                offTransitions++;
            }
        }
        boolean changed = p != powerKw;
        setPower(p);
        return changed;
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

    public Control control() {
        return control;
    }

    /** The local rule under {@link Control#LOCAL}, else null. */
    public LocalRule localRule() {
        return local;
    }

    public int priority() {
        return priority;
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

    /** Energy drawn over the observation window, kWh (injection negative). */
    public double energyKwh() {
        return energyKwh;
    }
}
