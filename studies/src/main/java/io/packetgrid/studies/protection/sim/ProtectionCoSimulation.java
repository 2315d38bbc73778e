package io.packetgrid.studies.protection.sim;

import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.kernel.RunReport;
import io.packetgrid.cosim.message.Network;
import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.grid.fault.FaultSpec;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One fault on the feeder in the co-simulation kernel: the faulted feeder, one IED per relay (with its
 * breaker), one federate per DG unit, and the network that carries their messages (ideal, or the radio
 * model with other traffic on it). Returns when each breaker opened and each DG unit stopped. The run
 * opens the system's lines and stops its generators: use a freshly built system for each run.
 */
public final class ProtectionCoSimulation {
    private ProtectionCoSimulation() {
    }

    /** What happened (times in ns; {@code SimTime.NEVER} for never). */
    public record Outcome(Map<String, Long> breakerOpenNs, Map<String, Long> relayTripNs, Map<String, Long> dgStopNs,
                          Map<String, String> dgCause, Map<String, List<Long>> blockArrivalsNs, Map<String, List<Long>> opensNs,
                          Map<String, List<Long>> closesNs, Map<String, Boolean> lockedOut, RunReport report) {
    }

    /**
     * @param extra   other federates on the same network (e.g. a PEM fleet and its server)
     * @param network the network factory (built from the run's streams)
     */
    public static Outcome run(ProtectionSystem sys, FaultSpec fault, long faultNs, long endNs, long seed,
                              Function<RandomStreams, Network> network, List<io.packetgrid.cosim.federate.Federate> extra) {
        return run(sys, fault, false, faultNs, endNs, seed, network, extra);
    }

    /** As above; a {@code temporary} fault extinguishes once its bus is de-energised. */
    public static Outcome run(ProtectionSystem sys, FaultSpec fault, boolean temporary, long faultNs, long endNs, long seed,
                              Function<RandomStreams, Network> network, List<io.packetgrid.cosim.federate.Federate> extra) {
        Federation fed = new Federation();
        fed.add(new FaultedFeederFederate(sys, fault, faultNs, temporary));
        List<IedFederate> ieds = new ArrayList<>();
        for (ProtectionSystem.BoundRelay r : sys.relays()) {
            IedFederate f = new IedFederate(sys, r);
            ieds.add(f);
            fed.add(f);
        }
        List<DgFederate> dgs = new ArrayList<>();
        long proc = sys.scenario().messages().processing().ns();
        for (ProtectionSystem.BoundDg d : sys.dgs()) {
            DgFederate f = new DgFederate(d, proc);
            dgs.add(f);
            fed.add(f);
        }
        fed.addAll(extra);
        fed.network(network);
        RunReport rep = fed.run(KernelOptions.of(seed, endNs));
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
        return new Outcome(open, trip, stop, cause, blocks, opens, closes, locked, rep);
    }
}
