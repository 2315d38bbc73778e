package io.packetgrid.studies.coupled.events;

import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.federate.GridFederate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a feeder's time line did to its customers and its micro-grid, read from the grid federate's values
 * after each solution (every grid step, and whenever energisation or the island changed): the energy not
 * served (what the de-energised loads would have drawn, integrated between solutions), the customer
 * interruption minutes (households without supply × minutes), each island (from the PCC opening to its
 * collapse or reconnection: the battery's lowest state of charge, when it collapsed), the import peak after
 * each reconnection (the rebound), and rows for the time-line plot.
 */
public final class TimelineRecorder implements Federate {

    /** One row: time (s), LV voltage envelope (pu), battery (kW, % SoC), islanded (0/1), unserved (kW), source (kW). */
    public record Row(double tS, double vMinPu, double vMaxPu, double batteryKw, double socPct, double islanded, double unservedKw,
                      double sourceKw, int householdsOut) {
    }

    /** One island: times in ns ({@code SimTime.NEVER} when it did not happen). */
    public static final class Island {
        public long openNs;
        public long collapseNs = SimTime.NEVER;
        public long closeNs = SimTime.NEVER;
        public double minSocPct = Double.POSITIVE_INFINITY;
        public double startSocPct;
        public double reboundPeakKw = Double.NaN;
        public double unservedKwh;
    }

    private final String name;
    private final GridFederate grid;
    private final int[] householdLoad;
    private final long stepNs;
    private final long reboundNs;
    private final ValueKey<Double> vMin;
    private final ValueKey<Double> vMax;
    private final ValueKey<Double> source;
    private final boolean island;
    private final List<Row> rows = new ArrayList<>();
    private final List<Island> islands = new ArrayList<>();
    private double unservedKwh;
    private double customerMinutes;
    private long lastNs;
    private double lastUnserved;
    private int lastOut;
    private boolean pccOpen;
    private boolean alive;

    /**
     * @param householdLoad each household's load index (entries of the grid's energisation array)
     * @param reboundNs     how long after a reconnection the import peak is looked for
     */
    public TimelineRecorder(String name, GridFederate grid, int[] householdLoad, long stepNs, long reboundNs) {
        this.name = name;
        this.grid = grid;
        this.householdLoad = householdLoad.clone();
        this.stepNs = stepNs;
        this.reboundNs = reboundNs;
        this.vMin = grid.summaryKey("v_min_pu");
        this.vMax = grid.summaryKey("v_max_pu");
        this.source = grid.summaryKey("source_kw");
        this.island = grid.microgrid() != null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long initialize(Setup setup) {
        setup.after(grid.name());
        setup.wakesOn(grid.energisedKey());
        setup.subscribes(grid.unservedKey());
        setup.subscribes(vMin);
        setup.subscribes(vMax);
        setup.subscribes(source);
        if (island) {
            setup.wakesOn(grid.islandKey("islanded"));
            setup.wakesOn(grid.islandKey("pcc_open"));
            setup.subscribes(grid.islandKey("battery_kw"));
            setup.subscribes(grid.islandKey("battery_soc_pct"));
        }
        rows.clear();
        islands.clear();
        unservedKwh = 0;
        customerMinutes = 0;
        lastNs = 0;
        lastUnserved = 0;
        lastOut = 0;
        pccOpen = false;
        alive = false;
        return 0;
    }

    private void integrate(long now) {
        double dtS = (now - lastNs) / 1e9;
        if (dtS > 0) {
            double kwh = lastUnserved * dtS / 3600;
            unservedKwh += kwh;
            customerMinutes += lastOut * dtS / 60;
            if (pccOpen && !islands.isEmpty()) {
                islands.get(islands.size() - 1).unservedKwh += kwh;
            }
        }
        lastNs = now;
    }

    @Override
    public long step(Step step) {
        long now = step.now();
        integrate(now);
        double[] on = step.read(grid.energisedKey());
        int out = 0;
        for (int l : householdLoad) {
            if (l < on.length && on[l] < 0.5) {
                out++;
            }
        }
        lastOut = out;
        lastUnserved = step.read(grid.unservedKey());
        double kw = Double.NaN;
        double soc = Double.NaN;
        double isl = 0;
        if (island) {
            kw = step.read(grid.islandKey("battery_kw"));
            soc = step.read(grid.islandKey("battery_soc_pct"));
            boolean nowOpen = step.read(grid.islandKey("pcc_open")) > 0.5;
            boolean nowAlive = step.read(grid.islandKey("islanded")) > 0.5;
            isl = nowAlive ? 1 : 0;
            if (nowOpen && !pccOpen) {
                Island i = new Island();
                i.openNs = now;
                i.startSocPct = soc;
                islands.add(i);
                if (!nowAlive) {
                    i.collapseNs = now;   // dead at once (no energy above the reserve)
                }
            }
            Island cur = islands.isEmpty() ? null : islands.get(islands.size() - 1);
            if (cur != null && nowOpen && alive && !nowAlive && cur.collapseNs == SimTime.NEVER) {
                cur.collapseNs = now;
            }
            if (cur != null && !nowOpen && pccOpen) {
                cur.closeNs = now;
            }
            if (cur != null && (nowOpen || pccOpen) && nowAlive) {
                cur.minSocPct = Math.min(cur.minSocPct, soc);
            }
            // the rebound: the import peak after each reconnection, within the window
            double src = step.read(source);
            for (Island i : islands) {
                if (i.closeNs != SimTime.NEVER && now >= i.closeNs && now - i.closeNs <= reboundNs && Double.isFinite(src)) {
                    i.reboundPeakKw = Double.isNaN(i.reboundPeakKw) ? src : Math.max(i.reboundPeakKw, src);
                }
            }
            pccOpen = nowOpen;
            alive = nowAlive;
        }
        Double lo = step.read(vMin);
        Double hi = step.read(vMax);
        rows.add(new Row(now / 1e9, lo == null ? Double.NaN : lo, hi == null ? Double.NaN : hi, kw, soc, isl, lastUnserved,
                step.read(source), out));
        return (now / stepNs + 1) * stepNs;
    }

    @Override
    public void finish(long endNs) {
        integrate(endNs);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Island> islands() {
        return islands;
    }

    /** Energy the de-energised loads would have drawn, kWh. */
    public double unservedKwh() {
        return unservedKwh;
    }

    /** Households without supply × minutes. */
    public double customerInterruptionMinutes() {
        return customerMinutes;
    }
}
