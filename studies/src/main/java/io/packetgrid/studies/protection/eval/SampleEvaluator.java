package io.packetgrid.studies.protection.eval;

import io.packetgrid.grid.fault.FaultResult;
import io.packetgrid.grid.protection.IslandVoltage;
import io.packetgrid.grid.protection.Measurements;
import io.packetgrid.radio.reliability.DeliveryTimeDistribution;
import io.packetgrid.radio.reliability.PathSampler;
import io.packetgrid.studies.protection.model.ProtectionSystem;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundBreaker;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundDg;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundRelay;
import io.packetgrid.studies.protection.model.ProtectionSystem.BoundScheme;
import io.packetgrid.studies.protection.radio.RadioSample;
import io.packetgrid.studies.protection.scenario.RequirementSpec.Metric;
import io.packetgrid.studies.protection.scenario.SchemeSpec.Kind;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Evaluates one sample: the protection's response to the fault (relay starts and stage times, DG terminal
 * voltages: deterministic, from the fault analysis), then per variant the schemes' messages over that
 * variant's radio paths, twice:
 * <ul>
 *   <li>analytic — the exact conditional probability of missing each deadline given the sample (fault,
 *       positions, shadowing), from the delivery-time distributions: a message misses a deadline d when
 *       its latency plus processing exceeds d; a block misses when it arrives after the upstream relay's
 *       blockable stage operates; a transfer trip only exists when its trigger breaker opens, with the
 *       probability of that (which may itself depend on a block) as the sample's weight;</li>
 *   <li>sampled — one draw of every message ({@link PathSampler}) along the sample's timeline, for
 *       requirements whose event involves several messages sent together (all DG units tripped), for the
 *       fault-to-isolation times, and as the {@code sampled} method.</li>
 * </ul>
 * A fault incepts at a uniformly random time (uniform phase of every radio schedule).
 */
public final class SampleEvaluator {
    private final ProtectionSystem sys;
    private final List<Row> rows;
    private final List<List<Integer>> rowsOfScheme = new ArrayList<>();
    private final long procNs;
    private final long[] gridNs;
    private final PathSampler sampler = new PathSampler();

    /** The deterministic response to one fault. */
    public record Response(RelayState[] relays, double[] dgFaultPu, double[] dgPassiveFaultS) {
    }

    public SampleEvaluator(ProtectionSystem sys, List<Row> rows, long[] ccdfGridNs) {
        this.sys = sys;
        this.rows = rows;
        this.procNs = sys.section().messages().processing().ns();
        this.gridNs = ccdfGridNs.clone();
        for (int s = 0; s < sys.schemes().size(); s++) {
            rowsOfScheme.add(new ArrayList<>());
        }
        for (int r = 0; r < rows.size(); r++) {
            rowsOfScheme.get(rows.get(r).scheme()).add(r);
        }
    }

    /** Relay states and DG voltages for a solved fault. */
    public Response respond(FaultResult fault) {
        RelayState[] rs = new RelayState[sys.relays().size()];
        for (BoundRelay r : sys.relays()) {
            rs[r.index()] = RelayState.of(r, fault);
        }
        double[] pu = new double[sys.dgs().size()];
        double[] passive = new double[sys.dgs().size()];
        for (BoundDg d : sys.dgs()) {
            double[] v = Measurements.voltagesPu(fault, d.nodes());
            double m = Double.POSITIVE_INFINITY;
            for (double x : v) {
                m = Math.min(m, x);
            }
            pu[d.index()] = m;
            passive[d.index()] = d.passive().operateTimeS(v);
        }
        return new Response(rs, pu, passive);
    }

    private static long ns(double s) {
        return Math.round(s * 1e9);
    }

    private static double s(long ns) {
        return ns / 1e9;
    }

    private int deviceOfTarget(int t) {
        return t >= 0 ? sys.deviceOfDg(t) : sys.deviceOfBreaker(-1 - t);
    }

    /** Evaluates one variant's radio realisation for a sample; {@code out} is overwritten. */
    public void evaluate(Response resp, RadioSample radio, UniformRandomProvider rng, SampleOutput out) {
        out.clear();
        sampled(resp, radio, rng, out);
        analytic(resp, radio, out);
    }

    // ------------------------------------------------------------------------------------- sampled

    private void count(int row, boolean miss, SampleOutput out) {
        out.trials[row]++;
        if (miss) {
            out.misses[row]++;
        }
    }

    /**
     * Counts one scheme message in its transfer and air-interface rows; rows with another payload than the
     * scheme's draw their own message of that size on the same path at the same time.
     */
    private void countMessage(BoundScheme sc, PathSampler.Draw own, int from, int to, long sentNs, RadioSample radio,
                              UniformRandomProvider rng, SampleOutput out) {
        for (int r : rowsOfScheme.get(sc.index())) {
            Row row = rows.get(r);
            PathSampler.Draw d = own;
            if (row.metric() != Metric.ISOLATION && row.bytes() != sc.bytes()) {
                d = sampler.draw(radio.path(from, to, row.bytes()).hops(), sentNs, rng);
            }
            if (row.metric() == Metric.TRANSFER) {
                count(r, d.lost() || d.latencyNs() + procNs > row.deadlineNs(), out);
            } else if (row.metric() == Metric.AIR_INTERFACE) {
                count(r, d.firstHopNs() < 0 || d.firstHopNs() > row.deadlineNs(), out);
            }
        }
    }

    private void countIsolation(BoundScheme sc, double timeS, SampleOutput out) {
        for (int r : rowsOfScheme.get(sc.index())) {
            Row row = rows.get(r);
            if (row.metric() == Metric.ISOLATION) {
                count(r, !(timeS <= s(row.deadlineNs())), out);
            }
        }
    }

    private void sampled(Response resp, RadioSample radio, UniformRandomProvider rng, SampleOutput out) {
        RelayState[] rs = resp.relays();
        long tf = (long) (rng.nextDouble() * 1e9);
        boolean[] blocked = new boolean[rs.length];
        for (BoundScheme sc : sys.schemes()) {
            if (sc.kind() != Kind.BLOCKING) {
                continue;
            }
            RelayState u = rs[sc.upstreamRelay()];
            for (int d : sc.downstreamRelays()) {
                if (!rs[d].picks()) {
                    continue;
                }
                int from = sys.deviceOfRelay(d);
                int to = sys.deviceOfRelay(sc.upstreamRelay());
                long sent = tf + ns(rs[d].startS());
                PathSampler.Draw draw = sampler.draw(radio.path(from, to, sc.bytes()).hops(), sent, rng);
                countMessage(sc, draw, from, to, sent, radio, rng, out);
                if (!draw.lost() && rs[d].startS() + s(draw.latencyNs() + procNs) <= u.fastS()) {
                    blocked[sc.upstreamRelay()] = true;
                }
            }
        }
        Clearing cl = new Clearing(sys, rs, blocked);
        for (BoundScheme sc : sys.schemes()) {
            switch (sc.kind()) {
                case BLOCKING -> {
                    boolean ok = selective(sc, rs, cl);
                    double t = ok ? cl.clearS : Double.POSITIVE_INFINITY;
                    countIsolation(sc, t, out);
                    out.isolationMs[sc.index()] = cl.clearS * 1e3;
                }
                case TRANSFER_TRIP -> {
                    if (!cl.opened(sc.triggerBreaker())) {
                        break;
                    }
                    double open = cl.openS[sc.triggerBreaker()];
                    BoundBreaker b = sys.breakers().get(sc.triggerBreaker());
                    double last = 0;
                    for (int t : sc.targets()) {
                        long sent = tf + ns(open);
                        PathSampler.Draw draw = sampler.draw(radio.path(sc.sender(), deviceOfTarget(t), sc.bytes()).hops(), sent, rng);
                        countMessage(sc, draw, sc.sender(), deviceOfTarget(t), sent, radio, rng, out);
                        double viaMsg = draw.lost() ? Double.POSITIVE_INFINITY : s(draw.latencyNs() + procNs) + actS(t);
                        last = Math.max(last, Math.min(viaMsg, passiveIslandS(t, b)));
                    }
                    countIsolation(sc, last, out);
                    out.isolationMs[sc.index()] = (open + last) * 1e3;
                }
                case PERMISSIVE -> {
                    RelayState u = rs[sc.upstreamRelay()];
                    if (!u.picks()) {
                        break;
                    }
                    double last = Double.NaN;
                    for (int t : sc.targets()) {
                        long sent = tf + ns(u.startS());
                        PathSampler.Draw draw = sampler.draw(radio.path(sc.sender(), sys.deviceOfDg(t), sc.bytes()).hops(), sent, rng);
                        countMessage(sc, draw, sc.sender(), sys.deviceOfDg(t), sent, radio, rng, out);
                        if (started(t, resp)) {
                            double arrive = draw.lost() ? Double.POSITIVE_INFINITY : u.startS() + s(draw.latencyNs() + procNs);
                            double trip = permissiveTripS(t, arrive, resp);
                            last = Double.isNaN(last) ? trip : Math.max(last, trip);
                        }
                    }
                    if (!Double.isNaN(last)) {
                        countIsolation(sc, last, out);
                        out.isolationMs[sc.index()] = last * 1e3;
                    }
                }
            }
        }
    }

    /** Whether a DG's own fault detector starts (its terminal voltage dips below its start level). */
    private boolean started(int dg, Response resp) {
        return resp.dgFaultPu()[dg] < sys.dgs().get(dg).startPu();
    }

    /** Trip-to-open time of a transfer-trip target: a DG's disconnect time or a breaker's operating time. */
    private double actS(int target) {
        return target >= 0 ? sys.dgs().get(target).disconnectS() : sys.breakers().get(-1 - target).operatingS();
    }

    /** A DG's own passive trip in the island left by breaker {@code b} (from the island's formation). */
    private double passiveIslandS(int target, BoundBreaker b) {
        if (target < 0) {
            return Double.POSITIVE_INFINITY;
        }
        BoundDg d = sys.dgs().get(target);
        double v = IslandVoltage.pu(b.islandDgKw(), b.islandLoadKw());
        return d.passive().operateTimeS(new double[] {v}) + d.disconnectS();
    }

    /** A DG's trip time under a permissive scheme (s from fault inception), for a permit arriving at {@code permitS}. */
    private double permissiveTripS(int dg, double permitS, Response resp) {
        BoundDg d = sys.dgs().get(dg);
        double viaPermit = resp.dgFaultPu()[dg] < d.startPu() ? Math.max(d.startS(), permitS) + d.disconnectS()
                : Double.POSITIVE_INFINITY;
        return Math.min(viaPermit, resp.dgPassiveFaultS()[dg] + d.disconnectS());
    }

    /** Whether the blocking scheme's zone was cleared by the right breaker only. */
    private boolean selective(BoundScheme sc, RelayState[] rs, Clearing cl) {
        List<Integer> expected = new ArrayList<>();
        for (int d : sc.downstreamRelays()) {
            if (rs[d].picks()) {
                expected.add(sys.relays().get(d).breaker());
            }
        }
        if (expected.isEmpty()) {
            expected.add(sys.relays().get(sc.upstreamRelay()).breaker());
        }
        if (!(cl.clearS < Double.POSITIVE_INFINITY)) {
            return false;
        }
        for (int b = 0; b < sys.breakers().size(); b++) {
            boolean involved = b == sys.relays().get(sc.upstreamRelay()).breaker() || expected.contains(b);
            if (involved && cl.opened(b) != expected.contains(b)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------- analytic

    /** One random block in the sample (the only case with a closed form for what depends on it). */
    private record Branching(double pUnblocked, int upstream) {
    }

    private void analytic(Response resp, RadioSample radio, SampleOutput out) {
        RelayState[] rs = resp.relays();
        // the blocks of this sample: analytic when at most one block message decides anything
        int random = 0;
        Branching branching = null;
        for (BoundScheme sc : sys.schemes()) {
            if (sc.kind() != Kind.BLOCKING) {
                continue;
            }
            for (int d : sc.downstreamRelays()) {
                if (rs[d].picks()) {
                    random++;
                    RadioSample.Path p = radio.path(sys.deviceOfRelay(d), sys.deviceOfRelay(sc.upstreamRelay()), sc.bytes());
                    double slack = rs[sc.upstreamRelay()].fastS() - rs[d].startS();
                    double pUnblocked = slack == Double.POSITIVE_INFINITY ? 0.0 : p.whole().missProbability(ns(slack) - procNs);
                    branching = new Branching(pUnblocked, sc.upstreamRelay());
                }
            }
        }
        boolean known = random <= 1;
        Clearing unblocked = new Clearing(sys, rs, new boolean[rs.length]);
        Clearing blockedCl = null;
        if (branching != null) {
            boolean[] b = new boolean[rs.length];
            b[branching.upstream()] = true;
            blockedCl = new Clearing(sys, rs, b);
        }
        double pU = branching == null ? 1.0 : branching.pUnblocked();

        for (BoundScheme sc : sys.schemes()) {
            List<Integer> my = rowsOfScheme.get(sc.index());
            switch (sc.kind()) {
                case BLOCKING -> {
                    messages(my, out, sc, 1.0, bytes -> {
                        List<RadioSample.Path> list = new ArrayList<>();
                        for (int d : sc.downstreamRelays()) {
                            if (rs[d].picks()) {
                                list.add(radio.path(sys.deviceOfRelay(d), sys.deviceOfRelay(sc.upstreamRelay()), bytes));
                            }
                        }
                        return list;
                    });
                    for (int r : my) {
                        Row row = rows.get(r);
                        if (row.metric() == Metric.ISOLATION) {
                            out.weight[r] = 1;
                            out.miss[r] = known ? isolationMiss(sc, rs, unblocked, blockedCl, pU, row) : Double.NaN;
                        }
                    }
                }
                case TRANSFER_TRIP -> {
                    int trig = sc.triggerBreaker();
                    double pOpen = Double.NaN;
                    if (known) {
                        pOpen = blockedCl == null ? (unblocked.opened(trig) ? 1 : 0)
                                : pU * (unblocked.opened(trig) ? 1 : 0) + (1 - pU) * (blockedCl.opened(trig) ? 1 : 0);
                    }
                    if (Double.isNaN(pOpen)) {
                        markUnknown(my, out);
                        break;
                    }
                    if (pOpen <= 0) {
                        break;
                    }
                    messages(my, out, sc, pOpen, bytes -> {
                        List<RadioSample.Path> list = new ArrayList<>();
                        for (int t : sc.targets()) {
                            list.add(radio.path(sc.sender(), deviceOfTarget(t), bytes));
                        }
                        return list;
                    });
                    BoundBreaker b = sys.breakers().get(trig);
                    for (int r : my) {
                        Row row = rows.get(r);
                        if (row.metric() != Metric.ISOLATION) {
                            continue;
                        }
                        out.weight[r] = pOpen;
                        List<RadioSample.Path> paths = new ArrayList<>();
                        List<Long> budgets = new ArrayList<>();
                        for (int t : sc.targets()) {
                            paths.add(radio.path(sc.sender(), deviceOfTarget(t), row.bytes()));
                            budgets.add(passiveIslandS(t, b) <= s(row.deadlineNs()) ? Long.MAX_VALUE
                                    : row.deadlineNs() - procNs - ns(actS(t)));
                        }
                        out.miss[r] = jointMiss(paths, budgets);
                    }
                }
                case PERMISSIVE -> {
                    RelayState u = rs[sc.upstreamRelay()];
                    if (!u.picks()) {
                        break;
                    }
                    messages(my, out, sc, 1.0, bytes -> {
                        List<RadioSample.Path> list = new ArrayList<>();
                        for (int t : sc.targets()) {
                            list.add(radio.path(sc.sender(), sys.deviceOfDg(t), bytes));
                        }
                        return list;
                    });
                    for (int r : my) {
                        Row row = rows.get(r);
                        if (row.metric() != Metric.ISOLATION) {
                            continue;
                        }
                        List<RadioSample.Path> paths = new ArrayList<>();
                        List<Long> budgets = new ArrayList<>();
                        for (int t : sc.targets()) {
                            if (!started(t, resp)) {
                                continue;
                            }
                            BoundDg d = sys.dgs().get(t);
                            double dl = s(row.deadlineNs());
                            paths.add(radio.path(sc.sender(), sys.deviceOfDg(t), row.bytes()));
                            if (resp.dgPassiveFaultS()[t] + d.disconnectS() <= dl) {
                                budgets.add(Long.MAX_VALUE);
                            } else if (d.startS() + d.disconnectS() > dl) {
                                budgets.add(-1L);
                            } else {
                                budgets.add(row.deadlineNs() - procNs - ns(u.startS()) - ns(d.disconnectS()));
                            }
                        }
                        if (paths.isEmpty()) {
                            continue;
                        }
                        out.weight[r] = 1;
                        out.miss[r] = jointMiss(paths, budgets);
                    }
                }
            }
        }
    }

    /**
     * P[some message of a group sent at once misses its budget] (radio-model's
     * {@link DeliveryTimeDistribution#jointMissProbability}); a message whose budget is
     * {@code Long.MAX_VALUE} cannot make the group miss (its unit trips passively in time anyway, delivered
     * or not) and is left out; a negative budget is always missed.
     */
    private static double jointMiss(List<RadioSample.Path> paths, List<Long> budgetsNs) {
        List<DeliveryTimeDistribution> ds = new ArrayList<>();
        List<Double> budgets = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            if (budgetsNs.get(k) != Long.MAX_VALUE) {
                ds.add(paths.get(k).whole());
                budgets.add((double) budgetsNs.get(k));
            }
        }
        return ds.isEmpty() ? 0.0
                : DeliveryTimeDistribution.jointMissProbability(ds, budgets.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** P[the blocking scheme's fault is not cleared selectively within the deadline]. */
    private double isolationMiss(BoundScheme sc, RelayState[] rs, Clearing unblocked, Clearing blocked, double pU, Row row) {
        double d = s(row.deadlineNs());
        double mU = selective(sc, rs, unblocked) && unblocked.clearS <= d ? 0 : 1;
        if (blocked == null) {
            return mU;
        }
        double mB = selective(sc, rs, blocked) && blocked.clearS <= d ? 0 : 1;
        return pU * mU + (1 - pU) * mB;
    }

    private void markUnknown(List<Integer> my, SampleOutput out) {
        for (int r : my) {
            out.weight[r] = 1;
            out.miss[r] = Double.NaN;
        }
    }

    /** Transfer and air-interface rows: the mean miss probability of the scheme's messages, with a weight. */
    private void messages(List<Integer> my, SampleOutput out, BoundScheme sc, double w,
                          java.util.function.IntFunction<List<RadioSample.Path>> pathsFor) {
        if (w <= 0) {
            return;
        }
        List<RadioSample.Path> own = pathsFor.apply(sc.bytes());
        if (own.isEmpty()) {
            return;
        }
        for (int r : my) {
            Row row = rows.get(r);
            if (row.metric() == Metric.ISOLATION) {
                continue;
            }
            List<RadioSample.Path> msgs = row.bytes() == sc.bytes() ? own : pathsFor.apply(row.bytes());
            double sum = 0;
            for (RadioSample.Path p : msgs) {
                DeliveryTimeDistribution dist = row.metric() == Metric.TRANSFER ? p.whole() : p.air();
                long budget = row.metric() == Metric.TRANSFER ? row.deadlineNs() - procNs : row.deadlineNs();
                sum += dist.missProbability(budget);
            }
            out.weight[r] = w;
            out.miss[r] = sum / msgs.size();
        }
        DeliveryTimeDistribution first = own.get(0).whole();
        out.ccdfWeight[sc.index()] = w;
        for (int g = 0; g < gridNs.length; g++) {
            out.ccdf[sc.index()][g] = first.missProbability(gridNs[g] - procNs);
        }
    }
}
