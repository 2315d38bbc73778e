package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.ConnectionPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link GridView} held in maps, refreshed by whoever has the grid results (a study's adapter,
 * the real server's telemetry, a test). Keys are (bus, phase); phase 0 reads the worst phase.
 */
public final class MapGridView implements GridView {
    private final Map<Long, Double> voltage = new HashMap<>();
    private final Map<Long, Double> sensitivity = new HashMap<>();
    private final Map<Integer, List<String>> upstreamIds = new HashMap<>();
    private final Map<String, AssetLoading> assets = new HashMap<>();
    private long updatedNs = Long.MIN_VALUE;

    private static long key(int bus, int phase) {
        return ((long) bus << 8) | phase;
    }

    public MapGridView voltage(int bus, int phase, double pu) {
        voltage.put(key(bus, phase), pu);
        return this;
    }

    public MapGridView sensitivity(int bus, int phase, double puPerKw) {
        sensitivity.put(key(bus, phase), puPerKw);
        return this;
    }

    /** The assets feeding {@code bus}, nearest first. */
    public MapGridView path(int bus, List<String> assetIds) {
        upstreamIds.put(bus, List.copyOf(assetIds));
        return this;
    }

    public MapGridView loading(String assetId, double loadingPu, double ratingKva) {
        assets.put(assetId, new AssetLoading(assetId, loadingPu, ratingKva));
        return this;
    }

    public MapGridView updated(long nowNs) {
        this.updatedNs = nowNs;
        return this;
    }

    @Override
    public double voltagePu(ConnectionPoint at) {
        if (at.phase() != 0) {
            Double v = voltage.get(key(at.bus(), at.phase()));
            if (v != null) {
                return v;
            }
        }
        double worst = Double.NaN;
        for (int ph = 0; ph <= 3; ph++) {
            Double v = voltage.get(key(at.bus(), ph));
            if (v != null && (Double.isNaN(worst) || Math.abs(v - 1) > Math.abs(worst - 1))) {
                worst = v;
            }
        }
        return worst;
    }

    @Override
    public double dvDpPuPerKw(ConnectionPoint at) {
        Double s = sensitivity.get(key(at.bus(), at.phase()));
        if (s == null) {
            s = sensitivity.get(key(at.bus(), 0));
        }
        return s == null ? Double.NaN : s;
    }

    @Override
    public List<AssetLoading> upstream(ConnectionPoint at) {
        List<String> ids = upstreamIds.get(at.bus());
        if (ids == null) {
            return List.of();
        }
        List<AssetLoading> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            AssetLoading a = assets.get(id);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public long updatedNs() {
        return updatedNs;
    }
}
