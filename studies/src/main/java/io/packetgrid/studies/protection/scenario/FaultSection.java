package io.packetgrid.studies.protection.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where, what and how hard the sampled faults are (YAML {@code faults:}).
 *
 * @param buses         candidate buses (uniform); default: every bus with three phases downstream of the
 *                      first relay's element (the protected zone)
 * @param types         relative frequency of each type ({@code slg, ll, dlg, 3ph, 3phg}); default the
 *                      usual shares of overhead distribution faults, single line to ground 75 %, line to
 *                      line 10 %, double line to ground 10 %, three phase 5 % (e.g. Glover, Sarma and
 *                      Overbye, Power System Analysis and Design, §9 introduction: 70–80 % SLG, 2–5 % 3ph)
 * @param resistanceOhm fault resistance range {@code [min, max]}, uniform (default {@code [0, 0.3]}: arcing
 *                      LV faults of a few hundred milliohms)
 */
public record FaultSection(@JsonProperty("buses") List<String> buses,
                           @JsonProperty("types") Map<String, Double> types,
                           @JsonProperty("resistance_ohm") List<Double> resistanceOhm) {

    public FaultSection {
        buses = buses == null ? List.of() : List.copyOf(buses);
        if (types == null || types.isEmpty()) {
            Map<String, Double> t = new LinkedHashMap<>();
            t.put("slg", 0.75);
            t.put("ll", 0.10);
            t.put("dlg", 0.10);
            t.put("3ph", 0.05);
            types = t;
        } else {
            types = new LinkedHashMap<>(types);
        }
        for (Map.Entry<String, Double> e : types.entrySet()) {
            if (io.packetgrid.grid.fault.FaultType.byLabel(e.getKey()) == null) {
                throw new IllegalArgumentException("unknown fault type '" + e.getKey() + "' (slg, ll, dlg, 3ph, 3phg)");
            }
            if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite()) {
                throw new IllegalArgumentException("types." + e.getKey() + " must be a weight ≥ 0");
            }
        }
        if (types.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("types: the weights add up to 0");
        }
        resistanceOhm = resistanceOhm == null ? List.of(0.0, 0.3) : List.copyOf(resistanceOhm);
        if (resistanceOhm.size() != 2 || !(resistanceOhm.get(0) >= 0) || !(resistanceOhm.get(1) >= resistanceOhm.get(0))
                || resistanceOhm.get(1).isInfinite()) {
            throw new IllegalArgumentException("resistance_ohm must be [min, max] with 0 ≤ min ≤ max, got " + resistanceOhm);
        }
    }

    public static FaultSection defaults() {
        return new FaultSection(null, null, null);
    }
}
