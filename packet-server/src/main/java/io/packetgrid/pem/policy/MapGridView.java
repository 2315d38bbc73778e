package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.ConnectionPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link GridView} held in tables, refreshed by whoever has the grid results (a study's adapter,
 * the real server's telemetry, a test). Keys are (bus, phase); phase 0 reads the worst phase.
 * Voltage and sensitivity look-ups neither box nor allocate (the gate reads them per request).
 *
 * <p>Transfer sensitivities come as one row-major matrix over declared points, the layout a grid
 * federate publishes ({@code S[i·n + j]} = dV_i/dP_j, pu per kW): {@link #sensitivities}. Those
 * points are then the ones the gate predicts after every packet ({@link #points()}).
 */
public final class MapGridView implements GridView {
    private final PointIndex voltageIndex = new PointIndex();
    private double[] voltage = new double[16];
    private final PointIndex sensitivityIndex = new PointIndex();
    private double[] sensitivity = new double[16];
    private List<ConnectionPoint> points = List.of();
    private final PointIndex matrixIndex = new PointIndex();
    private double[] matrix;
    /** The matrix column-major (built at the first column asked for): a column is then one copy. */
    private double[] byColumn;
    private final Map<Integer, List<String>> upstreamIds = new HashMap<>();
    private final Map<String, AssetLoading> assets = new HashMap<>();
    /** Resolved upstream lists per bus (null: not yet resolved since the last path or loading change). */
    private final PointIndex upstreamIndex = new PointIndex();
    private final List<List<AssetLoading>> upstreamCache = new ArrayList<>();
    private long updatedNs = Long.MIN_VALUE;
    private long flowInputNs = Long.MIN_VALUE;
    private long revision;

    public MapGridView voltage(int bus, int phase, double pu) {
        int s = voltageIndex.add(PointIndex.key(bus, phase));
        if (s >= voltage.length) {
            voltage = Arrays.copyOf(voltage, 2 * voltage.length);
        }
        voltage[s] = pu;
        return this;
    }

    /** The point's own sensitivity dV/dP, pu per kW (negative for consumption on a radial feeder). */
    public MapGridView sensitivity(int bus, int phase, double puPerKw) {
        int s = sensitivityIndex.add(PointIndex.key(bus, phase));
        if (s >= sensitivity.length) {
            sensitivity = Arrays.copyOf(sensitivity, 2 * sensitivity.length);
        }
        sensitivity[s] = puPerKw;
        return this;
    }

    /**
     * Transfer sensitivities among {@code at}: {@code rowMajor[i·n + j]} = change of point i's
     * voltage per kW more consumed at point j, pu per kW (n = {@code at.size()}). The array is held,
     * not copied (a published value: nobody changes it). Points missing from the matrix have no
     * transfer sensitivity; a point's own sensitivity defaults to the diagonal.
     */
    public MapGridView sensitivities(List<ConnectionPoint> at, double[] rowMajor) {
        int n = at.size();
        if (rowMajor.length != n * n) {
            throw new IllegalArgumentException("sensitivity matrix needs " + n + "×" + n + " entries, got " + rowMajor.length);
        }
        if (!at.equals(points)) {
            points = List.copyOf(at);
            matrixIndex.clear();
            for (ConnectionPoint p : points) {
                if (matrixIndex.add(PointIndex.key(p)) != matrixIndex.size() - 1) {
                    throw new IllegalArgumentException("point listed twice in the sensitivity matrix: " + p);
                }
            }
        }
        matrix = rowMajor;
        byColumn = null;
        return this;
    }

    /** The assets feeding {@code bus}, nearest first. */
    public MapGridView path(int bus, List<String> assetIds) {
        upstreamIds.put(bus, List.copyOf(assetIds));
        Collections.fill(upstreamCache, null);
        return this;
    }

    public MapGridView loading(String assetId, double loadingPu, double ratingKva) {
        assets.put(assetId, new AssetLoading(assetId, loadingPu, ratingKva));
        Collections.fill(upstreamCache, null);
        return this;
    }

    /**
     * Refreshed at {@code nowNs} with a power flow of the device powers at that time. Call it (or
     * {@link #updated(long, long)}) after every change: the gate re-reads the view when it is called.
     */
    public MapGridView updated(long nowNs) {
        return updated(nowNs, nowNs);
    }

    /**
     * Refreshed at {@code nowNs} with voltages that include the device powers up to
     * {@code flowInputNs} (see {@link GridView#flowInputNs()}).
     */
    public MapGridView updated(long nowNs, long flowInputNs) {
        this.updatedNs = nowNs;
        this.flowInputNs = flowInputNs;
        this.revision++;
        return this;
    }

    private static double read(PointIndex index, double[] values, int bus, int phase) {
        int s = index.get(PointIndex.key(bus, phase));
        return s < 0 ? Double.NaN : values[s];
    }

    @Override
    public double voltagePu(ConnectionPoint at) {
        if (at.phase() != 0) {
            double v = read(voltageIndex, voltage, at.bus(), at.phase());
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        double worst = Double.NaN;
        for (int ph = 0; ph <= 3; ph++) {
            double v = read(voltageIndex, voltage, at.bus(), ph);
            if (!Double.isNaN(v) && (Double.isNaN(worst) || Math.abs(v - 1) > Math.abs(worst - 1))) {
                worst = v;
            }
        }
        return worst;
    }

    @Override
    public double dvDpPuPerKw(ConnectionPoint at) {
        double s = read(sensitivityIndex, sensitivity, at.bus(), at.phase());
        if (Double.isNaN(s)) {
            s = read(sensitivityIndex, sensitivity, at.bus(), 0);
        }
        return Double.isNaN(s) ? dvDpPuPerKw(at, at) : s;
    }

    private int matrixSlot(ConnectionPoint p) {
        int s = matrixIndex.get(PointIndex.key(p));
        return s >= 0 || p.phase() == 0 ? s : matrixIndex.get(PointIndex.key(p.bus(), 0));
    }

    @Override
    public double dvDpPuPerKw(ConnectionPoint at, ConnectionPoint from) {
        if (matrix == null) {
            return Double.NaN;
        }
        int i = matrixSlot(at);
        int j = matrixSlot(from);
        return i < 0 || j < 0 ? Double.NaN : matrix[i * points.size() + j];
    }

    @Override
    public void dvDpPuPerKwColumn(ConnectionPoint from, double[] out) {
        int n = points.size();
        int j = matrix == null ? -1 : matrixSlot(from);
        if (j < 0) {
            Arrays.fill(out, 0, n, Double.NaN);
            return;
        }
        if (byColumn == null) {
            byColumn = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < n; c++) {
                    byColumn[c * n + i] = matrix[i * n + c];
                }
            }
        }
        System.arraycopy(byColumn, j * n, out, 0, n);
    }

    @Override
    public List<ConnectionPoint> points() {
        return points;
    }

    @Override
    public List<AssetLoading> upstream(ConnectionPoint at) {
        int slot = upstreamIndex.add(PointIndex.key(at.bus(), 0));
        if (slot == upstreamCache.size()) {
            upstreamCache.add(null);
        }
        List<AssetLoading> cached = upstreamCache.get(slot);
        if (cached != null) {
            return cached;
        }
        List<String> ids = upstreamIds.get(at.bus());
        List<AssetLoading> out = new ArrayList<>(ids == null ? 0 : ids.size());
        if (ids != null) {
            for (String id : ids) {
                AssetLoading a = assets.get(id);
                if (a != null) {
                    out.add(a);
                }
            }
        }
        List<AssetLoading> resolved = out.isEmpty() ? List.of() : Collections.unmodifiableList(out);
        upstreamCache.set(slot, resolved);
        return resolved;
    }

    @Override
    public long updatedNs() {
        return updatedNs;
    }

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public long flowInputNs() {
        return flowInputNs;
    }
}
