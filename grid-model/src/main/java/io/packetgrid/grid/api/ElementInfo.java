package io.packetgrid.grid.api;

import java.util.List;

/**
 * What another module may know of a circuit element by name ({@link Feeder#element}): its name as the script
 * spells it ({@code Class.name}), whether it can be opened and closed (a line, switch or transformer), its
 * terminals' buses in terminal order, its phases and the nodes of its first terminal.
 *
 * @param name       {@code Class.name}
 * @param switchable whether {@link Feeder#setOpen} can open its terminals
 * @param buses      the bus of each terminal (terminal 1 first)
 * @param phases     its phases ({@code phases=})
 * @param nodes      the node numbers its first terminal's conductors connect to ({@code bus1=34.1} gives [1, 0] for a
 *                   single-phase wye load: phase 1, neutral to ground)
 */
public record ElementInfo(String name, boolean switchable, List<String> buses, int phases, List<Integer> nodes) {
    public ElementInfo {
        buses = List.copyOf(buses);
        nodes = List.copyOf(nodes);
    }

    /** The first phase (1–3) its first terminal connects to, or 0 if none. */
    public int firstPhase() {
        for (int n : nodes) {
            if (n >= 1 && n <= 3) {
                return n;
            }
        }
        return 0;
    }

    public int terminals() {
        return buses.size();
    }

    /** The class part of its name ({@code Line} for {@code Line.l1}). */
    public String className() {
        int dot = name.indexOf('.');
        return dot >= 0 ? name.substring(0, dot) : name;
    }
}
