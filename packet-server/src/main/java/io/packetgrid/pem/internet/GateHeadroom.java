package io.packetgrid.pem.internet;

import io.packetgrid.pem.packet.ConnectionPoint;
import io.packetgrid.pem.policy.AssetLoading;
import io.packetgrid.pem.policy.GridGate;
import io.packetgrid.pem.policy.GridLimits;
import io.packetgrid.pem.policy.GridView;
import java.util.List;

/**
 * The grid gate's limits as headroom for continuous allocations: at a point with voltage V (the gate's
 * prediction) and own sensitivity dV/dP &lt; 0 (pu per kW; LinDistFlow, Baran &amp; Wu 1989), the extra draw
 * that keeps it at or above the lower limit is {@code (V − v_min)/(−dV/dP)}; on each asset upstream, loading
 * L of rating S (kVA) allows {@code (L_max − L)·S}. The least of them; +∞ where the view knows nothing. Only
 * consumption is limited (the lower voltage limit), as the gate's directional rule does for packets.
 */
public record GateHeadroom(GridGate gate) implements PowerLimit {

    @Override
    public double headroomKw(ConnectionPoint at, long nowNs) {
        GridLimits lim = gate.limits();
        GridView view = gate.view();
        double room = Double.POSITIVE_INFINITY;
        double v = gate.predictedPu(at, nowNs);
        double s = view.dvDpPuPerKw(at);
        if (!Double.isNaN(v)) {
            if (v < lim.vMinPu()) {
                room = !Double.isNaN(s) && s < 0 ? (v - lim.vMinPu()) / -s : 0;
            } else if (!Double.isNaN(s) && s < 0) {
                room = (v - lim.vMinPu()) / -s;
            }
        }
        List<AssetLoading> up = view.upstream(at);
        for (int i = 0; i < up.size(); i++) {
            AssetLoading a = up.get(i);
            if (Double.isFinite(lim.maxLoadingPu()) && a.ratingKva() > 0 && Double.isFinite(a.ratingKva())) {
                room = Math.min(room, (lim.maxLoadingPu() - a.loadingPu()) * a.ratingKva());
            }
        }
        return room;
    }
}
