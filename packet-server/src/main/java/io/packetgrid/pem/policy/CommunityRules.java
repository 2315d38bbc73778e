package io.packetgrid.pem.policy;

import io.packetgrid.pem.packet.DeviceClass;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A community's rules, as data: which appliance classes go first when requests compete for the
 * same headroom (the founders' question: the cooker or the EV charger?), an optional cap on the
 * power each class may hold at once, and the fairness order within a rank. Lower rank goes first;
 * classes not listed share the rank after the listed ones. Within a class, a higher device
 * priority level goes first.
 *
 * @param order       classes from first to last
 * @param classCapKw  most power a class may hold in accepted packets at once (absent: no cap)
 */
public record CommunityRules(List<DeviceClass> order, Map<DeviceClass, Double> classCapKw, Fairness fairness) {

    public CommunityRules {
        order = List.copyOf(order);
        classCapKw = classCapKw.isEmpty() ? Map.of() : new EnumMap<>(classCapKw);
    }

    public static CommunityRules none() {
        return new CommunityRules(List.of(), Map.of(), Fairness.ARRIVAL);
    }

    public int rank(DeviceClass c) {
        int i = order.indexOf(c);
        return i < 0 ? order.size() : i;
    }
}
