package io.packetgrid.grid.fault;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.series.Simulation;

/**
 * A solved feeder's network and node voltages, kept as they were when taken: the pre-fault state that fault
 * analyses start from, even after the feeder moves on. Immutable and shared by threads, each making its own
 * {@link #analysis()} (a {@link FaultAnalysis} is not thread-safe).
 */
public final class PreFaultState {
    private final Network net;
    private final double[] re;
    private final double[] im;

    private PreFaultState(Network net, double[] re, double[] im) {
        this.net = net;
        this.re = re;
        this.im = im;
    }

    /** The present state of a solved feeder (solve it first). */
    public static PreFaultState of(Feeder feeder) {
        return of(feeder.simulation());
    }

    /** The present state of a solved simulation (solve it first). */
    public static PreFaultState of(Simulation sim) {
        Network net = sim.network();
        double[] re = new double[net.nodeCount()];
        double[] im = new double[net.nodeCount()];
        sim.solver().voltages(re, im);
        return new PreFaultState(net, re, im);
    }

    /** A new fault analysis of this state (factorises the network). */
    public FaultAnalysis analysis() {
        return new FaultAnalysis(net, re, im);
    }
}
