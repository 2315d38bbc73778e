package io.packetgrid.studies.sweep.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.packetgrid.cosim.scenario.YamlFiles;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every field and list entry of a YAML text, by JSON pointer ({@code /axes/pem.packet_minutes},
 * {@code /metrics/1}), so that errors about a sweep file can name the line the user wrote.
 */
public final class YamlLines {
    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Indexes {@code yaml} (already known to parse). */
    public static YamlLines of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = YamlFiles.mapper().getFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t.isScalarValue() || t.isStructStart()) {
                    // a mapping's field is seen as its name first; a list entry only as its value
                    lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException | RuntimeException e) {
            // lines are a courtesy: without them errors still name the field
        }
        return new YamlLines(lines);
    }

    /** The line of the field or entry at {@code pointer} (segments escaped as in RFC 6901), or 0. */
    public int line(String pointer) {
        return lines.getOrDefault(pointer, 0);
    }

    /** A pointer from plain segments (field names or list indexes). */
    public static String pointer(Object... segments) {
        StringBuilder b = new StringBuilder();
        for (Object s : segments) {
            b.append('/').append(String.valueOf(s).replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }
}
