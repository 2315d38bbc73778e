package io.packetgrid.studies.sweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One factor of the sweep's cartesian product: a plain axis (one field) or a zipped group (several
 * fields whose i-th values go together). Each tuple holds one value per field, in field order.
 */
public record Dimension(List<SweepField> fields, List<List<JsonNode>> tuples) {
    public Dimension {
        fields = List.copyOf(fields);
        tuples = tuples.stream().map(List::copyOf).toList();
    }

    public int size() {
        return tuples.size();
    }

    /** The position of the field overriding {@code column}, or −1. */
    public int indexOf(String column) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).column().equals(column)) {
                return i;
            }
        }
        return -1;
    }
}
