package io.packetgrid.pem.device;

/**
 * A device's own rule when no server coordinates it (the "uncontrolled" baseline of a study): what
 * it draws after its own decision. A fleet calls {@link #decide} at every control step and also at
 * the times {@link #nextSwitchNs} names, so a rule that switches at an exact instant (an EV reaching
 * its target between two steps) draws exactly the energy it needs.
 *
 * <p>{@link #forDevice} picks the rule of the device types of this package: tanks (water heater,
 * heat pump) a thermostat, an EV full power from plug-in to its target, a home battery idle.
 */
public interface LocalRule {
    /** No switch pending. */
    long NEVER = Long.MAX_VALUE;

    /** The power after the rule's decision at {@code nowNs} (the physics advanced to it), kW, consumption positive. */
    double decide(long nowNs, FlexibleDevice dev);

    /**
     * When the decision changes next by itself (between control steps), &gt; {@code nowNs}, or
     * {@link #NEVER}; asked right after {@link #decide}.
     */
    default long nextSwitchNs(long nowNs, FlexibleDevice dev) {
        return NEVER;
    }

    /** Starts with the element on at t = 0 (a tank heating, ACC 2017 Table I); returns the power. */
    default double startOn(FlexibleDevice dev) {
        return 0;
    }

    /**
     * A battery without a server stays idle. Not self-consumption: following the household's net
     * load needs its base load and PV at the meter, which a device fleet does not see (a rule on PV
     * alone would charge from surplus the house itself uses), and the PEM literature models a
     * battery's background use as a random walk, not a PV-following rule (Springer 2018 and TPWRS
     * 2020 ESS, PEM-NOTES §2.2). Idle keeps the baseline free of any coordination.
     */
    LocalRule IDLE = (nowNs, dev) -> 0;

    /** The local rule of a device of this package: see the class comment; other devices get a thermostat. */
    static LocalRule forDevice(FlexibleDevice dev) {
        if (dev instanceof EvCharger) {
            return new PlugInCharging();
        }
        if (dev instanceof HomeBattery) {
            return IDLE;
        }
        return new ThermostatRule();
    }
}
