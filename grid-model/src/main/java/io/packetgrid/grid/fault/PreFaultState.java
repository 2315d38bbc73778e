package io.packetgrid.grid.fault;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.series.Simulation;

/**
 * The pre-fault state fault analyses start from: a solved feeder's network and a copy of its node voltages. Shared
 * by threads, each making its own {@link #analysis()} (a {@link FaultAnalysis} is not thread-safe). The elements
 * are the feeder's own: take the state again after switching or changing them.
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
