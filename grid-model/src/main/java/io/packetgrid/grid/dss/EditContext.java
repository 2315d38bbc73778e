package io.packetgrid.grid.dss;

import io.packetgrid.cosim.error.PacketGridException;
import java.nio.file.Path;

/** What a definition sees while one property is being set: where, and the circuit it belongs to. */
record EditContext(String where, Path dir, DssCircuit circuit) {

    PacketGridException error(String message) {
        return new PacketGridException(where, message);
    }

    double dbl(DssTokenizer.Param p, String prop) {
        return DssValues.toDouble(p.value(), p.quoted(), where, prop);
    }

    int integer(DssTokenizer.Param p, String prop) {
        return DssValues.toInt(p.value(), p.quoted(), where, prop);
    }

    boolean bool(DssTokenizer.Param p, String prop) {
        return DssValues.toBool(p.value(), where, prop);
    }

    double[] array(DssTokenizer.Param p, String prop) {
        return DssValues.toArray(p.value(), where, prop);
    }

    /**
     * {@code basefreq=}: only the circuit's frequency is implemented (the element's impedances and
     * ratings are taken at it); {@code kind} names the elements in the message ("" or " for loads").
     */
    void requireCircuitFrequency(DssTokenizer.Param p, String prop, String kind) {
        if (dbl(p, prop) != circuit.baseFrequency) {
            throw error("basefreq different from the circuit frequency is not implemented" + kind);
        }
    }

    /** The XYCurve a property names (its name), or null for a blank value or {@code none}. */
    String xyCurveOrNone(DssTokenizer.Param p) {
        String v = p.value();
        if (v.isBlank() || v.equalsIgnoreCase("none")) {
            return null;
        }
        return circuit.xyCurve(v, this).name;
    }

    /** A positive count with an upper bound (guards against absurd allocations from bad input). */
    int count(DssTokenizer.Param p, String prop, int min, int max) {
        int v = integer(p, prop);
        if (v < min || v > max) {
            throw error(prop + " must be between " + min + " and " + max + ", got " + p.value());
        }
        return v;
    }

    /** A file the script names ({@link DssPaths}: backslashes, case as on Windows). */
    Path file(String name) {
        return DssPaths.resolve(dir, name, where);
    }
}
