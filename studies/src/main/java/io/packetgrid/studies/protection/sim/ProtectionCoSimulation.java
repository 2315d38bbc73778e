package io.packetgrid.studies.protection.sim;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.kernel.RunReport;
import io.packetgrid.cosim.message.Network;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.fault.FaultSpec;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.grid.federate.GridFederateConfig;
import io.packetgrid.grid.federate.LoadInput;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The protection in the co-simulation kernel: the feeder's grid federate with the {@link ProtectionInstrument}
 * (faults, breakers, DG trips, measurements), one {@link IedFederate} per relay (with its breaker) and one
 * {@link DgFederate} per DG unit, over any network (ideal, or the radio model with other traffic on it). The
 * same federates run inside a coupled study ({@link #federates}); {@link #run} is one fault on the protection
 * scenario's own feeder. A run opens the system's breakers and stops its generators; a new run resets them.
 */
public final class ProtectionCoSimulation {
    private ProtectionCoSimulation() {
    }

    /** What happened (times in ns; {@code SimTime.NEVER} for never). */
    public record Outcome(Map<String, Long> breakerOpenNs, Map<String, Long> relayTripNs, Map<String, Long> dgStopNs,
                          Map<String, String> dgCause, Map<String, List<Long>> blockArrivalsNs, Map<String, List<Long>> opensNs,
                          Map<String, List<Long>> closesNs, Map<String, Boolean> lockedOut, RunReport report) {
    }

    /** The IED and DG federates of a protection system whose instrument sits in the grid federate {@code grid}. */
    public record Federates(ProtectionSystem sys, List<IedFederate> ieds, List<DgFederate> dgs) {

        /** Every federate, IEDs first, in the system's order. */
        public List<Federate> all() {
            List<Federate> out = new ArrayList<>(ieds);
            out.addAll(dgs);
            return out;
        }

        /** What the federates saw, after the run. */
        public Outcome outcome(RunReport report) {
            Map<String, Long> open = new LinkedHashMap<>();
            Map<String, Long> trip = new LinkedHashMap<>();
            Map<String, List<Long>> blocks = new LinkedHashMap<>();
            Map<String, List<Long>> opens = new LinkedHashMap<>();
            Map<String, List<Long>> closes = new LinkedHashMap<>();
            Map<String, Boolean> locked = new LinkedHashMap<>();
            for (int i = 0; i < ieds.size(); i++) {
                ProtectionSystem.BoundRelay r = sys.relays().get(i);
                String b = sys.breakers().get(r.breaker()).name();
                open.put(b, ieds.get(i).openNs());
                opens.put(b, ieds.get(i).opens());
                closes.put(b, ieds.get(i).closes());
                locked.put(b, ieds.get(i).lockedOut());
                trip.put(r.name(), ieds.get(i).tripNs());
                blocks.put(r.name(), ieds.get(i).blockArrivals());
            }
            Map<String, Long> stop = new LinkedHashMap<>();
            Map<String, String> cause = new LinkedHashMap<>();
            for (int i = 0; i < dgs.size(); i++) {
                stop.put(sys.dgs().get(i).name(), dgs.get(i).stopNs());
                cause.put(sys.dgs().get(i).name(), dgs.get(i).cause());
            }
            return new Outcome(open, trip, stop, cause, blocks, opens, closes, locked, report);
        }
    }

    /** One IED per relay and one DG federate per unit, reading the measurements of grid federate {@code grid}. */
    public static Federates federates(ProtectionSystem sys, String grid) {
        List<IedFederate> ieds = new ArrayList<>();
        for (ProtectionSystem.BoundRelay r : sys.relays()) {
            ieds.add(new IedFederate(sys, r, grid));
        }
        List<DgFederate> dgs = new ArrayList<>();
        long proc = sys.section().messages().processing().ns();
        for (ProtectionSystem.BoundDg d : sys.dgs()) {
            dgs.add(new DgFederate(d, proc, grid));
        }
        return new Federates(sys, ieds, dgs);
    }

    /**
     * @param extra   other federates on the same network (e.g. a PEM fleet and its server)
     * @param network the network factory (built from the run's streams)
     */
    public static Outcome run(ProtectionSystem sys, FaultSpec fault, long faultNs, long endNs, long seed,
                              Function<RandomStreams, Network> network, List<Federate> extra) {
        return run(sys, fault, false, faultNs, endNs, seed, network, extra);
    }

    /** As above; a {@code temporary} fault extinguishes once its bus is de-energised. */
    public static Outcome run(ProtectionSystem sys, FaultSpec fault, boolean temporary, long faultNs, long endNs, long seed,
                              Function<RandomStreams, Network> network, List<Federate> extra) {
        String name = "protection/grid";
        // the scenario's loads at their base power; a solution whenever something changes (no periodic step within the run)
        GridFederate grid = new GridFederate(sys.feeder(), new GridFederateConfig(name, 366 * 24 * SimTime.H, name, List.of(), null,
                null, LoadInput.REPLACE, List.of(), 0, 0.0));
        grid.instrument(new ProtectionInstrument(sys, List.of(new ProtectionInstrument.ScheduledFault(fault, faultNs, temporary))));
        Federates f = federates(sys, name);
        Federation fed = new Federation();
        fed.add(grid);
        f.all().forEach(fed::add);
        fed.addAll(extra);
        fed.network(network);
        return f.outcome(fed.run(KernelOptions.of(seed, endNs)));
    }
}
