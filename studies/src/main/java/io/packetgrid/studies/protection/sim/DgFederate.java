package io.packetgrid.studies.protection.sim;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.protection.VoltageStage;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundDg;

/**
 * A PV inverter's interface protection: passive definite-time voltage stages on its lowest terminal
 * voltage; a transfer trip trips it; a permit trips it once its own detector (voltage below its start level
 * for its start time) has started. It stops injecting {@code disconnect_time} after the trip decision.
 */
public final class DgFederate implements Federate {
    private final BoundDg dg;
    private final long procNs;
    private final long[] stageSince;
    private long lowSinceNs = SimTime.NEVER;
    private long permitNs = SimTime.NEVER;
    private long decisionNs = SimTime.NEVER;
    private String cause = "";
    private long stopNs = SimTime.NEVER;
    private boolean published;
    private long messageNs = SimTime.NEVER;
    private final String grid;

    /**
     * @param grid the federate whose {@link ProtectionInstrument} measures the unit's voltage
     */
    public DgFederate(BoundDg dg, long procNs, String grid) {
        this.dg = dg;
        this.procNs = procNs;
        this.grid = grid;
        this.stageSince = new long[dg.passive().stages().size()];
        java.util.Arrays.fill(stageSince, SimTime.NEVER);
    }

    @Override
    public String name() {
        return "protection/dg/" + dg.name();
    }

    @Override
    public long initialize(Setup s) {
        s.wakesOn(Keys.voltage(dg.name()));
        s.publishes(Keys.tripped(dg.name()), 0.0);
        s.endpoint(dg.endpoint());
        s.after(grid);
        return SimTime.NEVER;
    }

    private void decide(long t, String why) {
        if (decisionNs == SimTime.NEVER || t < decisionNs) {
            decisionNs = t;
            cause = why;
            stopNs = t + Math.round(dg.disconnectS() * 1e9);
        }
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        double v = step.read(Keys.voltage(dg.name()));
        for (int i = 0; i < stageSince.length; i++) {
            VoltageStage st = dg.passive().stages().get(i);
            if (st.starts(new double[] {v})) {
                if (stageSince[i] == SimTime.NEVER) {
                    stageSince[i] = now;
                }
            } else {
                stageSince[i] = SimTime.NEVER;
            }
        }
        if (v < dg.startPu()) {
            if (lowSinceNs == SimTime.NEVER) {
                lowSinceNs = now;
            }
        } else if (decisionNs == SimTime.NEVER) {
            lowSinceNs = SimTime.NEVER;
        }
        for (Message m : step.inbox()) {
            if (m.payload() instanceof ProtectionMessage pm) {
                messageNs = Math.min(messageNs, now);
                if (pm.type() == ProtectionMessage.Type.TRIP) {
                    decide(now + procNs, "transfer trip " + pm.scheme());
                } else if (pm.type() == ProtectionMessage.Type.PERMIT) {
                    permitNs = Math.min(permitNs, now + procNs);
                }
            }
        }
        long next = SimTime.NEVER;
        if (permitNs != SimTime.NEVER && lowSinceNs != SimTime.NEVER) {
            decide(Math.max(permitNs, lowSinceNs + Math.round(dg.startS() * 1e9)), "permissive");
        }
        for (int i = 0; i < stageSince.length; i++) {
            if (stageSince[i] != SimTime.NEVER) {
                long t = stageSince[i] + Math.round(dg.passive().stages().get(i).delayS() * 1e9);
                if (t <= now) {
                    decide(t, "passive stage " + (i + 1));
                } else {
                    next = Math.min(next, t);
                }
            }
        }
        if (!published && stopNs != SimTime.NEVER) {
            if (now >= stopNs) {
                published = true;
                step.publish(Keys.tripped(dg.name()), 1.0);
                step.event("dg-trip", "dg=" + dg.name() + " cause=" + cause.replace(' ', '_'));
            } else {
                next = Math.min(next, stopNs);
            }
        }
        if (!published && decisionNs != SimTime.NEVER && decisionNs > now) {
            next = Math.min(next, decisionNs);
        }
        return next;
    }

    /** When it stopped injecting (ns), NEVER if it did not. */
    public long stopNs() {
        return published ? stopNs : SimTime.NEVER;
    }

    public String cause() {
        return cause;
    }

    /** Delivery time of the first protection message it received. */
    public long firstMessageNs() {
        return messageNs;
    }
}
