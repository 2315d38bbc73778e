package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.pem.packet.DeviceEvent;
import io.packetgrid.pem.packet.PacketRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grid-aware admission after the tracking check (IREP 2022 Algorithm 1; ARPA-E NAPEM: reject
 * requests from nodes or feeders with active violations; PEM-NOTES §3.5, §5). Unmeasured points
 * pass (IREP 2022).
 *
 * <p>The view's voltages lag: they include the device powers up to {@link GridView#flowInputNs()}.
 * The gate therefore keeps the packets it accepted since then that are still running (until their
 * scheduled end or an interruption) and adds them to the prediction:
 * <ul>
 *   <li>at the request's own point, {@code V + Σ_j dV(at)/dP(j)·P_j + dV(at)/dP(at)·P}, where the
 *       transfer sensitivity {@link GridView#dvDpPuPerKw(ConnectionPoint, ConnectionPoint)} is known,
 *       else from the packets at that point only (own sensitivity);</li>
 *   <li>at every other point the view lists ({@link GridView#points()}),
 *       {@code V_k + Σ_j dV(k)/dP(j)·P_j + dV(k)/dP(at)·P}: a packet is denied if it moves a point
 *       outwards and leaves it outside the limits, so packets at two households cannot together push
 *       a third past a limit. This is the linearised admissibility of grid-aware aggregation (every
 *       nodal voltage inside its limits after the dispatch; Nazir &amp; Almassalkhi, IEEE TPWRS 2021,
 *       PEM-NOTES §5). A point already outside its limits blocks every packet that moves it further
 *       out, wherever that packet is.</li>
 *   <li>on the upstream assets, their loading plus the packets' kW over their rating.</li>
 * </ul>
 * Both voltage predictions only with {@link GridLimits#predictive()}. The gate re-reads the view (the
 * listed points' voltages, its sensitivities, which packets the voltages now include) when
 * {@link GridView#revision()} changes; the request's own voltage it reads at each request. Device
 * opt-outs (power nobody authorised) are not added: the next refresh shows them. A packet the
 * voltages include that ends before the next refresh is still in them (conservative).
 *
 * <p>Per request the cost is one pass over the unseen packets and one over the view's points, with
 * no allocation: the sums
 * {@code Σ_j dV(k)/dP(j)·P_j} are kept per point and updated as packets are accepted, end or are
 * interrupted, and recomputed when the view is refreshed.
 */
public final class GridGate {
    private final GridLimits limits;
    private GridView view;
    private long seenRevision;
    private boolean fresh = true;
    private long clockNs = Long.MIN_VALUE;

    // packets accepted at or after the view's flow input that are still running
    private int unseen;
    private ConnectionPoint[] at = new ConnectionPoint[16];
    private double[] kw = new double[16];
    private long[] acceptedNs = new long[16];
    private long[] endNs = new long[16];
    private long[] device = new long[16];
    private Object[] assetsOf = new Object[16];
    private long earliestEndNs = Long.MAX_VALUE;

    // the view's points: voltage at the refresh and Σ_j dV(k)/dP(j)·P_j over the unseen packets
    private List<ConnectionPoint> pointList;
    private ConnectionPoint[] points = new ConnectionPoint[0];
    private long[] pointKeys = new long[0];
    private double[] pointV = new double[0];
    private double[] pointDelta = new double[0];
    private double[] column = new double[0];
    private final PointIndex pointIndex = new PointIndex();
    private ConnectionPoint columnAt;

    private final Map<String, double[]> unseenOnAsset = new HashMap<>();

    public GridGate(GridLimits limits, GridView view) {
        this.limits = limits;
        this.view = view;
    }

    public void view(GridView view) {
        this.view = view;
        this.fresh = true;
        this.pointList = null;
    }

    public GridView view() {
        return view;
    }

    public GridLimits limits() {
        return limits;
    }

    /** Packets the gate adds to the view's voltages (accepted since its flow input, still running). */
    public int unseenPackets() {
        return unseen;
    }

    /**
     * The voltage the gate predicts at {@code p} at {@code nowNs}: the view's voltage plus the effect
     * of the packets it does not include yet ({@code V + Σ_j dV(p)/dP(j)·P_j}); NaN if unmeasured.
     */
    public double predictedPu(ConnectionPoint p, long nowNs) {
        sync(nowNs);
        return view.voltagePu(p) + unseenAt(p);
    }

    /** NONE if the packet is admissible, else VOLTAGE or LOADING; at the latest time the gate was told. */
    public DenyReason check(PacketRequest r) {
        return check(r, clockNs);
    }

    /** NONE if the packet is admissible at {@code nowNs}, else VOLTAGE or LOADING. */
    public DenyReason check(PacketRequest r, long nowNs) {
        sync(nowNs);
        double p = r.ratedKw();
        ConnectionPoint here = r.at();
        double v = view.voltagePu(here);
        if (!Double.isNaN(v)) {
            boolean low = v < limits.vMinPu();
            boolean high = v > limits.vMaxPu();
            if (limits.directional() ? (p > 0 && low) || (p < 0 && high) : low || high) {
                return DenyReason.VOLTAGE;
            }
            double s = pair(here, here);
            if (limits.predictive() && !Double.isNaN(s)) {
                double after = v + unseenAt(here) + s * p;
                if ((p > 0 && after < limits.vMinPu()) || (p < 0 && after > limits.vMaxPu())) {
                    return DenyReason.VOLTAGE;
                }
            }
        }
        if (limits.predictive() && p != 0 && points.length > 0) {
            double[] c = column(here);
            long hereKey = PointIndex.key(here);
            for (int k = 0; k < points.length; k++) {
                double vk = pointV[k];
                if (Double.isNaN(vk) || Double.isNaN(c[k]) || pointKeys[k] == hereKey) { // keys: no point object read per k
                    continue;
                }
                double d = c[k] * p;
                double after = vk + pointDelta[k] + d;
                if ((d < 0 && after < limits.vMinPu()) || (d > 0 && after > limits.vMaxPu())) {
                    return DenyReason.VOLTAGE;
                }
            }
        }
        if (p > 0) {
            List<AssetLoading> up = view.upstream(here);
            for (int i = 0; i < up.size(); i++) { // indexed: no iterator per request
                AssetLoading a = up.get(i);
                double[] since = unseenOnAsset.get(a.assetId());
                double added = p + (since == null ? 0 : since[0]);
                if (a.loadingPu() + added / a.ratingKva() > limits.maxLoadingPu()) {
                    return DenyReason.LOADING;
                }
            }
        }
        return DenyReason.NONE;
    }

    /** Records an accepted packet without an end, until the view's flow input passes it. */
    public void accepted(PacketRequest r) {
        sync(clockNs);
        add(r, Math.max(clockNs, view.flowInputNs()), Long.MAX_VALUE);
    }

    /** Records a packet accepted at {@code nowNs} that runs until {@code endNs}. */
    public void accepted(PacketRequest r, long nowNs, long endNs) {
        sync(nowNs);
        if (endNs > clockNs) {
            add(r, nowNs, endNs);
        }
    }

    /** An interruption ends the device's running packet early. */
    public void onEvent(DeviceEvent e, long nowNs) {
        sync(nowNs);
        if (e.type() != DeviceEvent.Type.INTERRUPT) {
            return;
        }
        for (int i = unseen - 1; i >= 0; i--) {
            if (device[i] == e.deviceId()) {
                remove(i);
                return;
            }
        }
    }

    // ---- bookkeeping

    private void sync(long nowNs) {
        if (nowNs > clockNs) {
            clockNs = nowNs;
        }
        if (fresh || view.revision() != seenRevision) {
            fresh = false;
            seenRevision = view.revision();
            refreshPoints();
            long seenUpTo = view.flowInputNs();
            int kept = 0;
            for (int i = 0; i < unseen; i++) {
                if (acceptedNs[i] >= seenUpTo && endNs[i] > clockNs) {
                    move(i, kept++);
                }
            }
            clearFrom(kept);
            recomputeSums();
        }
        if (clockNs >= earliestEndNs) {
            long next = Long.MAX_VALUE;
            for (int i = unseen - 1; i >= 0; i--) {
                if (endNs[i] <= clockNs) {
                    remove(i);
                }
            }
            for (int i = 0; i < unseen; i++) {
                next = Math.min(next, endNs[i]);
            }
            earliestEndNs = next;
        }
    }

    private void refreshPoints() {
        List<ConnectionPoint> list = view.points();
        if (list != pointList) {
            pointList = list;
            points = list.toArray(new ConnectionPoint[0]);
            int n = points.length;
            pointV = new double[n];
            pointDelta = new double[n];
            column = new double[n];
            pointIndex.clear();
            pointKeys = new long[n];
            for (int k = 0; k < n; k++) {
                pointKeys[k] = PointIndex.key(points[k]);  // one-to-one: equal keys, equal points
                pointIndex.add(pointKeys[k]);
            }
        }
        for (int k = 0; k < points.length; k++) {
            pointV[k] = view.voltagePu(points[k]);
        }
        columnAt = null; // the sensitivities may have changed
    }

    private void recomputeSums() {
        Arrays.fill(pointDelta, 0);
        for (double[] a : unseenOnAsset.values()) {
            a[0] = 0;
        }
        earliestEndNs = Long.MAX_VALUE;
        for (int i = 0; i < unseen; i++) {
            assetsOf[i] = view.upstream(at[i]);
            contribute(i, 1);
            earliestEndNs = Math.min(earliestEndNs, endNs[i]);
        }
    }

    private void add(PacketRequest r, long acceptedAtNs, long endAtNs) {
        if (unseen == at.length) {
            int n = 2 * unseen;
            at = Arrays.copyOf(at, n);
            kw = Arrays.copyOf(kw, n);
            acceptedNs = Arrays.copyOf(acceptedNs, n);
            endNs = Arrays.copyOf(endNs, n);
            device = Arrays.copyOf(device, n);
            assetsOf = Arrays.copyOf(assetsOf, n);
        }
        int i = unseen++;
        at[i] = r.at();
        kw[i] = r.ratedKw();
        acceptedNs[i] = acceptedAtNs;
        endNs[i] = endAtNs;
        device[i] = r.deviceId();
        assetsOf[i] = view.upstream(r.at());
        earliestEndNs = Math.min(earliestEndNs, endAtNs);
        contribute(i, 1);
    }

    private void remove(int i) {
        contribute(i, -1);
        move(unseen - 1, i);
        clearFrom(unseen - 1);
    }

    private void move(int from, int to) {
        if (from != to) {
            at[to] = at[from];
            kw[to] = kw[from];
            acceptedNs[to] = acceptedNs[from];
            endNs[to] = endNs[from];
            device[to] = device[from];
            assetsOf[to] = assetsOf[from];
        }
    }

    /** Keeps the first {@code n} packets. */
    private void clearFrom(int n) {
        Arrays.fill(at, n, unseen, null);
        Arrays.fill(assetsOf, n, unseen, null);
        unseen = n;
    }

    /** Adds (sign 1) or removes (−1) packet i's effect on the points and the assets. */
    @SuppressWarnings("unchecked")
    private void contribute(int i, int sign) {
        double p = sign * kw[i];
        if (points.length > 0) {
            double[] c = column(at[i]);
            for (int k = 0; k < points.length; k++) {
                if (!Double.isNaN(c[k])) {
                    pointDelta[k] += c[k] * p;
                }
            }
        }
        List<AssetLoading> up = (List<AssetLoading>) assetsOf[i];
        for (int k = 0; k < up.size(); k++) {
            unseenOnAsset.computeIfAbsent(up.get(k).assetId(), id -> new double[1])[0] += p;
        }
    }

    /** dV(k)/dP(from) for every listed point k, own sensitivity at {@code from} itself (cached for the last {@code from}). */
    private double[] column(ConnectionPoint from) {
        if (!from.equals(columnAt)) {
            view.dvDpPuPerKwColumn(from, column);
            int self = pointIndex.get(PointIndex.key(from));
            if (self >= 0) {
                column[self] = pair(from, from);
            }
            columnAt = from;
        }
        return column;
    }

    /** Σ_j dV(here)/dP(j)·P_j over the unseen packets whose effect on {@code here} is known. */
    private double unseenAt(ConnectionPoint here) {
        double sum = 0;
        for (int i = 0; i < unseen; i++) {
            double s = pair(here, at[i]);
            if (!Double.isNaN(s)) {
                sum += s * kw[i];
            }
        }
        return sum;
    }

    /** dV(k)/dP(from): at the same point the point's own sensitivity (else the transfer one's diagonal). */
    private double pair(ConnectionPoint k, ConnectionPoint from) {
        if (k.equals(from)) {
            double own = view.dvDpPuPerKw(k);
            return Double.isNaN(own) ? view.dvDpPuPerKw(k, k) : own;
        }
        return view.dvDpPuPerKw(k, from);
    }
}
