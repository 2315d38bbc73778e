package io.packetgrid.studies.coupled.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Community rules of each feeder's server (YAML {@code community:}; packet-server
 * {@code CommunityRules}): which classes go first when requests compete, a cap on the power a class
 * may hold in accepted packets (per household of the feeder), and fairness within a rank; the basic needs
 * an island's emergency mode still serves (device classes, and requests from this priority level up).
 */
public record CommunitySpec(@JsonProperty("order") List<DeviceType> order,
                            @JsonProperty("class_cap_kw_per_household") Map<DeviceType, Double> classCapKwPerHousehold,
                            @JsonProperty("fairness") Fairness fairness,
                            @JsonProperty("basic_needs") List<DeviceType> basicNeeds,
                            @JsonProperty("basic_priority") Integer basicPriority) {

    /** packet-server {@code Fairness}. */
    public enum Fairness { ARRIVAL, LONGEST_WAITING }

    public CommunitySpec {
        order = order == null ? List.of() : List.copyOf(order);
        classCapKwPerHousehold = classCapKwPerHousehold == null ? Map.of() : Map.copyOf(classCapKwPerHousehold);
        fairness = fairness == null ? Fairness.ARRIVAL : fairness;
        basicNeeds = basicNeeds == null ? List.of() : List.copyOf(basicNeeds);
        for (var e : classCapKwPerHousehold.entrySet()) {
            if (!(e.getValue() >= 0)) {
                throw new IllegalArgumentException("class_cap_kw_per_household." + e.getKey().label() + " must be ≥ 0");
            }
        }
    }

    public static CommunitySpec none() {
        return new CommunitySpec(null, null, null, null, null);
    }
}
