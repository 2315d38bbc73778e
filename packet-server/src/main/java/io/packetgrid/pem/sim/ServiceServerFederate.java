package io.packetgrid.pem.sim;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.pem.internet.EnergyInternetServer;
import io.packetgrid.pem.service.PowerCommand;
import io.packetgrid.pem.service.ServiceReply;
import io.packetgrid.pem.service.ServiceRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * The Energy-Internet server inside a co-simulation: service requests delivered at one time are
 * admitted together ({@link EnergyInternetServer#submit}); each gets a {@link ServiceReply}; every
 * {@code allocateNs} (and right after an admission) the server allocates and sends a
 * {@link PowerCommand} to every request whose power changed (kind {@code mmtc}, 32 bytes each). The
 * server keeps the energy each request drew from its own commands (at full power from the instant its
 * slack reached zero, as the device itself does).
 */
public final class ServiceServerFederate implements Federate {
    private final String name;
    private final String endpoint;
    private final EnergyInternetServer server;
    private final long allocateNs;
    private final LongToDoubleFunction surplusKw;
    private final ServerInputs inputs;
    private final Map<Long, String> senderOf = new HashMap<>();
    private final Map<Long, Double> lastKw = new HashMap<>();
    private final List<double[]> trace = new ArrayList<>();
    private long lastNs;
    private long nextNs;

    /**
     * @param surplusKw the local supply beyond the plan at a time, kW (actual minus forecast renewable; 0: as planned)
     */
    public ServiceServerFederate(String name, String endpoint, EnergyInternetServer server, long allocateNs, LongToDoubleFunction surplusKw) {
        this(name, endpoint, server, allocateNs, surplusKw, ServerInputs.NONE);
    }

    /**
     * @param inputs what the server reads from other federates before it decides (a grid view for congestion,
     *               the fleet's powers for its forecasts, a micro-grid's storage), refreshed at each of its steps
     */
    public ServiceServerFederate(String name, String endpoint, EnergyInternetServer server, long allocateNs, LongToDoubleFunction surplusKw,
                                 ServerInputs inputs) {
        this.name = name;
        this.endpoint = endpoint;
        this.server = server;
        this.allocateNs = allocateNs;
        this.surplusKw = surplusKw;
        this.inputs = inputs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        setup.endpoint(endpoint);
        inputs.declare(setup);
        return 0;
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        inputs.refresh(step);
        // what the running requests drew since the last step, at the powers commanded then
        for (Map.Entry<Long, Double> e : lastKw.entrySet()) {
            if (e.getValue() > 0 && now > lastNs) {
                server.delivered(e.getKey(), e.getValue() * (now - lastNs) / 3.6e12, now);
            }
        }
        lastNs = now;
        List<ServiceRequest> batch = new ArrayList<>();
        for (Message m : step.inbox()) {
            if (m.payload() instanceof ServiceRequest r) {
                batch.add(r);
                senderOf.put(r.id(), m.from());
            }
        }
        boolean admitted = false;
        if (!batch.isEmpty()) {
            for (EnergyInternetServer.Admission a : server.submit(batch, now)) {
                step.send(endpoint, senderOf.get(a.request().id()), new ServiceReply(a.request().id(), a.accepted(), a.reason()),
                        ServiceReply.WIRE_BYTES, DeviceFleetFederate.KIND);
                if (!a.accepted()) {
                    step.event("service_rejected", "request=" + a.request().id() + " reason=" + a.reason());
                }
                admitted |= a.accepted();
            }
        }
        if (admitted || now >= nextNs || now >= server.nextForcedNs(now)) {
            EnergyInternetServer.Allocation al = server.allocate(now, surplusKw.applyAsDouble(now));
            Map<Long, Double> next = new HashMap<>();
            double total = 0;
            for (Map.Entry<Long, Double> e : al.powerKw().entrySet()) {
                next.put(e.getKey(), e.getValue());
            }
            for (Long id : new java.util.TreeSet<>(union(lastKw.keySet(), next.keySet()))) {
                double kw = next.getOrDefault(id, 0.0);
                total += kw;
                if (kw != lastKw.getOrDefault(id, 0.0) || !lastKw.containsKey(id)) {
                    step.send(endpoint, senderOf.get(id), new PowerCommand(id, kw), PowerCommand.WIRE_BYTES, DeviceFleetFederate.KIND);
                }
            }
            lastKw.clear();
            lastKw.putAll(next);
            if (now >= nextNs) {
                trace.add(new double[] {now / 1e9, total});
                nextNs = now + allocateNs;
            }
        }
        // a forced-use instant not after now was acted on above (or its request is paused): the next allocation step
        long forced = server.nextForcedNs(now);
        return forced > now ? Math.min(nextNs, forced) : nextNs;
    }

    private static java.util.Set<Long> union(java.util.Set<Long> a, java.util.Set<Long> b) {
        java.util.Set<Long> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    public EnergyInternetServer server() {
        return server;
    }

    /** The power last commanded to all requests together, kW. */
    public double commandedKw() {
        double s = 0;
        for (double kw : lastKw.values()) {
            s += kw;
        }
        return s;
    }

    /** (time_s, allocated kW) at each allocation step. */
    public List<double[]> trace() {
        return trace;
    }
}
