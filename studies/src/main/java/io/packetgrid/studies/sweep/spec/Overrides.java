package io.packetgrid.studies.sweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packetgrid.cosim.error.PacketGridException;
import java.util.List;

/**
 * Sets scenario fields in a YAML tree. Missing sections on the way are created (a field the base
 * scenario leaves at its default can be swept); whether the field exists at all and whether the value
 * fits is for the study's strict mapping to say, and the sweep names the sweep field in its error.
 * Only what a tree cannot hold is refused here: a path through a value that is not a section, or
 * past the end of a list.
 */
public final class Overrides {
    private Overrides() {
    }

    /** Sets {@code field.path} to a copy of {@code value} in {@code root}. */
    public static void apply(ObjectNode root, SweepField field, JsonNode value) {
        List<FieldPath.Segment> segs = field.path().segments();
        JsonNode cur = root;
        for (int i = 0; i < segs.size(); i++) {
            FieldPath.Segment seg = segs.get(i);
            boolean last = i == segs.size() - 1;
            String here = field.path().prefix(i + 1);
            if (seg instanceof FieldPath.Name name) {
                if (!(cur instanceof ObjectNode obj)) {
                    throw new PacketGridException(field.location(), notASection(field, i, cur));
                }
                if (last) {
                    obj.set(name.name(), value.deepCopy());
                    return;
                }
                JsonNode next = obj.get(name.name());
                if (next == null || next.isNull()) {
                    if (segs.get(i + 1) instanceof FieldPath.Index) {
                        throw new PacketGridException(field.location(), "'" + here + "' is not a list in the base scenario");
                    }
                    next = obj.putObject(name.name());
                }
                cur = next;
            } else {
                int index = ((FieldPath.Index) seg).index();
                if (!(cur instanceof ArrayNode arr)) {
                    throw new PacketGridException(field.location(), "'" + field.path().prefix(i) + "' is not a list in the base scenario");
                }
                if (index >= arr.size()) {
                    throw new PacketGridException(field.location(), "'" + field.path().prefix(i) + "' has " + arr.size()
                            + (arr.size() == 1 ? " entry" : " entries") + " in the base scenario, no [" + index + "]");
                }
                if (last) {
                    arr.set(index, value.deepCopy());
                    return;
                }
                JsonNode next = arr.get(index);
                if (next == null || next.isNull()) {
                    next = JsonNodeFactory.instance.objectNode();
                    arr.set(index, next);
                }
                cur = next;
            }
        }
    }

    private static String notASection(SweepField field, int i, JsonNode cur) {
        return "'" + field.path().prefix(i) + "' is " + Values.describe(cur) + " in the base scenario, not a section with fields";
    }
}
