package io.packetgrid.studies.protection.sim;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.fault.FaultAnalysis;
import io.packetgrid.grid.fault.FaultResult;
import io.packetgrid.grid.fault.FaultSpec;
import io.packetgrid.grid.federate.GridInstrument;
import io.packetgrid.grid.protection.IslandVoltage;
import io.packetgrid.grid.protection.Measurements;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundBreaker;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundDg;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundRelay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The protection's view of the feeder, inside the grid federate's step ({@link GridInstrument}): it opens and
 * closes the breakers' elements as the IEDs publish them, stops the DG units that trip, applies the faults
 * at their inception times, and after each power flow publishes what every relay measures (phase and
 * residual currents) and what every DG unit sees (its lowest phase voltage). A fault is the superposition of
 * the fault on the present topology's power flow ({@link FaultAnalysis}); once it is cut off from every
 * source it draws nothing, and a temporary one then extinguishes (an arc on an overhead line: a reclose
 * restores supply; a permanent fault strikes again). A DG unit left in a de-energised island (no grid-forming
 * source) sees the island's voltage ({@link IslandVoltage}). A DG unit's output is its {@code kw} times a
 * time-of-day factor (1 in {@code protection validate}; a coupled study's PV day shape). It records when each
 * fault stopped drawing current ({@link #isolatedNs}).
 */
public final class ProtectionInstrument implements GridInstrument {

    /** A fault on the timeline. */
    public record ScheduledFault(FaultSpec spec, long atNs, boolean temporary) {
    }

    private final ProtectionSystem sys;
    private final List<ScheduledFault> faults;
    private final boolean[] open;
    private final boolean[] tripped;
    private final boolean[] extinguished;
    private final long[] isolatedNs;
    private final java.util.function.LongToDoubleFunction dgFactor;
    private int active = -1;          // the fault applied now, or −1
    private long lastNs = Long.MIN_VALUE;

    /** The DG units at their rated output. */
    public ProtectionInstrument(ProtectionSystem sys, List<ScheduledFault> faults) {
        this(sys, faults, t -> 1.0);
    }

    /**
     * @param dgFactor the DG units' output at simulated time t as a share of their {@code kw}
     */
    public ProtectionInstrument(ProtectionSystem sys, List<ScheduledFault> faults, java.util.function.LongToDoubleFunction dgFactor) {
        this.sys = sys;
        this.faults = new ArrayList<>(faults);
        this.faults.sort(Comparator.comparingLong(ScheduledFault::atNs));
        this.open = new boolean[sys.breakers().size()];
        this.tripped = new boolean[sys.dgs().size()];
        this.extinguished = new boolean[faults.size()];
        this.isolatedNs = new long[faults.size()];
        java.util.Arrays.fill(isolatedNs, SimTime.NEVER);
        this.dgFactor = dgFactor;
    }

    /** The faults in time order. */
    public List<ScheduledFault> faults() {
        return List.copyOf(faults);
    }

    /**
     * When fault {@code i} (time order) first stopped drawing current: the first solution after its inception
     * in which no source reached it (NEVER if it never did).
     */
    public long isolatedNs(int i) {
        return isolatedNs[i];
    }

    @Override
    public void initialize(Setup s) {
        // a feeder may come from an earlier run: every breaker closed, every DG unit in service, and the network
        // rebuilt so that no factorisation made in that state survives (results must not depend on a feeder's history)
        Feeder feeder = sys.feeder();
        for (BoundBreaker b : sys.breakers()) {
            feeder.setTerminalsOpen(b.elementName(), false);
        }
        for (BoundDg d : sys.dgs()) {
            feeder.setGeneratorEnabled(d.elementName(), true);
        }
        feeder.simulation().rebuildNetwork();
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
    }

    @Override
    public boolean beforeSolve(Step step, Feeder feeder) {
        lastNs = step.now();
        boolean topology = false;
        for (BoundBreaker b : sys.breakers()) {
            boolean o = step.read(Keys.open(b.name())) > 0.5;
            if (o != open[b.index()]) {
                open[b.index()] = o;
                if (!feeder.setTerminalsOpen(b.elementName(), o)) {
                    throw new PacketGridException("breaker " + b.name(), b.elementName() + " is not a line, switch or transformer");
                }
                topology = true;
            }
        }
        double share = dgFactor.applyAsDouble(step.now());
        for (BoundDg d : sys.dgs()) {
            boolean t = step.read(Keys.tripped(d.name())) > 0.5;
            if (t != tripped[d.index()]) {
                tripped[d.index()] = t;
                feeder.setGeneratorEnabled(d.elementName(), !t);
            }
            if (share != 1.0) {
                feeder.overrideGeneratorPower(d.elementName(), d.kw() * share, 0);
            }
        }
        int now = -1;
        for (int i = 0; i < faults.size(); i++) {
            if (faults.get(i).atNs() <= step.now() && !extinguished[i]) {
                now = i;    // the latest fault that has struck and still burns
            }
        }
        active = now;
        return topology;
    }

    @Override
    public void afterSolve(Step step, Feeder feeder) {
        FaultResult r = null;
        if (active >= 0) {
            ScheduledFault f = faults.get(active);
            int node = feeder.nodes().node(f.spec().bus(), f.spec().phases()[0]);
            if (node >= 0 && feeder.nodes().energised(node)) {
                r = FaultAnalysis.of(feeder.simulation()).solve(f.spec());
            } else {
                // the fault is cut off from every source (de-energised): it draws nothing
                if (isolatedNs[active] == SimTime.NEVER) {
                    isolatedNs[active] = step.now();
                    step.event("fault_isolated", String.format(java.util.Locale.ROOT, "bus=%s type=%s isolation_ms=%.1f", f.spec().bus(),
                            f.spec().type().label(), (step.now() - f.atNs()) / 1e6));
                }
                if (f.temporary()) {
                    extinguished[active] = true;
                    active = -1;
                    step.event("fault", "bus=" + f.spec().bus() + " state=extinguished");
                }
            }
        }
        for (BoundRelay rel : sys.relays()) {
            Measurements.Currents c = r != null ? Measurements.currents(r, rel.terminal()) : Measurements.currents(feeder, rel.terminal());
            double[] a = new double[c.phaseA().length + 1];
            System.arraycopy(c.phaseA(), 0, a, 0, c.phaseA().length);
            a[a.length - 1] = c.residualA();
            step.publish(Keys.amps(rel.name()), a);
        }
        for (BoundDg d : sys.dgs()) {
            int node = d.nodes()[0];
            double v;
            if (!feeder.nodes().energised(node)) {
                v = islandVoltage(d);
            } else {
                double[] pu = r != null ? Measurements.voltagesPu(r, d.nodes()) : Measurements.voltagesPu(feeder, d.nodes());
                v = Double.POSITIVE_INFINITY;
                for (double x : pu) {
                    v = Math.min(v, x);
                }
            }
            step.publish(Keys.voltage(d.name()), v);
        }
    }

    /** The next fault inception after the last step. */
    @Override
    public long nextEventNs() {
        for (ScheduledFault f : faults) {
            if (f.atNs() > lastNs) {
                return f.atNs();
            }
        }
        return SimTime.NEVER;
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
