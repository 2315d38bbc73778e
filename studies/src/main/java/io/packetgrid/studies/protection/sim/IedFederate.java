package io.packetgrid.studies.protection.sim;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.protection.InverseTimeIntegrator;
import io.packetgrid.grid.protection.OvercurrentElement;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundBreaker;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundRelay;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundScheme;
import io.packetgrid.studies.protection.scenario.SchemeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A bay IED: one relay and the breaker it trips (hard-wired), with the relay's radio endpoint. The relay's
 * stages integrate the measured currents (IEC 60255-151, {@link InverseTimeIntegrator}); its blockable
 * stages are held once a block has arrived (blocking schemes). At its start output it sends the blocks
 * and permits of its schemes; when its breaker opens it sends the transfer trips triggered by that
 * breaker. Messages act {@code messages.processing} after their delivery.
 */
public final class IedFederate implements Federate {
    private final ProtectionSystem sys;
    private final BoundRelay relay;
    private final BoundBreaker breaker;
    private final String endpoint;
    private final String grid;
    private final long procNs;
    private final List<InverseTimeIntegrator> fast = new ArrayList<>();
    private final List<InverseTimeIntegrator> slow = new ArrayList<>();
    private final List<int[]> fastInput = new ArrayList<>();   // measured quantity index per integrator
    private final List<int[]> slowInput = new ArrayList<>();
    private long pickupNs = SimTime.NEVER;
    private boolean startSent;
    private long blockedFromNs = SimTime.NEVER;
    private long tripNs = SimTime.NEVER;
    private long openNs = SimTime.NEVER;
    private boolean openPublished;
    private int shots;
    private long closeNs = SimTime.NEVER;
    private boolean lockedOut;
    private final List<Long> opens = new ArrayList<>();
    private final List<Long> trips = new ArrayList<>();
    private final List<Long> closes = new ArrayList<>();
    private final List<Long> blockArrivals = new ArrayList<>();

    /**
     * @param grid the federate whose {@link ProtectionInstrument} measures the relay's currents
     */
    public IedFederate(ProtectionSystem sys, BoundRelay relay, String grid) {
        this.sys = sys;
        this.relay = relay;
        this.breaker = sys.breakers().get(relay.breaker());
        this.endpoint = relay.endpoint();
        this.grid = grid;
        this.procNs = sys.section().messages().processing().ns();
    }

    @Override
    public String name() {
        return "protection/ied/" + relay.name();
    }

    @Override
    public long initialize(Setup s) {
        s.wakesOn(Keys.amps(relay.name()));
        s.publishes(Keys.open(breaker.name()), 0.0);
        s.endpoint(endpoint);
        s.after(grid);
        return SimTime.NEVER;
    }

    private void build(int phases) {
        add(relay.phaseFast(), fast, fastInput, phases, false);
        add(relay.groundFast(), fast, fastInput, phases, true);
        add(relay.phaseSlow(), slow, slowInput, phases, false);
        add(relay.groundSlow(), slow, slowInput, phases, true);
    }

    private static void add(List<OvercurrentElement> stages, List<InverseTimeIntegrator> out, List<int[]> in, int phases,
                            boolean residual) {
        for (OvercurrentElement st : stages) {
            if (residual) {
                out.add(new InverseTimeIntegrator(st));
                in.add(new int[] {phases});
            } else {
                for (int p = 0; p < phases; p++) {
                    out.add(new InverseTimeIntegrator(st));
                    in.add(new int[] {p});
                }
            }
        }
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        double nowS = now / 1e9;
        double[] a = step.read(Keys.amps(relay.name()));
        if (a.length > 0 && fast.isEmpty() && slow.isEmpty()) {
            build(a.length - 1);
        }
        if (step.iteration() == 0 || a.length > 0) {
            update(fast, fastInput, a, nowS);
            update(slow, slowInput, a, nowS);
        }
        for (Message m : step.inbox()) {
            if (m.payload() instanceof ProtectionMessage pm && pm.type() == ProtectionMessage.Type.BLOCK) {
                blockArrivals.add(now);
                blockedFromNs = Math.min(blockedFromNs, now + procNs);
            }
        }
        if (openPublished && closeNs != SimTime.NEVER && now >= closeNs) {
            // reclose: the next shot starts afresh (integrators reset with the current)
            closes.add(now);
            closeNs = SimTime.NEVER;
            openPublished = false;
            tripNs = SimTime.NEVER;
            openNs = SimTime.NEVER;
            pickupNs = SimTime.NEVER;
            startSent = false;
            blockedFromNs = SimTime.NEVER;
            step.publish(Keys.open(breaker.name()), 0.0);
            step.event("reclose", "breaker=" + breaker.name());
        }
        boolean started = started(fast) || started(slow);
        if (started && pickupNs == SimTime.NEVER) {
            pickupNs = now;
        } else if (!started && tripNs == SimTime.NEVER) {
            pickupNs = SimTime.NEVER;
        }
        long startOut = pickupNs == SimTime.NEVER ? SimTime.NEVER : pickupNs + Math.round(relay.startS() * 1e9);
        if (!startSent && startOut != SimTime.NEVER && now >= startOut) {
            startSent = true;
            sendStart(step);
        }
        if (tripNs == SimTime.NEVER) {
            long op = operateNs(now);
            if (op != SimTime.NEVER && now >= op) {
                tripNs = now;
                trips.add(now);
                openNs = now + Math.round(breaker.operatingS() * 1e9);
                step.event("trip", "relay=" + relay.name() + " breaker=" + breaker.name());
            }
        }
        if (!openPublished && openNs != SimTime.NEVER && now >= openNs) {
            openPublished = true;
            opens.add(now);
            step.publish(Keys.open(breaker.name()), 1.0);
            step.event("open", "breaker=" + breaker.name() + " shot=" + (shots + 1));
            if (shots < breaker.deadTimesS().size()) {
                closeNs = now + Math.round(breaker.deadTimesS().get(shots) * 1e9);
            } else {
                lockedOut = true;
            }
            shots++;
            if (shots == 1) {
                sendTransferTrips(step);
            }
        }
        long next = SimTime.NEVER;
        if (!startSent && startOut != SimTime.NEVER) {
            next = Math.min(next, startOut);
        }
        if (tripNs == SimTime.NEVER) {
            long op = operateNs(now);
            if (op != SimTime.NEVER) {
                next = Math.min(next, Math.max(op, now));
            }
            if (blockedFromNs > now && blockedFromNs != SimTime.NEVER) {
                next = Math.min(next, blockedFromNs);
            }
        }
        if (!openPublished && openNs != SimTime.NEVER) {
            next = Math.min(next, openNs);
        }
        if (closeNs != SimTime.NEVER) {
            next = Math.min(next, closeNs);
        }
        return next;
    }

    private static void update(List<InverseTimeIntegrator> list, List<int[]> in, double[] a, double nowS) {
        for (int i = 0; i < list.size(); i++) {
            int q = in.get(i)[0];
            list.get(i).update(nowS, q < a.length ? a[q] : 0);
        }
    }

    private static boolean started(List<InverseTimeIntegrator> list) {
        for (InverseTimeIntegrator i : list) {
            if (i.started()) {
                return true;
            }
        }
        return false;
    }

    /** When the relay operates as things stand (ns), NEVER if no stage will. */
    private long operateNs(long now) {
        double t = Double.POSITIVE_INFINITY;
        for (InverseTimeIntegrator i : slow) {
            t = Math.min(t, i.operateAtS());
        }
        double tf = Double.POSITIVE_INFINITY;
        for (InverseTimeIntegrator i : fast) {
            tf = Math.min(tf, i.operateAtS());
        }
        long fastNs = Double.isInfinite(tf) ? SimTime.NEVER : Math.round(tf * 1e9);
        // a blockable stage is held if the block acts before the stage would operate
        boolean held = blockedFromNs != SimTime.NEVER && (fastNs == SimTime.NEVER || blockedFromNs <= fastNs);
        if (!held && fastNs != SimTime.NEVER) {
            t = Math.min(t, tf);
        }
        return Double.isInfinite(t) ? SimTime.NEVER : Math.round(t * 1e9);
    }

    private void sendStart(Step step) {
        for (BoundScheme sc : sys.schemes()) {
            if (sc.kind() == SchemeSpec.Kind.BLOCKING) {
                for (int d : sc.downstreamRelays()) {
                    if (d == relay.index()) {
                        BoundRelay up = sys.relays().get(sc.upstreamRelay());
                        step.send(endpoint, up.endpoint(), new ProtectionMessage(ProtectionMessage.Type.BLOCK, sc.name(), relay.name()),
                                sc.bytes(), ProtectionMessage.KIND);
                    }
                }
            } else if (sc.kind() == SchemeSpec.Kind.PERMISSIVE && sc.upstreamRelay() == relay.index()) {
                for (int t : sc.targets()) {
                    step.send(endpoint, sys.dgs().get(t).endpoint(), new ProtectionMessage(ProtectionMessage.Type.PERMIT, sc.name(),
                            relay.name()), sc.bytes(), ProtectionMessage.KIND);
                }
            }
        }
    }

    private void sendTransferTrips(Step step) {
        for (BoundScheme sc : sys.schemes()) {
            if (sc.kind() == SchemeSpec.Kind.TRANSFER_TRIP && sc.triggerBreaker() == breaker.index()) {
                for (int t : sc.targets()) {
                    String to = t >= 0 ? sys.dgs().get(t).endpoint() : sys.breakers().get(-1 - t).endpoint();
                    step.send(endpoint, to, new ProtectionMessage(ProtectionMessage.Type.TRIP, sc.name(), relay.name()), sc.bytes(),
                            ProtectionMessage.KIND);
                }
            }
        }
    }

    /** First trip command (ns), NEVER if it did not trip. */
    public long tripNs() {
        return trips.isEmpty() ? SimTime.NEVER : trips.get(0);
    }

    /** First opening of the breaker (ns), NEVER if it stayed closed. */
    public long openNs() {
        return opens.isEmpty() ? SimTime.NEVER : opens.get(0);
    }

    /** Every opening (a recloser opens once per shot). */
    public List<Long> opens() {
        return List.copyOf(opens);
    }

    /** Every reclosing. */
    public List<Long> closes() {
        return List.copyOf(closes);
    }

    /** Open for good after its last shot. */
    public boolean lockedOut() {
        return lockedOut;
    }

    /** Delivery times of the blocks it received. */
    public List<Long> blockArrivals() {
        return List.copyOf(blockArrivals);
    }
}
