package io.packetgrid.grid.dss;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a bus coordinate file the way OpenDSS's {@code BusCoords} command does (ExecHelper.pas,
 * DoBusCoordsCmd, re-derived): every line goes through the command-line parser, so fields are
 * separated by commas and/or blanks, values may be quoted, and {@code !} or {@code //} start a
 * comment; the first field is the bus name (case-insensitive: OpenDSS's bus list is), the next two
 * are x and y. A bus given twice keeps its last coordinates. Lines without a bus name (blank or
 * comment only) are skipped. Unlike OpenDSS, which reads a missing or bad number as 0 and reports
 * the line, a line without two numbers is an error naming {@code file:line}.
 */
final class BusCoordsFile {
    private BusCoordsFile() {
    }

    /**
     * @param file    the file to read
     * @param display how error messages name the file
     * @return bus name (lower case) to coordinates {x, y}, in file order
     */
    static Map<String, double[]> read(Path file, String display) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new PacketGridException(display, "cannot read the bus coordinate file: " + e.getClass().getSimpleName());
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = display + ":" + (i + 1);
            try {
                DssTokenizer tok = new DssTokenizer(lines.get(i));
                DssTokenizer.Param bus = tok.next();
                if (bus.isEmpty()) {
                    continue;
                }
                if (bus.value().isBlank()) {
                    throw new PacketGridException(where, "empty bus name");
                }
                DssTokenizer.Param x = tok.next();
                DssTokenizer.Param y = tok.next();
                if (x.isEmpty() || y.isEmpty()) {
                    throw new PacketGridException(where, "expected 'bus, x, y', got '" + lines.get(i).strip() + "'");
                }
                out.put(bus.value().toLowerCase(Locale.ROOT), new double[] {DssValues.toDouble(x.value(), x.quoted(), where, "x"),
                    DssValues.toDouble(y.value(), y.quoted(), where, "y")});
            } catch (DssTokenizer.SyntaxException e) {
                throw new PacketGridException(where, e.getMessage());
            }
        }
        return out;
    }
}
