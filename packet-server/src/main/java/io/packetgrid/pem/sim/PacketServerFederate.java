package io.packetgrid.pem.sim;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.record.SeriesWriter;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.pem.policy.PacketPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The packet server inside a co-simulation: the same {@link PacketPolicy} as behind the socket.
 * Requests delivered at one time are decided together as one batch (so community rules can rank
 * them); each reply ({@link PacketReply}, kind {@code mmtc}, 32 bytes) goes back to the sender's
 * endpoint through the network. Events update the aggregate estimate.
 *
 * <p>Every {@code reportNs} (and at each decision) it publishes {@code <name>/target_kw} and
 * {@code <name>/estimate_kw}, and keeps a trace of the target for metrics.
 */
public final class PacketServerFederate implements Federate {
    private final String name;
    private final String endpoint;
    private final PacketPolicy policy;
    private final ServerInputs inputs;
    private final long reportNs;
    private final ValueKey<Double> targetKey;
    private final ValueKey<Double> estimateKey;
    private final List<double[]> trace = new ArrayList<>();
    private final List<PacketRequest> batch = new ArrayList<>();
    private final List<Message> senders = new ArrayList<>();
    private int endpointId = -1;
    private boolean recordSeries;
    private SeriesWriter series;
    private long nextReportNs;
    private long requests;
    private long events;

    public PacketServerFederate(String name, String endpoint, PacketPolicy policy, ServerInputs inputs, long reportNs) {
        this.name = name;
        this.endpoint = endpoint;
        this.policy = policy;
        this.inputs = inputs;
        this.reportNs = reportNs;
        this.targetKey = ValueKey.ofDouble(name + "/target_kw", 1e-9);
        this.estimateKey = ValueKey.ofDouble(name + "/estimate_kw", 1e-9);
    }

    public PacketServerFederate recordSeries(boolean on) {
        this.recordSeries = on;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        setup.endpoint(endpoint);
        endpointId = setup.endpointId(endpoint);
        inputs.declare(setup);
        setup.publishes(targetKey, 0.0);
        setup.publishes(estimateKey, 0.0);
        if (recordSeries) {
            series = setup.series(name + "/server", List.of("target_kw", "estimate_kw"));
        }
        return 0;
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        inputs.refresh(step);
        batch.clear();
        senders.clear();
        for (Message m : step.inbox()) {
            if (m.payload() instanceof PacketRequest r) {
                batch.add(r);
                senders.add(m);
                requests++;
            } else if (m.payload() instanceof DeviceEvent e) {
                policy.onEvent(e, now);
                events++;
            }
        }
        if (!batch.isEmpty()) {
            List<PacketReply> replies = policy.decide(batch, now);
            for (int i = 0; i < replies.size(); i++) {
                Message to = senders.get(i);
                if (to.fromEndpoint() >= 0) { // the sender's number: no lookup by name
                    step.send(endpointId, to.fromEndpoint(), replies.get(i), PacketReply.WIRE_BYTES, DeviceFleetFederate.KIND);
                } else {
                    step.send(endpoint, to.from(), replies.get(i), PacketReply.WIRE_BYTES, DeviceFleetFederate.KIND);
                }
            }
        }
        double target = policy.targetKw(now);
        double estimate = policy.estimateKw(now);
        step.publish(targetKey, target);
        step.publish(estimateKey, estimate);
        if (now >= nextReportNs) {
            trace.add(new double[] {now / 1e9, target, estimate});
            if (series != null) {
                series.row(now, target, estimate);
            }
            nextReportNs = now + reportNs;
        }
        return reportNs > 0 ? nextReportNs : SimTime.NEVER;
    }

    public PacketPolicy policy() {
        return policy;
    }

    /** (time_s, target_kw, estimate_kw) every report period. */
    public List<double[]> trace() {
        return trace;
    }

    public long requests() {
        return requests;
    }

    public long events() {
        return events;
    }

    public String endpoint() {
        return endpoint;
    }

    public ValueKey<Double> targetKey() {
        return targetKey;
    }

    public ValueKey<Double> estimateKey() {
        return estimateKey;
    }
}
