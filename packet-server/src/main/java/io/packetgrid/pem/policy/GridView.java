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

    /**
     * Transfer sensitivity: the change of {@code at}'s voltage per kW more consumed at {@code from},
     * pu per kW (on a radial feeder about minus the resistance of the path the two share with the
     * source, over V², LinDistFlow: Baran &amp; Wu, IEEE TPWRD 4(2), 1989); NaN if unknown. The
     * default knows none: the gate then predicts only a packet's own point from packets at that
     * point (its behaviour before transfer sensitivities).
     */
    default double dvDpPuPerKw(ConnectionPoint at, ConnectionPoint from) {
        return Double.NaN;
    }

    /**
     * The points whose voltage the gate predicts after every packet, wherever it is (those with
     * transfer sensitivities), so that packets at two points cannot together push a third past a
     * limit. Empty (the default): only the requesting point is predicted. Return the same list
     * object while the set does not change (the gate re-indexes when it changes).
     */
    default List<ConnectionPoint> points() {
        return List.of();
    }

    /**
     * Fills {@code out[k]} with {@link #dvDpPuPerKw(ConnectionPoint, ConnectionPoint)
     * dvDpPuPerKw(points().get(k), from)} for every listed point (the gate needs a whole column per
     * packet; a view holding a matrix can copy it instead of looking each entry up).
     */
    default void dvDpPuPerKwColumn(ConnectionPoint from, double[] out) {
        List<ConnectionPoint> p = points();
        for (int k = 0; k < p.size(); k++) {
            out[k] = dvDpPuPerKw(p.get(k), from);
        }
    }

    /** Assets between the point and the source with their latest loading (empty if unknown). */
    List<AssetLoading> upstream(ConnectionPoint at);

    /** When this view was last refreshed (packets accepted since then are not in it). */
    long updatedNs();

    /**
     * Changes whenever the view is refreshed, also twice at one time (the gate re-reads the view and
     * forgets the packets the new voltages include when it changes). The default is
     * {@link #updatedNs()}: enough for views refreshed at most once per time.
     */
    default long revision() {
        return updatedNs();
    }

    /**
     * The time of the device powers behind the voltages (e.g. the meter reading the last power flow
     * used): packets accepted at or after it are not in them, packets accepted before it are. The
     * default is {@link #updatedNs()}. A view refreshed more often than the power flow runs (or fed
     * a stale one) says so here, so the gate keeps counting the packets still running that the
     * voltages do not include.
     */
    default long flowInputNs() {
        return updatedNs();
    }

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
