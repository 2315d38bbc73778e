package io.packetgrid.grid.federate;

import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.island.IslandSpec;
import java.util.List;

/**
 * Settings of a {@link GridFederate}. Start from {@link #of} and change what differs.
 *
 * @param name                federate name (unique in the federation)
 * @param periodNs            time between power-flow solutions (e.g. one minute)
 * @param prefix              prefix of every value the federate publishes ({@code <prefix>/load_v_pu}, ...)
 * @param loads               the bound loads (names as in the script, with or without {@code Load.}): the
 *                            order of every per-load array the federate reads and publishes
 * @param powerKey            name of the {@code double[]} value with each bound load's active power (kW, in
 *                            {@code loads} order), or null for none
 * @param reactiveKey         name of the {@code double[]} value with each bound load's reactive power (kvar), or null
 * @param input               whether the inputs add to the load shapes or replace the loads' power
 * @param after               federates to step after at equal times (those publishing the inputs), so a solution
 *                            at t sees the inputs decided at t
 * @param sensitivityPeriodNs 0: no sensitivities; else the voltage-sensitivity matrix among the bound loads is
 *                            published at the first step and again once this much simulated time has passed
 *                            ({@link SimTime#NEVER}: only at the first step)
 * @param startHour           the load shapes' hour at simulated time 0 ({@link LoadInput#ADD_TO_SHAPES})
 * @param switches            elements opened and closed from values while the federate runs
 * @param island              a micro-grid (PCC and grid-forming unit), or null
 */
public record GridFederateConfig(String name, long periodNs, String prefix, List<String> loads, String powerKey,
                                 String reactiveKey, LoadInput input, List<String> after, long sensitivityPeriodNs,
                                 double startHour, List<SwitchInput> switches, IslandSpec island) {

    /** A federate on a fixed topology (no switching, no island). */
    public GridFederateConfig(String name, long periodNs, String prefix, List<String> loads, String powerKey, String reactiveKey,
                              LoadInput input, List<String> after, long sensitivityPeriodNs, double startHour) {
        this(name, periodNs, prefix, loads, powerKey, reactiveKey, input, after, sensitivityPeriodNs, startHour, List.of(), null);
    }

    public GridFederateConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (periodNs <= 0) {
            throw new IllegalArgumentException("period must be > 0");
        }
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("prefix must not be blank");
        }
        if (input == null) {
            throw new IllegalArgumentException("input must be given");
        }
        if (sensitivityPeriodNs < 0) {
            throw new IllegalArgumentException("sensitivity period must be >= 0");
        }
        if (!Double.isFinite(startHour)) {
            throw new IllegalArgumentException("start hour must be finite");
        }
        loads = List.copyOf(loads);
        after = List.copyOf(after);
        switches = switches == null ? List.of() : List.copyOf(switches);
    }

    /**
     * One-minute solutions of the given loads; their kW from {@code <prefix>/load_kw} added to the
     * load shapes (hour 0 at time 0); no reactive input, no sensitivities.
     */
    public static GridFederateConfig of(String name, String prefix, List<String> loads) {
        return new GridFederateConfig(name, SimTime.MIN, prefix, loads, prefix + "/load_kw", null, LoadInput.ADD_TO_SHAPES,
                List.of(), 0, 0.0);
    }

    public GridFederateConfig withPeriod(long ns) {
        return new GridFederateConfig(name, ns, prefix, loads, powerKey, reactiveKey, input, after, sensitivityPeriodNs, startHour, switches,
                island);
    }

    /** Power inputs: kW and kvar value names (either may be null) and how they act. */
    public GridFederateConfig withInputs(String kwKey, String kvarKey, LoadInput how) {
        return new GridFederateConfig(name, periodNs, prefix, loads, kwKey, kvarKey, how, after, sensitivityPeriodNs, startHour, switches,
                island);
    }

    public GridFederateConfig withAfter(String... federates) {
        return new GridFederateConfig(name, periodNs, prefix, loads, powerKey, reactiveKey, input, List.of(federates),
                sensitivityPeriodNs, startHour, switches, island);
    }

    public GridFederateConfig withSensitivity(long periodNs) {
        return new GridFederateConfig(name, this.periodNs, prefix, loads, powerKey, reactiveKey, input, after, periodNs, startHour,
                switches, island);
    }

    public GridFederateConfig withStartHour(double hour) {
        return new GridFederateConfig(name, periodNs, prefix, loads, powerKey, reactiveKey, input, after, sensitivityPeriodNs, hour,
                switches, island);
    }

    /** Elements switched from values while the federate runs. */
    public GridFederateConfig withSwitches(List<SwitchInput> s) {
        return new GridFederateConfig(name, periodNs, prefix, loads, powerKey, reactiveKey, input, after, sensitivityPeriodNs, startHour,
                s, island);
    }

    /** A micro-grid: its PCC opens and closes on the request value. */
    public GridFederateConfig withIsland(IslandSpec i) {
        return new GridFederateConfig(name, periodNs, prefix, loads, powerKey, reactiveKey, input, after, sensitivityPeriodNs, startHour,
                switches, i);
    }
}
