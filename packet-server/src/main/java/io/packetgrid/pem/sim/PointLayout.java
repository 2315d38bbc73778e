package io.packetgrid.pem.sim;

import io.packetgrid.pem.device.OnSiteGeneration;
import io.packetgrid.pem.packet.ConnectionPoint;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * The per-connection-point output of a {@link DeviceFleetFederate} ({@code <fleet>/point_kw}): the
 * order of its entries, and the rooftop PV at each point, whose output is subtracted there (a
 * household's meter: devices minus PV, what a grid model loads at its bus and phase).
 *
 * @param points        the order of the output (each at most once); every agent's point must be listed
 * @param pv            the generation at each point, PV or wind (null entries: none), or null for none at all
 * @param clockOffsetS  time of day at simulated time 0, s ({@link OnSiteGeneration} counts from midnight)
 */
public record PointLayout(List<ConnectionPoint> points, List<? extends OnSiteGeneration> pv, double clockOffsetS) {

    public PointLayout {
        points = List.copyOf(points);
        if (new HashSet<>(points).size() != points.size()) {
            throw new IllegalArgumentException("a connection point is listed twice");
        }
        if (pv != null) {
            if (pv.size() != points.size()) {
                throw new IllegalArgumentException("one PV entry per point: " + pv.size() + " for " + points.size() + " points");
            }
            pv = Collections.unmodifiableList(Arrays.asList(pv.toArray(new OnSiteGeneration[0])));
        }
        if (!Double.isFinite(clockOffsetS)) {
            throw new IllegalArgumentException("clock offset must be finite");
        }
    }

    /** These points in this order, no PV. */
    public static PointLayout of(List<ConnectionPoint> points) {
        return new PointLayout(points, null, 0);
    }
}
