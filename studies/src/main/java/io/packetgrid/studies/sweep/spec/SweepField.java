package io.packetgrid.studies.sweep.spec;

/**
 * A field of the sweep file that overrides a scenario field: where it is written (file and line),
 * in which section ({@code set}, {@code axes}, {@code zip[0]}) and the scenario path it overrides.
 * Errors about it read {@code sweep.yaml:7: axes.pem.packet_minutes: …}.
 */
public record SweepField(String file, int line, String section, FieldPath path) {

    /** {@code file:line: section.path}, the location of errors about this field. */
    public String location() {
        return file + (line > 0 ? ":" + line : "") + ": " + section + "." + path.text();
    }

    /** The column of this field in the results: the scenario path. */
    public String column() {
        return path.text();
    }
}
