package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.ConnectionPoint;
import java.util.List;

/**
 * The server's latest view of the grid, for grid-aware ("network-admissible") admission
 * (IREP 2022 Algorithm 1; ARPA-E NODES "NAPEM", PEM-NOTES §3.5 and §5). packet-server does not know
 * grid-model: a study adapts power-flow results to this interface.
 */
public interface GridView {

    /** Latest measured voltage magnitude at the point (its phase; the worst phase if phase 0), pu; NaN if unmeasured. */
    double voltagePu(ConnectionPoint at);

    /**
     * Sensitivity of the point's voltage to consumption there, pu per kW (negative for a load on a
     * radial feeder); NaN if unknown.
     */
    double dvDpPuPerKw(ConnectionPoint at);

    /** Assets between the point and the source with their latest loading (empty if unknown). */
    List<AssetLoading> upstream(ConnectionPoint at);

    /** When this view was last refreshed (packets accepted since then are not in it). */
    long updatedNs();

    /** No grid information: every point unmeasured. */
    GridView NONE = new GridView() {
        @Override
        public double voltagePu(ConnectionPoint at) {
            return Double.NaN;
        }

        @Override
        public double dvDpPuPerKw(ConnectionPoint at) {
            return Double.NaN;
        }

        @Override
        public List<AssetLoading> upstream(ConnectionPoint at) {
            return List.of();
        }

        @Override
        public long updatedNs() {
            return Long.MIN_VALUE;
        }
    };
}
