package io.packetgrid.studies.coupled.household;

import io.packetgrid.pem.device.PvProfile;
import java.util.List;

/**
 * A household of a feeder: the load it is, where it is, the load shape its base load follows, and
 * its equipment.
 *
 * @param index      position in the feeder's household list (its connection point is bus index + 1)
 * @param id         the load's name (lower case), which names the household in outputs and endpoints
 * @param load       index of its load in the feeder script
 * @param shapeLoad  index of the load whose base shape it follows (itself on the first feeder copy)
 * @param bus        its bus
 * @param phase      its phase (1..3; 0 for a multi-phase load)
 * @param xM         map position, metres
 * @param yM         map position, metres
 * @param devices    flexible devices
 * @param pv         rooftop PV, or null
 */
public record Household(int index, String id, int load, int shapeLoad, String bus, int phase, double xM, double yM,
                        List<DevicePlan> devices, PvProfile pv) {

    public Household {
        devices = List.copyOf(devices);
    }

    /** Equipment as text for tables: {@code wh+ev+pv}. */
    public String equipment() {
        StringBuilder b = new StringBuilder();
        for (DevicePlan d : devices) {
            b.append(b.length() == 0 ? "" : "+").append(d.type().shortName());
        }
        if (pv != null) {
            b.append(b.length() == 0 ? "" : "+").append("pv");
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
