package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DenyReason;
import io.packetgrid.pem.packet.PacketRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Grid-aware admission after the tracking check (IREP 2022 Algorithm 1; ARPA-E NAPEM: reject
 * requests from nodes or feeders with active violations; PEM-NOTES §3.5, §5). Unmeasured points
 * pass (IREP 2022). Packets accepted since the grid view's last refresh are added at their node
 * and on their upstream assets, so a burst of accepts at one node between two power flows cannot
 * all slip through.
 */
public final class GridGate {
    private final GridLimits limits;
    private GridView view;
    private long seenUpdateNs = Long.MIN_VALUE;
    private final Map<Long, Double> sinceUpdateAtNode = new HashMap<>();
    private final Map<String, Double> sinceUpdateOnAsset = new HashMap<>();

    public GridGate(GridLimits limits, GridView view) {
        this.limits = limits;
        this.view = view;
    }

    public void view(GridView view) {
        this.view = view;
    }

    public GridView view() {
        return view;
    }

    private void sync() {
        if (view.updatedNs() != seenUpdateNs) {
            seenUpdateNs = view.updatedNs();
            sinceUpdateAtNode.clear();
            sinceUpdateOnAsset.clear();
        }
    }

    private static long node(PacketRequest r) {
        return ((long) r.at().bus() << 8) | r.at().phase();
    }

    /** NONE if the packet is admissible, else VOLTAGE or LOADING. */
    public DenyReason check(PacketRequest r) {
        sync();
        double kw = r.ratedKw();
        double v = view.voltagePu(r.at());
        if (!Double.isNaN(v)) {
            boolean low = v < limits.vMinPu();
            boolean high = v > limits.vMaxPu();
            if (limits.directional() ? (kw > 0 && low) || (kw < 0 && high) : low || high) {
                return DenyReason.VOLTAGE;
            }
            double s = view.dvDpPuPerKw(r.at());
            if (limits.predictive() && !Double.isNaN(s)) {
                double after = v + s * (kw + sinceUpdateAtNode.getOrDefault(node(r), 0.0));
                if ((kw > 0 && after < limits.vMinPu()) || (kw < 0 && after > limits.vMaxPu())) {
                    return DenyReason.VOLTAGE;
                }
            }
        }
        if (kw > 0) {
            for (AssetLoading a : view.upstream(r.at())) {
                double added = kw + sinceUpdateOnAsset.getOrDefault(a.assetId(), 0.0);
                if (a.loadingPu() + added / a.ratingKva() > limits.maxLoadingPu()) {
                    return DenyReason.LOADING;
                }
            }
        }
        return DenyReason.NONE;
    }

    /** Records an accepted packet until the next refresh. */
    public void accepted(PacketRequest r) {
        sync();
        sinceUpdateAtNode.merge(node(r), r.ratedKw(), Double::sum);
        for (AssetLoading a : view.upstream(r.at())) {
            sinceUpdateOnAsset.merge(a.assetId(), r.ratedKw(), Double::sum);
        }
    }
}
