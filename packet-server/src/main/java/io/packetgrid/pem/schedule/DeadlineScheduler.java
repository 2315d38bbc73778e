package io.packetgrid.pem.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plans deadline requests on slotted supply at least cost.
 *
 * <p>Formulation: pausable jobs j with energy e_j, power cap p_j and window [r_j, d_j) on slots t of
 * length Δ, and supply tiers k with capacity C_kt and price c_kt. A flow network source → job
 * (capacity e_j) → slot (capacity p_j × the window's hours in the slot) → tier of the slot (capacity
 * C_kt·Δ less fixed loads) → sink. The jobs can all be met iff the maximum flow equals Σe_j (Horn,
 * "Some simple scheduling algorithms", Naval Res. Logist. Q. 21, 1974: preemptive scheduling with
 * release times and deadlines as a transportation flow). Cost: the loads a flow can put on the tier
 * arcs form a polymatroid (flows into sink subsets; Megiddo, "Optimal flows in networks with multiple
 * sources and sinks", Math. Programming 7, 1974), so Edmonds' greedy is exact: open the tier arcs to
 * the sink in increasing price (then slot) order and augment the maximum flow after each; flow on
 * arcs already open never decreases (an augmenting path ends at the sink once). The result is a
 * least-cost schedule that meets every deadline when any schedule does, and otherwise meets as much
 * energy as possible ({@link Plan#unmetKwh()}).
 *
 * <p>Cost of planning: one Dinic augmentation per tier arc, K·T of them, each O(V²E) at worst and in
 * practice a few BFS passes over the E ≈ Σ_j (slots in its window) + K·T arcs.
 *
 * <p>Uninterruptible programmes (a dishwasher's) make the problem strongly NP-hard (sequencing with
 * release times and deadlines, Garey &amp; Johnson 1979, problem SS1); they are placed one at a time
 * before the flow ({@link #placeProgramme}: the cheapest start on the remaining supply, earliest among
 * equals) and enter it as a fixed load.
 */
public final class DeadlineScheduler {
    private DeadlineScheduler() {
    }

    /**
     * @param fixedKwh [tier][slot] energy already taken by fixed loads (placed programmes), or null
     */
    public static Plan plan(SlotGrid grid, List<Supply> tiers, double[][] fixedKwh, List<Job> jobs) {
        int n = grid.count();
        int kTiers = tiers.size();
        for (Supply s : tiers) {
            if (s.capacityKw().length != n) {
                throw new IllegalArgumentException("supply " + s.name() + " has " + s.capacityKw().length + " slots, the plan " + n);
            }
        }
        int jn = jobs.size();
        int source = 0;
        int sink = 1;
        int job0 = 2;
        int slot0 = job0 + jn;
        int tier0 = slot0 + n;
        MaxFlow g = new MaxFlow(tier0 + n * kTiers);
        double demand = 0;
        int[][] arcOf = new int[jn][];
        int[][] slotOf = new int[jn][];
        for (int j = 0; j < jn; j++) {
            Job job = jobs.get(j);
            demand += job.energyKwh();
            g.arc(source, job0 + j, job.energyKwh());
            int a = Math.max(0, grid.slotOf(job.earliestNs()));
            int b = Math.min(n - 1, grid.slotOf(job.deadlineNs() - 1));
            int count = Math.max(0, b - a + 1);
            arcOf[j] = new int[count];
            slotOf[j] = new int[count];
            for (int t = a; t <= b; t++) {
                double h = grid.overlapH(t, job.earliestNs(), job.deadlineNs());
                arcOf[j][t - a] = g.arc(job0 + j, slot0 + t, job.maxKw() * h);
                slotOf[j][t - a] = t;
            }
        }
        int[][] tierArc = new int[kTiers][n];
        for (int k = 0; k < kTiers; k++) {
            for (int t = 0; t < n; t++) {
                double c = tiers.get(k).capacityKw()[t] * grid.slotH() - (fixedKwh == null ? 0 : fixedKwh[k][t]);
                g.arc(slot0 + t, tier0 + k * n + t, Math.max(0, c));
            }
        }
        // open the tier arcs to the sink cheapest first (Edmonds' greedy on the polymatroid of tier loads)
        Integer[] order = new Integer[kTiers * n];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = Double.compare(tiers.get(x / n).price()[x % n], tiers.get(y / n).price()[y % n]);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(x % n, y % n);
            return c != 0 ? c : Integer.compare(x / n, y / n);
        });
        double flow = 0;
        for (int i : order) {
            int k = i / n;
            int t = i % n;
            tierArc[k][t] = g.arc(tier0 + k * n + t, sink, Double.POSITIVE_INFINITY);
            flow += g.augment(source, sink);
        }
        double[][] energy = new double[jn][n];
        for (int j = 0; j < jn; j++) {
            for (int i = 0; i < arcOf[j].length; i++) {
                energy[j][slotOf[j][i]] = clean(g.flow(arcOf[j][i]));
            }
        }
        double[][] drawn = new double[kTiers][n];
        double cost = 0;
        for (int k = 0; k < kTiers; k++) {
            for (int t = 0; t < n; t++) {
                drawn[k][t] = clean(g.flow(tierArc[k][t])) + (fixedKwh == null ? 0 : fixedKwh[k][t]);
                cost += drawn[k][t] * tiers.get(k).price()[t];
            }
        }
        return new Plan(grid, List.copyOf(jobs), energy, drawn, Math.max(0, demand - flow), cost);
    }

    private static double clean(double x) {
        return Math.abs(x) <= MaxFlow.EPS ? 0 : x;
    }

    /** A programme placed at a start: its energy per slot and what it takes of each tier (cheapest first). */
    public record Placement(long startNs, double[] slotKwh, double[][] tierKwh, double cost) {
    }

    /**
     * The cheapest start for an uninterruptible programme in [earliestNs, deadlineNs − its length],
     * trying the earliest start and every slot boundary after it, on the supply left by
     * {@code fixedKwh} (updated in place when placed). Null when no start fits the supply.
     */
    public static Placement placeProgramme(SlotGrid grid, List<Supply> tiers, double[][] fixedKwh, double[] profileKw, long stepNs,
                                           long earliestNs, long deadlineNs) {
        long duration = profileKw.length * stepNs;
        List<Long> starts = new ArrayList<>();
        starts.add(earliestNs);
        for (int t = grid.slotOf(earliestNs) + 1; t < grid.count(); t++) {
            starts.add(grid.slotStartNs(t));
        }
        Placement best = null;
        for (long s : starts) {
            if (s + duration > deadlineNs || s < grid.startNs() || s + duration > grid.endNs()) {
                continue;
            }
            Placement p = evaluate(grid, tiers, fixedKwh, profileKw, stepNs, s);
            if (p != null && (best == null || p.cost() < best.cost() - 1e-12)) {
                best = p;
            }
        }
        if (best != null) {
            for (int k = 0; k < tiers.size(); k++) {
                for (int t = 0; t < grid.count(); t++) {
                    fixedKwh[k][t] += best.tierKwh()[k][t];
                }
            }
        }
        return best;
    }

    private static Placement evaluate(SlotGrid grid, List<Supply> tiers, double[][] fixedKwh, double[] profileKw, long stepNs, long s) {
        int n = grid.count();
        double[] slot = new double[n];
        for (int i = 0; i < profileKw.length; i++) {
            long a = s + i * stepNs;
            long b = a + stepNs;
            for (int t = Math.max(0, grid.slotOf(a)); t <= Math.min(n - 1, grid.slotOf(b - 1)); t++) {
                slot[t] += profileKw[i] * grid.overlapH(t, a, b);
            }
        }
        double[][] take = new double[tiers.size()][n];
        double cost = 0;
        for (int t = 0; t < n; t++) {
            double need = slot[t];
            if (need <= 0) {
                continue;
            }
            // the slot's tiers cheapest first
            Integer[] ks = new Integer[tiers.size()];
            for (int k = 0; k < ks.length; k++) {
                ks[k] = k;
            }
            final int tt = t;
            Arrays.sort(ks, (x, y) -> Double.compare(tiers.get(x).price()[tt], tiers.get(y).price()[tt]));
            for (int k : ks) {
                double left = tiers.get(k).capacityKw()[t] * grid.slotH() - fixedKwh[k][t];
                double d = Math.min(need, Math.max(0, left));
                take[k][t] = d;
                cost += d * tiers.get(k).price()[t];
                need -= d;
            }
            if (need > MaxFlow.EPS) {
                return null;
            }
        }
        return new Placement(s, slot, take, cost);
    }
}
