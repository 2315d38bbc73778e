package io.packetgrid.studies.coupled.grid;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.studies.coupled.scenario.FeederSpec;

/**
 * The feeder's grid federate under the scenario's {@code feeder.on_nonconvergence} policy. A power flow
 * that does not converge (grid-model's solver names the nodes whose voltage still changed most) either
 * fails the run with the feeder and the grid step named ({@code fail}), or is held ({@code hold_last}):
 * the step publishes nothing, so every subscriber keeps the last solution's values, the recorder keeps
 * the last step's results, and the steps held are counted. The next step solves afresh.
 */
public final class ConvergenceGuard implements Federate {
    private final GridFederate grid;
    private final String feeder;
    private final FeederSpec.NonConvergence policy;
    private int held;
    private long firstHeldNs = -1;
    private boolean lastHeld;

    public ConvergenceGuard(GridFederate grid, String feeder, FeederSpec.NonConvergence policy) {
        this.grid = grid;
        this.feeder = feeder;
        this.policy = policy;
    }

    @Override
    public String name() {
        return grid.name();
    }

    @Override
    public long initialize(Setup setup) {
        return grid.initialize(setup);
    }

    @Override
    public long step(Step step) {
        lastHeld = false;
        try {
            return grid.step(step);
        } catch (PacketGridException e) {
            // the solver's message: "power flow did not converge in N iterations (...; worst nodes ...)"
            if (!e.getMessage().contains("did not converge")) {
                throw e;
            }
            long k = step.now() / grid.config().periodNs();
            if (policy == FeederSpec.NonConvergence.FAIL) {
                throw new PacketGridException("feeder " + feeder + ", grid step " + k + " (t=" + SimTime.format(step.now()) + ")",
                        e.userMessage() + "; feeder.on_nonconvergence: hold_last keeps the last solution instead");
            }
            held++;
            if (firstHeldNs < 0) {
                firstHeldNs = step.now();
            }
            lastHeld = true;
            return step.now() + grid.config().periodNs();
        }
    }

    @Override
    public void finish(long endNs) {
        grid.finish(endNs);
    }

    /** Whether the present step was held (its power flow did not converge). */
    public boolean lastHeld() {
        return lastHeld;
    }

    /** Steps held so far. */
    public int held() {
        return held;
    }

    /** Simulated time of the first step held, or −1. */
    public long firstHeldNs() {
        return firstHeldNs;
    }
}
