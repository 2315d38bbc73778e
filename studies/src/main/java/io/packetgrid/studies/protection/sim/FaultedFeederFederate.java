package io.packetgrid.studies.protection.sim;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.fault.FaultAnalysis;
import io.packetgrid.grid.fault.FaultResult;
import io.packetgrid.grid.fault.FaultSpec;
import io.packetgrid.grid.model.Generator;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.protection.IslandVoltage;
import io.packetgrid.grid.protection.Measurements;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundBreaker;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundDg;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundRelay;

/**
 * The feeder under a fault: applies the fault at its inception time, opens the lines of breakers that
 * open and stops DG units that trip (re-solving the network on each change), and publishes what the
 * relays measure (phase and residual currents) and what each DG unit sees (its lowest phase voltage).
 * The fault state is the superposition of the fault on the present topology's power flow
 * ({@link FaultAnalysis}); once the fault is cut off from every source it no longer draws current. A
 * DG unit left in a de-energised island sees the island's voltage ({@link IslandVoltage}).
 */
public final class FaultedFeederFederate implements Federate {
    private final ProtectionSystem sys;
    private final FaultSpec fault;
    private final long faultNs;
    private final boolean[] open;
    private final boolean[] tripped;
    private final boolean temporary;
    private FaultAnalysis analysis;
    private boolean faultOn;
    private boolean extinguished;

    /**
     * @param temporary the fault extinguishes once its bus is de-energised (an arc on an overhead line;
     *                  OpenDSS's {@code temporary} fault clears when its current falls away), so a reclose
     *                  restores supply; a permanent fault strikes again on reclosing
     */
    public FaultedFeederFederate(ProtectionSystem sys, FaultSpec fault, long faultNs, boolean temporary) {
        this.sys = sys;
        this.fault = fault;
        this.faultNs = faultNs;
        this.temporary = temporary;
        this.open = new boolean[sys.breakers().size()];
        this.tripped = new boolean[sys.dgs().size()];
    }

    @Override
    public String name() {
        return "protection/grid";
    }

    @Override
    public long initialize(Setup s) {
        for (BoundRelay r : sys.relays()) {
            s.publishes(Keys.amps(r.name()), new double[0]);
        }
        for (BoundDg d : sys.dgs()) {
            s.publishes(Keys.voltage(d.name()), 1.0);
            s.wakesOn(Keys.tripped(d.name()));
        }
        for (BoundBreaker b : sys.breakers()) {
            s.wakesOn(Keys.open(b.name()));
        }
        return 0;
    }

    @Override
    public long step(Step step) {
        boolean changed = analysis == null;
        for (BoundBreaker b : sys.breakers()) {
            boolean o = step.read(Keys.open(b.name())) > 0.5;
            if (o != open[b.index()]) {
                open[b.index()] = o;
                if (!(b.element() instanceof Line l)) {
                    throw new PacketGridException("breaker " + b.name(), b.element().name() + " is not a line or switch");
                }
                l.setOpen(o);
                sys.simulation().rebuildNetwork();
                changed = true;
            }
        }
        for (BoundDg d : sys.dgs()) {
            boolean t = step.read(Keys.tripped(d.name())) > 0.5;
            if (t && !tripped[d.index()]) {
                tripped[d.index()] = true;
                ((Generator) d.element()).setEnabled(false);
                changed = true;
            }
        }
        boolean on = step.now() >= faultNs && !extinguished;
        if (on != faultOn) {
            faultOn = on;
            changed = true;
        }
        if (changed) {
            Simulation sim = sys.simulation();
            sim.solveSnapshot();
            analysis = FaultAnalysis.of(sim);
            publish(step);
        }
        return step.now() >= faultNs ? SimTime.NEVER : faultNs;
    }

    private void publish(Step step) {
        FaultResult r = null;
        if (faultOn) {
            try {
                r = analysis.solve(fault);
            } catch (PacketGridException e) {
                r = null;   // the fault is cut off from every source (de-energised): it draws nothing
                if (temporary) {
                    extinguished = true;
                    faultOn = false;
                    step.event("fault", "extinguished");
                }
            }
        }
        Simulation sim = sys.simulation();
        for (BoundRelay rel : sys.relays()) {
            Measurements.Currents c = r != null ? Measurements.currents(r, rel.element(), rel.terminal())
                    : Measurements.currents(sim.solver(), rel.element(), rel.terminal());
            double[] a = new double[c.phaseA().length + 1];
            System.arraycopy(c.phaseA(), 0, a, 0, c.phaseA().length);
            a[a.length - 1] = c.residualA();
            step.publish(Keys.amps(rel.name()), a);
        }
        for (BoundDg d : sys.dgs()) {
            int node = d.nodes()[0];
            double v;
            if (!sim.network().energised(node)) {
                v = islandVoltage(d);
            } else {
                double[] pu = r != null ? Measurements.voltagesPu(r, sim.network(), d.nodes())
                        : Measurements.voltagesPu(sim.solver(), d.nodes());
                v = Double.POSITIVE_INFINITY;
                for (double x : pu) {
                    v = Math.min(v, x);
                }
            }
            step.publish(Keys.voltage(d.name()), v);
        }
    }

    /** Voltage of the island a DG unit was left in: the open breaker's island, without tripped units. */
    private double islandVoltage(BoundDg d) {
        for (BoundBreaker b : sys.breakers()) {
            if (!open[b.index()]) {
                continue;
            }
            for (int i : b.islandDgs()) {
                if (i == d.index()) {
                    double kw = 0;
                    for (int j : b.islandDgs()) {
                        kw += tripped[j] ? 0 : sys.dgs().get(j).kw();
                    }
                    return IslandVoltage.pu(kw, b.islandLoadKw());
                }
            }
        }
        return 0;
    }
}
