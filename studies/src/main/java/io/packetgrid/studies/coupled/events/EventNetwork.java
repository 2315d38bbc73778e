package io.packetgrid.studies.coupled.events;

import io.packetgrid.cosim.message.Delivery;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.message.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The study's network seen through the time line: while the packet server is out ({@code server_outage})
 * every message to or from its endpoints is dropped here (reason {@code server_outage}: the server neither
 * receives nor replies; the devices time out and fall back as their PEM logic says), and every protection
 * message ({@code protection/...} endpoints) is recorded with its fate, for the faults' message counts.
 */
public final class EventNetwork implements Network {

    /** A protection message: when it was sent, whether it arrived, its latency (ns; −1 if lost). */
    public record Sent(long sentNs, String from, String to, boolean delivered, long latencyNs) {
    }

    private final Network inner;
    private final Set<String> servers;
    private final List<EventPlan.Window> outages;
    private final List<Sent> protection = new ArrayList<>();
    private final java.util.Map<Long, Integer> pending = new java.util.HashMap<>();
    private Delivery kernel;
    private Delivery wrapped;

    public EventNetwork(Network inner, Set<String> servers, List<EventPlan.Window> outages) {
        this.inner = inner;
        this.servers = Set.copyOf(servers);
        this.outages = List.copyOf(outages);
    }

    private boolean serverOut(Message m, long now) {
        if (!servers.contains(m.to()) && !servers.contains(m.from())) {
            return false;
        }
        for (EventPlan.Window w : outages) {
            if (now >= w.fromNs() && now < w.untilNs()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProtection(Message m) {
        return m.from().startsWith("protection/") || m.to().startsWith("protection/");
    }

    private Delivery wrap(Delivery out) {
        if (out != kernel) {
            kernel = out;
            wrapped = new Delivery() {
                @Override
                public void deliver(Message m, long atNs) {
                    Integer i = pending.remove(m.id());
                    if (i != null) {
                        Sent s = protection.get(i);
                        protection.set(i, new Sent(s.sentNs(), s.from(), s.to(), true, atNs - s.sentNs()));
                    }
                    out.deliver(m, atNs);
                }

                @Override
                public void drop(Message m, String reason) {
                    pending.remove(m.id());
                    out.drop(m, reason);
                }
            };
        }
        return wrapped;
    }

    @Override
    public void submit(Message m, long nowNs, Delivery out) {
        if (serverOut(m, nowNs)) {
            out.drop(m, "server_outage");
            return;
        }
        if (isProtection(m)) {
            pending.put(m.id(), protection.size());
            protection.add(new Sent(nowNs, m.from(), m.to(), false, -1));
        }
        inner.submit(m, nowNs, wrap(out));
    }

    @Override
    public long nextEventNs() {
        return inner.nextEventNs();
    }

    @Override
    public void advance(long nowNs, Delivery out) {
        inner.advance(nowNs, wrap(out));
    }

    @Override
    public void finish(long endNs) {
        inner.finish(endNs);
    }

    /** The protection messages, in send order, with their fates (a message still in flight at the end: not delivered). */
    public List<Sent> protectionMessages() {
        return List.copyOf(protection);
    }
}
