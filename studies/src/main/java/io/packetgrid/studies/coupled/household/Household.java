package io.packetgrid.studies.coupled.household;

import io.packetgrid.pem.device.OnSiteGeneration;
import io.packetgrid.studies.coupled.scenario.DeviceType;
import io.packetgrid.studies.coupled.scenario.UserClass;
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
 * @param pv         its generation (rooftop PV and/or a small wind turbine), or null
 * @param services   deadline devices (dishwasher, sauna)
 * @param generators what {@code pv} is made of ({@code pv}, {@code wind})
 * @param userClass  its user class ({@code households.classes}), which sets its devices' priority band
 */
public record Household(int index, String id, int load, int shapeLoad, String bus, int phase, double xM, double yM,
                        List<DevicePlan> devices, OnSiteGeneration pv, List<ServicePlan> services, List<DeviceType> generators,
                        UserClass userClass) {

    public Household {
        devices = List.copyOf(devices);
        services = List.copyOf(services);
        generators = List.copyOf(generators);
        userClass = userClass == null ? UserClass.FLEXIBLE : userClass;
    }

    /** A flexible household with flexible devices and perhaps PV only. */
    public Household(int index, String id, int load, int shapeLoad, String bus, int phase, double xM, double yM,
                     List<DevicePlan> devices, OnSiteGeneration pv) {
        this(index, id, load, shapeLoad, bus, phase, xM, yM, devices, pv, List.of(), pv == null ? List.of() : List.of(DeviceType.PV),
                UserClass.FLEXIBLE);
    }

    /**
     * The priority level of its device of type {@code t}: its class's band plus the type's level
     * ({@code pem.priorities}).
     */
    public int priority(DeviceType t, java.util.Map<DeviceType, Integer> typeLevels) {
        return userClass.basePriority() + typeLevels.getOrDefault(t, 0);
    }

    /** Equipment as text for tables: {@code wh+ev+pv}. */
    public String equipment() {
        StringBuilder b = new StringBuilder();
        for (DevicePlan d : devices) {
            b.append(b.length() == 0 ? "" : "+").append(d.type().shortName());
        }
        for (ServicePlan d : services) {
            b.append(b.length() == 0 ? "" : "+").append(d.type().shortName());
        }
        for (DeviceType g : generators) {
            b.append(b.length() == 0 ? "" : "+").append(g.shortName());
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
