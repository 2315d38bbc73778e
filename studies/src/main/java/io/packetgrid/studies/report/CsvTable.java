package io.packetgrid.studies.report;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.record.CsvFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file written row by row with the project's byte-stable formatting ({@link CsvFormat}): numbers
 * rounded to a fixed number of decimals, then printed as shortest round-trip decimals.
 */
public final class CsvTable implements AutoCloseable {
    private final Path file;
    private final BufferedWriter w;
    private final int decimals;
    private final StringBuilder row = new StringBuilder(256);

    public CsvTable(Path file, List<String> header, int decimals) {
        this.file = file;
        this.decimals = decimals;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            w.write(String.join(",", header));
            w.write('\n');
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }

    /** Appends a row of cells: numbers (Double, Integer, Long) or text. */
    public void row(Object... cells) {
        row.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            Object c = cells[i];
            if (c instanceof Double d) {
                row.append(CsvFormat.number(round(d, decimals)));
            } else if (c instanceof Number n) {
                row.append(n.longValue());
            } else {
                row.append(CsvFormat.text(c == null ? "" : c.toString()));
            }
        }
        row.append('\n');
        try {
            w.write(row.toString());
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }

    static double round(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double s = Math.pow(10, decimals);
        double r = Math.rint(v * s) / s;
        return r == 0 ? 0.0 : r; // no "-0"
    }

    @Override
    public void close() {
        try {
            w.close();
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }
}
