package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DeviceClass;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A community's rules, as data: which appliance classes go first when requests compete for the
 * same headroom (the founders' question: the cooker or the EV charger?), an optional cap on the
 * power each class may hold at once, and the fairness order within a rank. Lower rank goes first;
 * classes not listed share the rank after the listed ones. Within a class, a higher device
 * priority level goes first. The basic needs are what an {@link EmergencyMode} still serves: the listed
 * classes, and any request whose priority level is at least {@code basicPriority} (a hospital, a special
 * user class; null: none by level).
 *
 * @param order         classes from first to last
 * @param classCapKw    most power a class may hold in accepted packets at once (absent: no cap)
 * @param basicNeeds    classes that are basic needs
 * @param basicPriority priority level from which a request is a basic need, or null
 */
public record CommunityRules(List<DeviceClass> order, Map<DeviceClass, Double> classCapKw, Fairness fairness,
                             Set<DeviceClass> basicNeeds, Integer basicPriority) {

    public CommunityRules {
        order = List.copyOf(order);
        classCapKw = classCapKw.isEmpty() ? Map.of() : new EnumMap<>(classCapKw);
        basicNeeds = basicNeeds == null || basicNeeds.isEmpty() ? Set.of() : EnumSet.copyOf(basicNeeds);
    }

    /** Rules without basic needs. */
    public CommunityRules(List<DeviceClass> order, Map<DeviceClass, Double> classCapKw, Fairness fairness) {
        this(order, classCapKw, fairness, Set.of(), null);
    }

    /** Whether a request of this class and priority level is a basic need. */
    public boolean basicNeed(DeviceClass c, int priority) {
        return basicNeeds.contains(c) || (basicPriority != null && priority >= basicPriority);
    }

    public static CommunityRules none() {
        return new CommunityRules(List.of(), Map.of(), Fairness.ARRIVAL);
    }

    public int rank(DeviceClass c) {
        int i = order.indexOf(c);
        return i < 0 ? order.size() : i;
    }
}
