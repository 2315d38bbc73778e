package io.packetgrid.studies.sweep.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.studies.sweep.plan.Run;
import io.packetgrid.studies.sweep.spec.Assignment;
import io.packetgrid.studies.sweep.spec.FieldPath;
import io.packetgrid.studies.sweep.spec.SweepField;
import io.packetgrid.studies.sweep.spec.SweepSpec;
import io.packetgrid.studies.sweep.spec.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traces a study's error back to the sweep file. The study maps the overridden scenario tree strictly
 * and reports {@code base.yaml: pem.packet_minutes: expected an integer, got 'ten'}; the user wrote the
 * value in the sweep file, so the error becomes {@code sweep.yaml:7: axes.pem.packet_minutes: expected an
 * integer, got 'ten'}. Errors located in the scenario are input errors (the sweep stops: every run with
 * that value would fail the same way); any other error fails only its run.
 */
public final class StudyErrors {

    /** An error as the sweep reports it; {@code input} when it is about the scenario (stop the sweep). */
    public record Mapped(PacketGridException error, boolean input) {
    }

    private StudyErrors() {
    }

    public static Mapped map(PacketGridException e, SweepSpec spec, Run run) {
        String loc = e.location();
        Matcher m = Pattern.compile("^" + Pattern.quote(spec.baseSource()) + "(:\\d+)?(?:: (.*))?$").matcher(loc);
        if (!m.matches()) {
            return new Mapped(e, false);
        }
        String errorPath = m.group(2) == null ? "" : m.group(2);
        List<SweepField> fields = new ArrayList<>();
        List<JsonNode> values = new ArrayList<>();
        for (Assignment a : spec.fixed()) {
            fields.add(a.field());
            values.add(a.value());
        }
        List<SweepField> swept = spec.sweptFields();
        for (int i = 0; i < swept.size(); i++) {
            fields.add(swept.get(i));
            values.add(run.params().get(i));
        }
        for (SweepField f : fields) {
            if (f.path().text().equals(errorPath)) {
                return new Mapped(new PacketGridException(f.location(), e.getMessage(), e), true);
            }
        }
        FieldPath path = parseOrNull(errorPath);
        if (path != null) {
            for (int i = 0; i < fields.size(); i++) {
                SweepField f = fields.get(i);
                if (f.path().overlaps(path)) {
                    return new Mapped(new PacketGridException(f.location(), "value " + Values.display(values.get(i))
                            + " is refused: " + errorPath + ": " + e.getMessage(), e), true);
                }
            }
        }
        return new Mapped(new PacketGridException(spec.file() + ": " + run.label() + params(spec, run), e.userMessage(), e), true);
    }

    private static String params(SweepSpec spec, Run run) {
        List<SweepField> swept = spec.sweptFields();
        if (swept.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (");
        for (int i = 0; i < swept.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(swept.get(i).column()).append('=').append(Values.display(run.params().get(i)));
        }
        return b.append(')').toString();
    }

    private static FieldPath parseOrNull(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return FieldPath.parse(text, "");
        } catch (PacketGridException e) {
            return null;
        }
    }
}
