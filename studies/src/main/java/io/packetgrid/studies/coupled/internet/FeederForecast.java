package io.packetgrid.studies.coupled.internet;

import io.packetgrid.cosim.random.RandomStreams;
import io.packetgrid.pem.forecast.ForecastErrorModel;
import io.packetgrid.pem.internet.SupplyForecast;
import io.packetgrid.pem.schedule.SlotGrid;
import io.packetgrid.pem.schedule.Supply;
import io.packetgrid.studies.coupled.inputs.StudyInputs;
import java.util.List;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;

/**
 * A feeder's supply as its Energy-Internet server expects it when it plans: the net local supply (the
 * households' PV and wind minus their base load) per slot, forecast from the truth with packet-server's
 * {@link ForecastErrorModel} (an error along the lead time, a fresh draw per issue slot from a stream named
 * after the feeder and the slot, so forecasts do not depend on how often the server plans); the
 * thermostatic and other PEM devices' draw by persistence (their mean over the last hour, what the server
 * last measured); and two priced tiers: the local surplus left after both (priced at the export price it
 * would otherwise earn) and import up to the feeder's limit minus any local deficit (at the import price).
 */
public final class FeederForecast implements SupplyForecast {
    private final double[] netKw;
    private final long stepNs;
    private final ForecastErrorModel model;
    private final double importLimitKw;
    private final StudyInputs prices;
    private final DoubleSupplier pemKw;
    private final long seed;
    private final String stream;
    /** Slot start (ns) → the first forecast issued for it and its truth (the day-ahead view of that slot). */
    private final TreeMap<Long, double[]> firstIssued = new TreeMap<>();
    private SlotGrid lastGrid;
    private double[] lastKw = new double[0];

    /**
     * @param netKw   the truth, renewable minus base load per device step of the run, kW
     * @param pemKw   the PEM devices' recent mean draw (persistence), kW
     * @param stream  names the forecast's random streams ({@code coupled/<feeder>/forecast})
     */
    public FeederForecast(double[] netKw, long stepNs, ForecastErrorModel model, double importLimitKw, StudyInputs prices,
                          DoubleSupplier pemKw, long seed, String stream) {
        this.netKw = netKw.clone();
        this.stepNs = stepNs;
        this.model = model;
        this.importLimitKw = importLimitKw;
        this.prices = prices;
        this.pemKw = pemKw;
        this.seed = seed;
        this.stream = stream;
    }

    /** The truth's mean over slot {@code t} (the part inside the run; 0 past its end). */
    double slotTruth(SlotGrid g, int t) {
        long from = g.slotStartNs(t) / stepNs;
        long to = (g.slotStartNs(t) + g.slotNs()) / stepNs;
        double sum = 0;
        int n = 0;
        for (long k = Math.max(0, from); k < to && k < netKw.length; k++) {
            sum += netKw[(int) k];
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    @Override
    public List<Supply> tiers(SlotGrid grid, long issuedNs) {
        int n = grid.count();
        double[] truth = new double[n];
        for (int t = 0; t < n; t++) {
            truth[t] = slotTruth(grid, t);
        }
        var rng = new RandomStreams(seed).stream(stream + "/" + grid.slotOf(issuedNs) + "@" + grid.startNs());
        double[] f = model.forecast(truth, 0, grid.slotNs() / 1e9, -1e12, 1e12, rng);
        double pem = Math.max(0, pemKw.getAsDouble());
        double[] local = new double[n];
        double[] imp = new double[n];
        double[] localPrice = new double[n];
        double[] impPrice = new double[n];
        for (int t = 0; t < n; t++) {
            double left = f[t] - pem;
            local[t] = Math.max(0, left);
            imp[t] = Math.max(0, importLimitKw - Math.max(0, -left));
            long at = grid.slotStartNs(t);
            localPrice[t] = prices.exportPrice(at);
            impPrice[t] = prices.importPrice(at);
            if (grid.slotStartNs(t) + grid.slotNs() <= (long) netKw.length * stepNs) {
                firstIssued.putIfAbsent(at, new double[] {f[t], truth[t]});
            }
        }
        lastGrid = grid;
        lastKw = f;
        return List.of(new Supply("local", local, localPrice), new Supply("import", imp, impPrice));
    }

    /** The latest forecast of the net local supply for the slot holding {@code tNs}, kW (NaN before the first plan). */
    public double latestKw(long tNs) {
        if (lastGrid == null) {
            return Double.NaN;
        }
        int t = lastGrid.slotOf(tNs);
        return t >= 0 && t < lastKw.length ? lastKw[t] : Double.NaN;
    }

    /**
     * RMSE of the day-ahead forecasts: each slot of the run against its truth, as first forecast (at the first
     * plan covering it), kW; NaN with none.
     */
    public double dayAheadRmseKw() {
        double sq = 0;
        for (double[] e : firstIssued.values()) {
            sq += (e[0] - e[1]) * (e[0] - e[1]);
        }
        return firstIssued.isEmpty() ? Double.NaN : Math.sqrt(sq / firstIssued.size());
    }

    /** Slots in {@link #dayAheadRmseKw()}. */
    public int dayAheadSlots() {
        return firstIssued.size();
    }
}
