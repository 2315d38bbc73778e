package io.packetgrid.studies.coupled.sim;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.message.Message;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.device.EvCharger;
import io.packetgrid.pem.device.PemAutomaton;
import io.packetgrid.pem.device.PvProfile;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import io.packetgrid.studies.coupled.household.DevicePlan;
import io.packetgrid.studies.coupled.household.Household;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import io.packetgrid.studies.coupled.scenario.PemSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * All households of one feeder in one federate (one step per device step for the whole feeder, not one
 * federate per device). Every device step Δt it advances each device's physics, runs its controller
 * (local, or packet-server's {@link PemAutomaton}) in a random order (devices are asynchronous), and
 * sends PEM requests and events as kernel messages of kind {@code mmtc} (32 bytes each) from the
 * device's own endpoint {@code <feeder>/<household>/<device>} to the feeder's server. Replies may
 * come late or never (lost on the radio): the automaton then times out and draws again, or starts its
 * packet late.
 *
 * <p>Published at each device step: each household's device power minus its PV output
 * ({@code <fleet>/household_kw}, for the grid) and the meter {@code <fleet>/meter_kw} = {time_ns,
 * flexible kW, PV kW} sampled after the devices' own transitions and before the server's answers
 * (ACC 2017's measured aggregate). Replies between steps change devices at once but are published at
 * the next step.
 */
public final class HouseholdFleetFederate implements Federate {
    /** Message kind of device ↔ server traffic (massive machine-type communication). */
    public static final String KIND = "mmtc";

    private final String name;
    private final String serverEndpoint;
    private final boolean pem;
    private final List<Household> households;
    private final long stepNs;
    private final long observeFromNs;
    private final double startS;
    private final boolean logDeviceEvents;
    private final FleetDevice[] devices;
    private final PvProfile[] pv;
    private final Map<String, FleetDevice> byEndpoint = new HashMap<>();
    private final ValueKey<double[]> householdKey;
    private final ValueKey<double[]> meterKey;
    private final FleetRecord record;
    private final int[] order;
    private UniformRandomProvider rng;
    private long nextTickNs;
    private int tick;

    /**
     * @param pem       PEM control (else local control, no messages)
     * @param startS    time of day at t = 0, s (for PV)
     * @param steps     device steps recorded
     */
    public HouseholdFleetFederate(String name, String serverEndpoint, boolean pem, List<Household> households, PemSpec pemSpec,
                                  long stepNs, long observeFromNs, double startS, int steps, boolean logDeviceEvents) {
        this.name = name;
        this.serverEndpoint = serverEndpoint;
        this.pem = pem;
        this.households = List.copyOf(households);
        this.stepNs = stepNs;
        this.observeFromNs = observeFromNs;
        this.startS = startS;
        this.logDeviceEvents = logDeviceEvents;
        this.householdKey = householdKwKey(name);
        this.meterKey = meterKey(name);
        String feeder = name.substring(0, name.indexOf('/'));
        List<FleetDevice> ds = new ArrayList<>();
        pv = new PvProfile[households.size()];
        for (Household h : households) {
            pv[h.index()] = h.pv();
            for (DevicePlan p : h.devices()) {
                DeviceType t = p.type();
                PemAutomaton a = pem ? new PemAutomaton(new PemAutomaton.Config(pemSpec.mRHz(t), pemSpec.packetNs(t),
                        pemSpec.replyTimeout().ns())) : null;
                long id = ds.size() + 1;
                String ep = feeder + "/" + h.id() + "/" + t.shortName();
                FleetDevice d = new FleetDevice(h.index(), t, p.create(), a, id, ep, new ConnectionPoint(h.index() + 1, h.phase()),
                        pemSpec.priorities().getOrDefault(t, 0));
                d.observeFromNs = observeFromNs;
                if (p.initiallyOn()) {
                    if (pem) {
                        long remaining = Math.max(1, (long) (p.remainingFraction() * pemSpec.packetNs(t)));
                        a.startInPacket(0, remaining);
                        d.powerKw = d.pemPower();
                    } else {
                        d.on = true;
                        d.powerKw = d.device.ratedKw();
                    }
                }
                ds.add(d);
            }
        }
        this.devices = ds.toArray(new FleetDevice[0]);
        this.order = new int[devices.length];
        this.record = new FleetRecord(steps, households.size());
    }

    /** The fleet's value: each household's device power minus its PV output, kW, in household order. */
    public static ValueKey<double[]> householdKwKey(String fleet) {
        return ValueKey.ofArray(fleet + "/household_kw", 0);
    }

    /** The meter value {time_ns, flexible kW, PV kW}. */
    public static ValueKey<double[]> meterKey(String fleet) {
        return ValueKey.ofArray(fleet + "/meter_kw", 0);
    }

    public ValueKey<double[]> meterKey() {
        return meterKey;
    }

    public FleetRecord record() {
        return record;
    }

    /** The PEM devices' endpoints (the radio's devices). */
    public List<String> endpoints() {
        List<String> out = new ArrayList<>();
        for (FleetDevice d : devices) {
            out.add(d.endpoint);
        }
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        for (FleetDevice d : devices) {
            if (pem) {
                setup.endpoint(d.endpoint);
            }
            byEndpoint.put(d.endpoint, d);
            d.available = d.device.available(0);
        }
        rng = setup.random();
        setup.publishes(householdKey, householdPowers(0));
        setup.publishes(meterKey, new double[] {0, flexPower(), pvPower(0)});
        return 0;
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        boolean isTick = now >= nextTickNs;
        if (isTick) {
            if (tick > 0 && tick - 1 < record.flexKw.length) {
                record.flexKw[tick - 1] = flexPower();
            }
            for (FleetDevice d : devices) {
                d.advanceTo(now);
            }
        }
        for (Message m : step.inbox()) {
            FleetDevice d = byEndpoint.get(m.to());
            if (d == null || d.automaton == null || !(m.payload() instanceof PacketReply reply)) {
                record.unexpectedMessages++;
                continue;
            }
            d.advanceTo(now);
            record.replies++;
            if (reply.seq() == d.automaton.seq() && d.pendingSentNs >= 0) {
                if (d.pendingSentNs >= observeFromNs) {
                    record.latency(now - d.pendingSentNs);
                }
                d.pendingSentNs = -1;
            }
            long before = d.automaton.acceptedCount();
            d.automaton.onReply(reply, now, d.device);
            if (reply.accepted() && d.automaton.acceptedCount() == before) {
                record.acceptsIgnored++;
            }
            d.setPower(d.pemPower(), now);
            if (d.automaton.lateStarts() != d.seenLateStarts) {
                d.seenLateStarts = d.automaton.lateStarts();
                step.event("late_start", d.endpoint + " seq " + reply.seq());
            }
            if (logDeviceEvents) {
                step.event("reply", d.endpoint + " seq " + reply.seq() + (reply.accepted() ? " accepted" : " denied " + reply.reason()));
            }
        }
        if (isTick) {
            control(step, now);
            nextTickNs = now + stepNs;
            tick++;
        }
        return nextTickNs;
    }

    private void control(Step step, long now) {
        double tS = now / 1e9;
        double dtS = stepNs / 1e9;
        int n = devices.length;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher–Yates: asynchronous arrival order
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int k = 0; k < n; k++) {
            FleetDevice d = devices[order[k]];
            departures(step, d, tS);
            if (!pem) {
                d.setPower(d.localPower(tS), now);
                continue;
            }
            PemAutomaton.Output out = d.automaton.step(now, dtS, d.device, rng);
            d.setPower(d.pemPower(), now);
            if (d.automaton.timeouts() != d.seenTimeouts) {
                d.seenTimeouts = d.automaton.timeouts();
                step.event("reply_timeout", d.endpoint + " seq " + d.automaton.seq());
            }
            if (out == PemAutomaton.Output.REQUEST) {
                PacketRequest r = d.request();
                step.send(d.endpoint, serverEndpoint, r, PacketRequest.WIRE_BYTES, KIND);
                d.pendingSentNs = now;
                record.requests++;
                if (logDeviceEvents) {
                    step.event("request", d.endpoint + " seq " + r.seq() + " " + r.ratedKw() + " kW");
                }
            } else if (out == PemAutomaton.Output.EVENT) {
                DeviceEvent e = new DeviceEvent(d.id, d.automaton.lastEvent(), d.automaton.lastEventKw(), d.at);
                step.send(d.endpoint, serverEndpoint, e, DeviceEvent.WIRE_BYTES, KIND);
                record.events++;
                // every opt-out the automaton counts (summary.json's opt_outs): below the band in standby (ON), and a
                // packet interrupted at the top of the band (OFF)
                if (e.type() == DeviceEvent.Type.OPT_OUT_ON) {
                    step.event("opt_out", d.endpoint + " on at " + String.format(Locale.ROOT, "%.2f", d.device.state()));
                } else if (e.type() == DeviceEvent.Type.INTERRUPT && d.automaton.mode() == PemAutomaton.Mode.OPT_OUT_OFF) {
                    step.event("opt_out", d.endpoint + " off at " + String.format(Locale.ROOT, "%.2f", d.device.state()));
                }
            }
        }
        if (tick < record.pvKw.length) {
            record.pvKw[tick] = pvPower(now);
        }
        step.publish(householdKey, householdPowers(now));
        step.publish(meterKey, new double[] {now, flexPower(), pvPower(now)});
    }

    /** An EV leaving: what it still lacked of its target. */
    private void departures(Step step, FleetDevice d, double tS) {
        if (d.type != DeviceType.EV_CHARGER) {
            return;
        }
        boolean avail = d.device.available(tS);
        if (d.available && !avail) {
            EvCharger ev = (EvCharger) d.device;
            double lack = Math.max(0, ev.params().targetSoc() - ev.state()) * ev.params().batteryKwh();
            record.evDepartures++;
            // the urgency band ends 2 % of SoC below the target at departure (packet-server EvCharger): count only what lies beyond
            if (lack > 0.02 * ev.params().batteryKwh() + 1e-9) {
                record.evDeparturesShort++;
                record.evUnmetKwh += lack;
                step.event("ev_departure_short", String.format(Locale.ROOT, "%s lacks %.2f kWh", d.endpoint, lack));
            }
        }
        d.available = avail;
    }

    private double flexPower() {
        double s = 0;
        for (FleetDevice d : devices) {
            s += d.powerKw;
        }
        return s;
    }

    private double pvPower(long now) {
        double s = 0;
        for (PvProfile p : pv) {
            if (p != null) {
                s += p.powerKw(startS + now / 1e9);
            }
        }
        return s;
    }

    private double[] householdPowers(long now) {
        double[] p = new double[households.size()];
        for (FleetDevice d : devices) {
            p[d.household] += d.powerKw;
        }
        for (int h = 0; h < p.length; h++) {
            if (pv[h] != null) {
                p[h] -= pv[h].powerKw(startS + now / 1e9);
            }
        }
        return p;
    }

    @Override
    public void finish(long endNs) {
        if (tick > 0 && tick - 1 < record.flexKw.length && Double.isNaN(record.flexKw[tick - 1])) {
            record.flexKw[tick - 1] = flexPower();
        }
        for (FleetDevice d : devices) {
            d.advanceTo(Math.max(d.advancedNs, endNs));
            record.householdEnergyKwh[d.household] += d.energyKwh;
            if (d.automaton != null) {
                record.timeouts += d.automaton.timeouts();
                record.lateStarts += d.automaton.lateStarts();
                record.executed += d.automaton.acceptedCount();
                record.denied += d.automaton.deniedCount();
                record.ignoredReplies += d.automaton.ignoredReplies();
                record.optOuts += d.automaton.optOuts();
            }
        }
    }

    /** Per device: {type ordinal, on-transitions, mean |x − set| (NaN if not a tank), observed s}. */
    public List<double[]> deviceStats() {
        List<double[]> out = new ArrayList<>();
        for (FleetDevice d : devices) {
            out.add(new double[] {d.type.ordinal(), d.onTransitions, d.observedS > 0 ? d.deviationIntegral / d.observedS : Double.NaN,
                    d.observedS, d.household});
        }
        return out;
    }

    public int deviceCount() {
        return devices.length;
    }
}
