package io.packetgrid.grid.api;

import java.util.List;

/**
 * What another module may know of a circuit element by name ({@link Feeder#element}): its name as the script
 * spells it ({@code Class.name}), whether it can be opened and closed (a line, switch or transformer), and its
 * terminals' buses in terminal order.
 *
 * @param name       {@code Class.name}
 * @param switchable whether {@link Feeder#setOpen} can open its terminals
 * @param buses      the bus of each terminal (terminal 1 first)
 */
public record ElementInfo(String name, boolean switchable, List<String> buses) {
    public ElementInfo {
        buses = List.copyOf(buses);
    }

    public int terminals() {
        return buses.size();
    }
}
