package io.packetgrid.grid.api;

import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.Source;
import io.packetgrid.grid.model.VoltageSource;

/**
 * A read-only view of a feeder's buses and nodes as its present network numbers them ({@link Feeder#nodes}),
 * for callers that read node voltages by index ({@link Feeder#nodeVoltages}): a node's bus, its conductor
 * number (0 the neutral/ground, 1–3 the phases), its bus's base voltage ({@code Set voltagebases}) and whether
 * a source energises it. A change of topology (a switch, an island) builds a new network: {@link Feeder#nodes}
 * then returns a new view, so a caller that keeps the view notices by identity.
 */
public final class Nodes {
    private final Network net;
    private final boolean[] voltageSourceBus;

    Nodes(Network net) {
        this.net = net;
        this.voltageSourceBus = new boolean[net.busCount()];
        for (Source s : net.sources()) {
            if (s instanceof VoltageSource) {
                int b = net.bus(s.connection().buses()[0]);
                if (b >= 0) {
                    voltageSourceBus[b] = true;
                }
            }
        }
    }

    boolean isOf(Network n) {
        return n == net;
    }

    public int nodeCount() {
        return net.nodeCount();
    }

    public int busCount() {
        return net.busCount();
    }

    public String busName(int bus) {
        return net.busName(bus);
    }

    /** A bus by name (any case), or -1. */
    public int bus(String name) {
        return net.bus(name);
    }

    /** The node numbered {@code number} (1–3 the phases) at a bus, or -1. */
    public int node(String bus, int number) {
        return net.node(bus, number);
    }

    /** The bus of a node. */
    public int nodeBus(int node) {
        return net.nodeBus(node);
    }

    /** The node's conductor number at its bus (0 ground or neutral, 1–3 the phases, more for extra conductors). */
    public int nodeNumber(int node) {
        return net.nodeNumber(node);
    }

    /** Whether a source energises the node in the present topology. */
    public boolean energised(int node) {
        return net.energised(node);
    }

    /** The bus's line-to-neutral base voltage, kV (0 if no voltage base is set). */
    public double busKvBase(int bus) {
        return net.busKvBase(bus);
    }

    /**
     * Whether a voltage source ({@code Vsource}, the circuit's own included) connects its first terminal to the
     * bus: the feeder's boundary with the upstream grid, whose voltage the script sets rather than the feeder.
     */
    public boolean voltageSourceBus(int bus) {
        return voltageSourceBus[bus];
    }
}
