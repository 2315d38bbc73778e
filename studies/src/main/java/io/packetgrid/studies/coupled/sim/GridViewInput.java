package io.packetgrid.studies.coupled.sim;

import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.policy.AssetLoading;
import io.packetgrid.pem.policy.GridView;
import io.packetgrid.pem.sim.ServerInputs;
import java.util.List;

/**
 * A grid-aware server's view of its feeder (packet-server's {@link GridView}, read by its
 * {@code GridGate}), held in arrays indexed by household (connection point bus = household index + 1):
 * each connection point's voltage and own dV/dP, and the transformer upstream of every household with
 * its loading.
 *
 * <p>Between power flows (every grid step) the voltages are estimated at every device step from the
 * households' metered device power (the fleet's household powers as they were when its meter was read,
 * at the device step: not the changes its replies cause between device steps, so that the view's time
 * says which packets the powers include) through the feeder's linear sensitivities,
 * {@code V_i ≈ V_i(pf) + Σ_j dV_i/dP_j · (P_j − P_j(pf))} — a linearised network model as in grid-aware
 * aggregation (Nazir &amp; Almassalkhi, IEEE TPWRS 2021, PEM-NOTES §5) — so that packets granted at
 * other households since the last power flow count at every node, not only at their own. The view's
 * time is that of the latest meter reading; the gate adds its own acceptances since then, at every
 * household through the same sensitivities ({@link #points()}, {@link #dvDpPuPerKw(ConnectionPoint,
 * ConnectionPoint)}).
 */
public final class GridViewInput implements ServerInputs, GridView {
    private final ValueKey<double[]> voltages;
    private final ValueKey<double[]> sensitivities;
    private final ValueKey<Double> transformer;
    private final ValueKey<double[]> transformerArray;   // MV network: every LV feeder's transformer, one entry ours
    private final ValueKey<double[]> assets;             // MV network: substation and MV voltage, four entries ours
    private final int feederIndex;
    private double[] assetsPf = new double[0];
    private final ValueKey<double[]> households;
    private final ValueKey<double[]> meter;
    private final double transformerKva;
    private final int n;
    private final int[] load;
    private final int loads;
    private final double[] estimate;
    private final double[] own;
    private final int[] movedAt;
    private boolean sensFinite;
    /** Which sensitivities {@link #sensT}'s rows were gathered from (one count per new matrix), per column. */
    private long sensRevision;
    private final long[] columnRevision;
    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);
    private double[] vPf;
    private double[] pPf;
    private double loadingPf;
    private double[] sens;
    private double[] sensRaw;
    /**
     * {@link #sens}'s columns as rows (row j = dV_k/dP_j for every k), each gathered at its first request after
     * new sensitivities: the gate asks for a column per request, and a contiguous copy beats a stride of a row.
     */
    private double[] sensT;
    private double[] vAll;
    private double lastMeterNs = Double.NaN;
    private List<AssetLoading> upstream = List.of();
    private long updatedNs = Long.MIN_VALUE;
    private long revision = Long.MIN_VALUE;
    private final List<ConnectionPoint> points;

    /**
     * @param voltages        every load's voltage (pu), load order
     * @param sensitivities   dV_i/dP_j among the loads (pu per kW consumed), row major, load order
     * @param transformer     the transformer loading, %
     * @param households      the fleet's household device power (kW, consumption positive)
     * @param meter           the fleet's meter ({time_ns, …}, read at each device step)
     * @param phases          each household's phase (1..3, 0 = all), in household order
     * @param householdLoad   each household's load index
     * @param loads           the feeder's number of loads
     * @param transformerKva  the rating of the feeder's transformer
     */
    public GridViewInput(ValueKey<double[]> voltages, ValueKey<double[]> sensitivities, ValueKey<Double> transformer,
                         ValueKey<double[]> households, ValueKey<double[]> meter, int[] phases, int[] householdLoad, int loads,
                         double transformerKva) {
        this(voltages, sensitivities, transformer, null, null, -1, households, meter, phases, householdLoad, loads, transformerKva);
    }

    /**
     * An LV feeder of an MV network: the sensitivities are among the feeder's households (n x n,
     * household order), its transformer's loading is entry {@code feeder} of {@code transformers} (%),
     * and entries {@code 4 feeder .. 4 feeder + 3} of {@code assets} are the zone substation and the MV
     * voltage at the feeder's transformer as upstream assets ({loading pu, rating} each), shared limits
     * every LV feeder's server sees.
     */
    public static GridViewInput ofMvFeeder(ValueKey<double[]> voltages, ValueKey<double[]> sensitivities, ValueKey<double[]> transformers,
                                           ValueKey<double[]> assets, int feeder, ValueKey<double[]> households, ValueKey<double[]> meter,
                                           int[] phases, int[] householdLoad, int loads, double transformerKva) {
        return new GridViewInput(voltages, sensitivities, null, transformers, assets, feeder, households, meter, phases, householdLoad,
                loads, transformerKva);
    }

    private GridViewInput(ValueKey<double[]> voltages, ValueKey<double[]> sensitivities, ValueKey<Double> transformer,
                          ValueKey<double[]> transformerArray, ValueKey<double[]> assets, int feederIndex, ValueKey<double[]> households,
                          ValueKey<double[]> meter, int[] phases, int[] householdLoad, int loads, double transformerKva) {
        this.transformerArray = transformerArray;
        this.assets = assets;
        this.feederIndex = feederIndex;
        int count = phases.length;
        this.load = householdLoad.clone();
        this.loads = loads;
        this.voltages = voltages;
        this.sensitivities = sensitivities;
        this.transformer = transformer;
        this.households = households;
        this.meter = meter;
        this.n = count;
        this.transformerKva = transformerKva;
        this.estimate = new double[count];
        this.own = new double[count];
        this.movedAt = new int[count];
        this.columnRevision = new long[count];
        java.util.Arrays.fill(estimate, Double.NaN);
        java.util.Arrays.fill(own, Double.NaN);
        this.points = List.copyOf(pointsOf(phases));
    }

    private static List<ConnectionPoint> pointsOf(int[] phases) {
        List<ConnectionPoint> p = new java.util.ArrayList<>();
        for (int h = 0; h < phases.length; h++) {
            p.add(new ConnectionPoint(h + 1, phases[h]));
        }
        return p;
    }

    @Override
    public void declare(Setup setup) {
        setup.subscribes(voltages);
        setup.subscribes(sensitivities);
        if (transformer != null) {
            setup.subscribes(transformer);
        } else {
            setup.subscribes(transformerArray);
            setup.subscribes(assets);
        }
        setup.subscribes(households);
        setup.subscribes(meter);
    }

    @Override
    public void refresh(Step step) {
        double[] s = step.read(sensitivities);
        if (s != sensRaw && s.length == n * n && transformer == null) {
            // an LV feeder of an MV network: already among the households, household order
            sensRaw = s;
            sens = s.clone();
            for (int i = 0; i < n; i++) {
                own[i] = sens[i * n + i];
            }
            columns();
        } else if (s != sensRaw && s.length == loads * loads) {
            sensRaw = s;
            double[] m = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i * n + j] = s[load[i] * loads + load[j]];
                }
                own[i] = m[i * n + i];
            }
            sens = m;
            columns();
        }
        double[] all = step.read(voltages);
        double meterNs = step.read(meter)[0];
        boolean newReading = meterNs != lastMeterNs;
        boolean newFlow = all != vAll;
        if (!newFlow && !newReading) {
            return;
        }
        double[] p = step.read(households);
        if (all.length != loads || p.length != n) {
            return;
        }
        lastMeterNs = meterNs;
        double[] v = newFlow ? households(all) : vPf;
        if (newFlow) {
            // the power flow of this grid step used the fleet's reading of the same step
            vAll = all;
            vPf = v;
            pPf = p;
            if (transformer != null) {
                loadingPf = step.read(transformer) / 100;
            } else {
                double[] t = step.read(transformerArray);
                loadingPf = t.length > feederIndex ? t[feederIndex] / 100 : Double.NaN;
                double[] a = step.read(assets);
                assetsPf = a.length >= 4 * feederIndex + 4 ? java.util.Arrays.copyOfRange(a, 4 * feederIndex, 4 * feederIndex + 4)
                        : new double[0];
            }
        }
        double dTotal = 0;
        boolean sum = sens != null && p != pPf;
        int moved = sum && sensFinite ? moved(p) : -1;
        for (int i = 0; i < n; i++) {
            double vi = vPf[i];
            if (sum) {
                int row = i * n;
                if (moved < 0 || Double.doubleToRawLongBits(vi) == NEGATIVE_ZERO) {
                    for (int j = 0; j < n; j++) { // every term, as the sum is written (−0.0 + 0.0 is +0.0)
                        vi += sens[row + j] * (p[j] - pPf[j]);
                    }
                } else {
                    for (int k = 0; k < moved; k++) {
                        int j = movedAt[k];
                        vi += sens[row + j] * (p[j] - pPf[j]);
                    }
                }
            }
            estimate[i] = vi;
        }
        for (int j = 0; j < n; j++) {
            dTotal += p[j] - pPf[j];
        }
        AssetLoading mine = new AssetLoading("transformer", loadingPf + dTotal / transformerKva, transformerKva);
        if (assetsPf.length == 4) {
            upstream = List.of(mine, new AssetLoading("substation", assetsPf[0] + dTotal / assetsPf[1], assetsPf[1]),
                    new AssetLoading("mv_voltage", assetsPf[2] + dTotal / assetsPf[3], assetsPf[3]));
        } else {
            upstream = List.of(mine);
        }
        updatedNs = step.now();
        revision = revision == Long.MIN_VALUE ? 0 : revision + 1;
    }

    /**
     * The households whose power moved since the power flow (p − p_pf ≠ 0, NaN included), ascending, into
     * {@link #movedAt}; their count. With finite sensitivities the estimate
     * {@code V_i(pf) + Σ_j dV_i/dP_j·(P_j − P_j(pf))} sums only these terms: every other term is a finite
     * number times ±0.0, a zero, and adding a zero leaves a sum that is not −0.0 as it was (IEEE 754 §6.3), so
     * the estimate is the same number while a few households of a feeder's hundred moved since the last flow.
     */
    private int moved(double[] p) {
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (p[j] - pPf[j] != 0) {
                movedAt[m++] = j;
            }
        }
        return m;
    }

    /**
     * After new sensitivities: whether every entry is finite (else the estimate sums every term: a zero times
     * NaN or an infinity is no zero), and no column gathered yet.
     */
    private void columns() {
        boolean finite = true;
        for (double x : sens) {
            finite &= Double.isFinite(x);
        }
        sensFinite = finite;
        if (sensT == null || sensT.length != sens.length) {
            sensT = new double[sens.length];
        }
        sensRevision++;
    }

    private double[] households(double[] all) {
        double[] v = new double[n];
        for (int h = 0; h < n; h++) {
            v[h] = all[load[h]];
        }
        return v;
    }

    private int index(ConnectionPoint at) {
        int h = at.bus() - 1;
        return h >= 0 && h < n ? h : -1;
    }

    @Override
    public double voltagePu(ConnectionPoint at) {
        int h = index(at);
        return h < 0 ? Double.NaN : estimate[h];
    }

    @Override
    public double dvDpPuPerKw(ConnectionPoint at) {
        int h = index(at);
        return h < 0 ? Double.NaN : own[h];
    }

    @Override
    public double dvDpPuPerKw(ConnectionPoint at, ConnectionPoint from) {
        int i = index(at);
        int j = index(from);
        return i < 0 || j < 0 || sens == null ? Double.NaN : sens[i * n + j];
    }

    @Override
    public void dvDpPuPerKwColumn(ConnectionPoint from, double[] out) {
        int j = index(from);
        if (j < 0 || sens == null) {
            java.util.Arrays.fill(out, 0, n, Double.NaN);
        } else {
            int at = j * n;
            if (columnRevision[j] != sensRevision) { // gathered once per matrix, at its first request
                for (int k = 0; k < n; k++) {
                    sensT[at + k] = sens[k * n + j];
                }
                columnRevision[j] = sensRevision;
            }
            System.arraycopy(sensT, at, out, 0, n);
        }
    }

    /** Every household's connection point: the gate predicts them all after each packet. */
    @Override
    public List<ConnectionPoint> points() {
        return sens == null ? List.of() : points;
    }

    @Override
    public long revision() {
        return revision;
    }

    /** The meter reading behind the estimate is the latest device step's. */
    @Override
    public long flowInputNs() {
        return updatedNs;
    }

    @Override
    public List<AssetLoading> upstream(ConnectionPoint at) {
        return index(at) < 0 ? List.of() : upstream;
    }

    @Override
    public long updatedNs() {
        return updatedNs;
    }
}
