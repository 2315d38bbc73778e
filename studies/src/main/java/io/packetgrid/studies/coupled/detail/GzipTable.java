package io.packetgrid.studies.coupled.detail;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.record.CsvFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A tidy table written as gzip-compressed CSV, streaming (a large study's per-node series never sits in
 * memory). Numbers as shortest round-trip decimals ({@link CsvFormat}), so equal runs give equal bytes;
 * a text cell holding a comma or quote is quoted as RFC 4180 says. Several tables of the same columns
 * (one per feeder, written side by side) join into one file as consecutive gzip members, which every
 * gzip reader reads as one stream ({@link #concatenate}).
 */
public final class GzipTable implements AutoCloseable {
    private final Path file;
    private final Writer out;
    private final int columns;

    /** @param header the column names, written first unless {@code withHeader} is false (a later part of one file) */
    public GzipTable(Path file, List<String> header, boolean withHeader) {
        this.file = file;
        this.columns = header.size();
        try {
            Files.createDirectories(file.getParent());
            out = new BufferedWriter(new OutputStreamWriter(new FastGzip(Files.newOutputStream(file)), StandardCharsets.UTF_8), 1 << 16);
            if (withHeader) {
                out.write(String.join(",", header));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }

    /** One row; cells are numbers (written exactly) or texts. */
    public void row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException(file + ": " + cells.length + " cells for " + columns + " columns");
        }
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object c = cells[i];
                if (c instanceof Double d) {
                    out.write(Double.isNaN(d) ? "" : CsvFormat.number(d));
                } else if (c instanceof Number n) {
                    out.write(n.toString());
                } else if (c != null) {
                    out.write(text(c.toString()));
                }
            }
            out.write('\n');
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }

    /**
     * gzip at deflate's fastest level: the per-node table of a day is millions of rows, and level 1 writes
     * them several times faster than the default level 6 for files about a third larger.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(java.io.OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    static String text(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write: " + e.getMessage());
        }
    }

    /** Joins parts (in order) into {@code target} and deletes them. */
    public static void concatenate(List<Path> parts, Path target) {
        try {
            Files.createDirectories(target.getParent());
            try (var out = Files.newOutputStream(target)) {
                for (Path p : parts) {
                    Files.copy(p, out);
                }
            }
            for (Path p : parts) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new PacketGridException(target.toString(), "cannot write: " + e.getMessage());
        }
    }
}
