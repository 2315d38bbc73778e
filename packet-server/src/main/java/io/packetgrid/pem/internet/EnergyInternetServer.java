package io.packetgrid.pem.internet;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.policy.CommunityRules;
import io.packetgrid.pem.policy.EmergencyMode;
import io.packetgrid.pem.policy.StorageView;
import io.packetgrid.pem.schedule.DeadlineScheduler;
import io.packetgrid.pem.schedule.Job;
import io.packetgrid.pem.schedule.Plan;
import io.packetgrid.pem.schedule.SlotGrid;
import io.packetgrid.pem.schedule.Supply;
import io.packetgrid.pem.service.ServiceRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Energy-Internet server of the seed (§III-C): households send service requests with deadlines;
 * the server accepts a request only if, with the forecast supply and every request it already
 * accepted, all deadlines can still be met (a maximum-flow feasibility test, {@link DeadlineScheduler});
 * it plans the accepted requests at least cost over a rolling horizon (the day-ahead plan), plans again
 * at a cadence as forecasts improve (intraday), and at each moment allocates power to the accepted
 * requests: the plan's power for the present slot, more for the least slack first when the actual
 * local supply exceeds the plan (balancing), and full power for a request whose slack has reached zero
 * (forced use: from then on it runs whatever the supply). Requests arriving together are considered by
 * the user's class (priority, higher first), then earliest deadline, and in random order among equals
 * (fairness by randomisation, the server's seeded stream). A rejected request may be sent again later
 * (the device's choice, e.g. with a later deadline). With an {@link EmergencyMode} (packet-server's one
 * emergency mode, shared with the tracking policy) an islanded site whose storage runs low serves only
 * the basic needs its {@link CommunityRules} name: other requests are paused (forced use included) and
 * new ones refused until it recovers. With a {@link PowerLimit} (network congestion: the voltages and
 * loadings the grid-aware PEM server sees) flexible allocations at a connection point never add more than the
 * grid's headroom there; what they cannot draw now is drawn later, forced use at the latest. No network types:
 * a front-end (co-simulation or socket) passes requests and time in.
 */
public final class EnergyInternetServer {

    /**
     * @param slotNs        the plan's slot (15 min: the Nordic markets' settlement period)
     * @param horizonSlots  how far a plan looks ahead
     * @param replanNs      intraday re-planning cadence
     */
    public record Config(long slotNs, int horizonSlots, long replanNs) {
        public Config {
            if (slotNs <= 0 || horizonSlots <= 0 || replanNs <= 0) {
                throw new IllegalArgumentException("energy internet: slot, horizon and re-planning cadence must be > 0");
            }
        }
    }

    /** The server's answer to a request. */
    public record Admission(ServiceRequest request, boolean accepted, String reason) {
    }

    /** An accepted request and what it has drawn. */
    static final class Accepted {
        final ServiceRequest r;
        double deliveredKwh;
        long programmeStartNs = -1;
        boolean forced;
        double forcedKwh;
        long completedNs = -1;

        Accepted(ServiceRequest r) {
            this.r = r;
        }

        double remainingKwh() {
            return Math.max(0, r.energyKwh() - deliveredKwh);
        }

        boolean done(long nowNs) {
            if (r.isProgramme()) {
                return programmeStartNs >= 0 && nowNs >= programmeStartNs + r.durationNs();
            }
            return remainingKwh() <= 1e-9;
        }
    }

    private final Config config;
    private final SupplyForecast forecast;
    private final UniformRandomProvider rng;
    private final List<Accepted> accepted = new ArrayList<>();
    private final Map<Long, Accepted> byId = new HashMap<>();
    private Plan plan;
    private Map<Long, Long> placedStart = new HashMap<>();
    private long plannedAtNs = Long.MIN_VALUE;
    private long rejected;
    private double forcedKwh;
    private long plans;
    private long planNanos;
    private EmergencyMode emergency;
    private CommunityRules rules = CommunityRules.none();
    private StorageView storage = StorageView.none();
    private PowerLimit limit = PowerLimit.NONE;
    private Map<Long, Double> lastPower = new HashMap<>();

    public EnergyInternetServer(Config config, SupplyForecast forecast, UniformRandomProvider rng) {
        this.config = config;
        this.forecast = forecast;
        this.rng = rng;
    }

    /** Serve only basic needs while {@code mode} is on (it reads the site's storage from {@code view}). */
    public EnergyInternetServer emergency(EmergencyMode mode, CommunityRules basicNeeds, StorageView view) {
        this.emergency = mode;
        this.rules = basicNeeds;
        this.storage = view;
        return this;
    }

    /** Caps flexible allocations by the grid's headroom at each connection point. */
    public EnergyInternetServer congestion(PowerLimit limit) {
        this.limit = limit;
        return this;
    }

    private boolean emergencyOn(long nowNs) {
        return emergency != null && emergency.update(storage, nowNs);
    }

    private boolean basic(ServiceRequest r) {
        return rules.basicNeed(r.deviceClass(), r.priority());
    }

    /** Time spent in emergency mode up to {@code nowNs}, ns (0 without one). */
    public long emergencyNs(long nowNs) {
        return emergency == null ? 0 : emergency.emergencyNs(nowNs);
    }

    /** Requests that arrived together at {@code nowNs}: each accepted or rejected, in the batch's order. */
    public List<Admission> submit(List<ServiceRequest> batch, long nowNs) {
        List<ServiceRequest> order = rank(batch);
        Map<Long, Admission> out = new HashMap<>();
        boolean emergencyOn = emergencyOn(nowNs);
        if (batch.size() > 1 && !emergencyOn && acceptAllIfTheyFit(order, nowNs)) { // one plan for a batch that fits whole (a day-ahead bid)
            List<Admission> all = new ArrayList<>();
            for (ServiceRequest r : batch) {
                all.add(new Admission(r, true, ""));
            }
            return all;
        }
        for (ServiceRequest r : order) {
            String why = null;
            if (byId.containsKey(r.id())) { // asked again (our reply was lost): the same answer
                out.put(r.id(), new Admission(r, true, ""));
                continue;
            } else if (emergencyOn && !basic(r)) {
                why = "emergency";
            } else if (r.deadlineNs() <= nowNs || !r.feasibleAlone() || r.latestStartNs(r.energyKwh()) < nowNs) {
                why = "deadline";
            } else {
                Accepted a = new Accepted(r);
                accepted.add(a);
                Plan p = planFrom(nowNs);
                if (p == null || !p.feasible()) {
                    accepted.remove(accepted.size() - 1);
                    why = "capacity";
                } else {
                    byId.put(r.id(), a);
                    plan = p;
                    plannedAtNs = nowNs;
                }
            }
            if (why != null) {
                rejected++;
            }
            out.put(r.id(), new Admission(r, why == null, why == null ? "" : why));
        }
        List<Admission> inOrder = new ArrayList<>();
        for (ServiceRequest r : batch) {
            inOrder.add(out.get(r.id()));
        }
        return inOrder;
    }

    /** Accepts the whole batch with one plan if every request is valid and all fit; else changes nothing. */
    private boolean acceptAllIfTheyFit(List<ServiceRequest> order, long nowNs) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (ServiceRequest r : order) {
            if (byId.containsKey(r.id()) || !ids.add(r.id()) || r.deadlineNs() <= nowNs || !r.feasibleAlone()
                    || r.latestStartNs(r.energyKwh()) < nowNs) {
                return false;
            }
        }
        int before = accepted.size();
        for (ServiceRequest r : order) {
            accepted.add(new Accepted(r));
        }
        Plan p = planFrom(nowNs);
        if (p == null || !p.feasible()) {
            accepted.subList(before, accepted.size()).clear();
            return false;
        }
        for (int i = before; i < accepted.size(); i++) {
            byId.put(accepted.get(i).r.id(), accepted.get(i));
        }
        plan = p;
        plannedAtNs = nowNs;
        return true;
    }

    /** Higher class first, then earliest deadline; equals in random order (Fisher–Yates per group). */
    List<ServiceRequest> rank(List<ServiceRequest> batch) {
        List<ServiceRequest> list = new ArrayList<>(batch);
        for (int i = list.size() - 1; i > 0; i--) { // shuffle first, then a stable sort keeps the shuffle among equals
            int j = rng.nextInt(i + 1);
            ServiceRequest t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
        list.sort((x, y) -> x.priority() != y.priority() ? Integer.compare(y.priority(), x.priority())
                : Long.compare(x.deadlineNs(), y.deadlineNs()));
        return list;
    }

    /** Plans every accepted, unfinished request from {@code nowNs} (null if a programme found no start). */
    private Plan planFrom(long nowNs) {
        long t0 = System.nanoTime();
        long start = Math.floorDiv(nowNs, config.slotNs()) * config.slotNs();
        SlotGrid grid = new SlotGrid(start, config.slotNs(), config.horizonSlots());
        List<Supply> tiers = forecast.tiers(grid, nowNs);
        double[][] fixed = new double[tiers.size()][grid.count()];
        Map<Long, Long> starts = new HashMap<>();
        List<Accepted> progs = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        for (Accepted a : accepted) {
            if (a.done(nowNs)) {
                continue;
            }
            long from = Math.max(nowNs, a.r.earliestStartNs());
            boolean late = a.r.isProgramme() ? a.programmeStartNs < 0 && from + a.r.durationNs() > a.r.deadlineNs()
                    : from >= a.r.deadlineNs();
            if (late) {
                continue; // its deadline can no longer be met (it was paused, e.g. in emergency mode): forced, not planned
            }
            if (a.r.isProgramme()) {
                progs.add(a);
            } else {
                jobs.add(new Job(a.r.id(), a.remainingKwh(), a.r.maxKw(), Math.max(nowNs, a.r.earliestStartNs()), a.r.deadlineNs()));
            }
        }
        progs.sort((x, y) -> Long.compare(x.r.deadlineNs(), y.r.deadlineNs()));
        for (Accepted a : progs) {
            if (a.programmeStartNs >= 0) { // running: its profile from its start is fixed
                DeadlineScheduler.Placement p = DeadlineScheduler.placeProgramme(grid, tiers, fixed, a.r.profileKw(), a.r.profileStepNs(),
                        a.programmeStartNs, a.programmeStartNs + a.r.durationNs());
                starts.put(a.r.id(), a.programmeStartNs);
                if (p == null) {
                    return null;
                }
                continue;
            }
            DeadlineScheduler.Placement p = DeadlineScheduler.placeProgramme(grid, tiers, fixed, a.r.profileKw(), a.r.profileStepNs(),
                    Math.max(nowNs, a.r.earliestStartNs()), a.r.deadlineNs());
            if (p == null) {
                return null;
            }
            starts.put(a.r.id(), p.startNs());
        }
        Plan p = DeadlineScheduler.plan(grid, tiers, fixed, jobs);
        placedStart = starts;
        plans++;
        planNanos += System.nanoTime() - t0;
        return p;
    }

    /** Plans again if the cadence says so (intraday re-planning with the forecasts of now). */
    public void maybeReplan(long nowNs) {
        if (plan == null || nowNs - plannedAtNs >= config.replanNs()) {
            Plan p = planFrom(nowNs);
            if (p != null) {
                plan = p;
            }
            plannedAtNs = nowNs;
        }
    }

    /** One allocation: power per accepted request id, kW, and which of them run forced. */
    public record Allocation(Map<Long, Double> powerKw, List<Long> forced) {
    }

    /**
     * The power of every active accepted request at {@code nowNs}, for the interval until the next
     * call (the caller reports what was drawn with {@link #delivered}). {@code surplusKw}: the local
     * supply actually available beyond the plan now (positive: more renewable than forecast), given to
     * the requests with least slack first up to their power.
     */
    public Allocation allocate(long nowNs, double surplusKw) {
        maybeReplan(nowNs);
        boolean emergencyOn = emergencyOn(nowNs);
        Map<Long, Double> power = new HashMap<>();
        List<Long> forced = new ArrayList<>();
        List<Accepted> flexible = new ArrayList<>();
        int slot = plan == null ? -1 : plan.grid().slotOf(nowNs);
        for (Accepted a : accepted) {
            ServiceRequest r = a.r;
            if (nowNs < r.earliestStartNs() || a.done(nowNs)) {
                continue;
            }
            if (emergencyOn && !basic(r) && !(r.isProgramme() && a.programmeStartNs >= 0)) {
                continue; // paused: basic needs only (a programme already running finishes, it cannot be interrupted)
            }
            if (r.isProgramme()) {
                if (a.programmeStartNs < 0) {
                    Long start = placedStart.get(r.id());
                    boolean due = start != null && nowNs >= start;
                    if (r.slackNs(nowNs, a.remainingKwh()) <= 0) { // forced: its latest start
                        a.forced = true;
                        due = true;
                    }
                    if (due) {
                        a.programmeStartNs = nowNs;
                    }
                }
                if (a.programmeStartNs >= 0) {
                    power.put(r.id(), r.profileKwAt(nowNs - a.programmeStartNs));
                    if (a.forced) {
                        forced.add(r.id());
                    }
                }
                continue;
            }
            if (r.slackNs(nowNs, a.remainingKwh()) <= 0) {
                a.forced = true;
            }
            if (a.forced) {
                power.put(r.id(), r.maxKw());
                forced.add(r.id());
                continue;
            }
            double planned = 0;
            if (plan != null && slot >= 0 && slot < plan.grid().count()) {
                int j = indexOf(r.id());
                if (j >= 0) {
                    planned = Math.min(r.maxKw(), plan.powerKw(j, slot));
                }
            }
            power.put(r.id(), planned);
            flexible.add(a);
        }
        // balancing: surplus to the least slack first
        flexible.sort((x, y) -> Long.compare(x.r.slackNs(nowNs, x.remainingKwh()), y.r.slackNs(nowNs, y.remainingKwh())));
        if (surplusKw > 0 && !flexible.isEmpty()) {
            double left = surplusKw;
            for (Accepted a : flexible) {
                double p = power.get(a.r.id());
                double add = Math.min(left, a.r.maxKw() - p);
                if (add > 0) {
                    power.put(a.r.id(), p + add);
                    left -= add;
                }
                if (left <= 0) {
                    break;
                }
            }
        }
        if (limit != PowerLimit.NONE && !flexible.isEmpty()) {
            congest(power, flexible, nowNs);
        }
        lastPower = new HashMap<>(power);
        return new Allocation(power, forced);
    }

    /**
     * Network congestion: at each point with flexible requests, what all requests there may draw is what they
     * drew until now plus the grid's headroom; forced use and running programmes keep theirs, the flexible
     * requests share the rest, least slack first ({@code flexible} is in that order).
     */
    private void congest(Map<Long, Double> power, List<Accepted> flexible, long nowNs) {
        Map<ConnectionPoint, double[]> byPoint = new java.util.LinkedHashMap<>(); // {what flexible requests there may still draw}
        java.util.Set<ConnectionPoint> points = new java.util.LinkedHashSet<>();
        for (Accepted a : flexible) {
            points.add(a.r.at());
        }
        for (ConnectionPoint at : points) {
            double room = limit.headroomKw(at, nowNs);
            if (!(room < Double.POSITIVE_INFINITY)) {
                byPoint.put(at, new double[] {Double.POSITIVE_INFINITY});
                continue;
            }
            double prev = 0;
            double fixed = 0;
            for (Accepted a : accepted) {
                if (!at.equals(a.r.at())) {
                    continue;
                }
                prev += lastPower.getOrDefault(a.r.id(), 0.0);
                if (!flexible.contains(a)) {
                    fixed += power.getOrDefault(a.r.id(), 0.0);
                }
            }
            byPoint.put(at, new double[] {Math.max(0, prev + room - fixed)});
        }
        for (Accepted a : flexible) {
            double[] left = byPoint.get(a.r.at());
            double p = power.get(a.r.id());
            double q = Math.min(p, left[0]);
            power.put(a.r.id(), q);
            left[0] -= q;
        }
    }

    private int indexOf(long id) {
        List<Job> jobs = plan.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            if (jobs.get(j).id() == id) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Energy a request drew up to {@code nowNs}, kWh (what its device reports, or the allocation times
     * the interval); a request is complete when all its energy is in (a programme: at its end).
     */
    public void delivered(long requestId, double kwh, long nowNs) {
        Accepted a = byId.get(requestId);
        if (a == null) {
            return;
        }
        a.deliveredKwh += kwh;
        if (a.forced) {
            a.forcedKwh += kwh;
            forcedKwh += kwh;
        }
        if (a.completedNs < 0 && (a.r.isProgramme() ? a.done(nowNs) : a.remainingKwh() <= 1e-9)) {
            a.completedNs = a.r.isProgramme() ? a.programmeStartNs + a.r.durationNs() : nowNs;
        }
    }

    /**
     * The earliest time an accepted request's slack reaches zero (forced use) at the power last allocated to it, so a
     * front-end can step at that instant and not a control step later; Long.MAX_VALUE if none. A request paused by the
     * emergency mode is not forced while it lasts (its slack may be gone: it is forced at the first allocation after),
     * so it names no instant. Each instant is {@link ServiceRequest#forcedAtNs}'s closed form (a request drawing p of its
     * max P loses its slack at 1 − p/P of the clock, none at full power); one less than
     * {@link ServiceRequest#MIN_STEP_NS} away is named at that distance, so the front-end never steps twice within it
     * for forced use (issue #15: naming the latest start for the energy left now stepped at now + slack, again and
     * again, while the power drawn moved it on).
     */
    public long nextForcedNs(long nowNs) {
        long t = Long.MAX_VALUE;
        boolean emergencyOn = emergency != null && emergency.active();
        for (Accepted a : accepted) {
            if (emergencyOn && !basic(a.r)) {
                continue;
            }
            if (!a.forced && !a.done(nowNs) && !(a.r.isProgramme() && a.programmeStartNs >= 0)) {
                long f = a.r.forcedAtNs(nowNs, a.remainingKwh(), lastPower.getOrDefault(a.r.id(), 0.0));
                if (f > nowNs && f != Long.MAX_VALUE) {
                    f = Math.max(f, nowNs + ServiceRequest.MIN_STEP_NS);
                }
                t = Math.min(t, Math.max(a.r.earliestStartNs(), f));
            }
        }
        return t;
    }

    public boolean isForced(long requestId) {
        Accepted a = byId.get(requestId);
        return a != null && a.forced;
    }

    /** Whether the request was completed by its deadline (all its energy, or its programme run). */
    public boolean met(long requestId) {
        Accepted a = byId.get(requestId);
        return a != null && a.completedNs >= 0 && a.completedNs <= a.r.deadlineNs();
    }

    /** When the request was completed, or −1. */
    public long completedNs(long requestId) {
        Accepted a = byId.get(requestId);
        return a == null ? -1 : a.completedNs;
    }

    public Plan plan() {
        return plan;
    }

    public long rejected() {
        return rejected;
    }

    public double forcedKwh() {
        return forcedKwh;
    }

    public int acceptedCount() {
        return accepted.size();
    }

    /** Plans made (admissions and re-plans) and the wall time they took, ns (for benchmarks). */
    public long plans() {
        return plans;
    }

    public long planNanos() {
        return planNanos;
    }
}
