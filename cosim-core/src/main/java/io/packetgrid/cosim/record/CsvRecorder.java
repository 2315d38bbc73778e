package io.packetgrid.cosim.record;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.time.SimTime;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each series to {@code DIR/<name>.csv} (header {@code time_s,<columns>}) and the event log
 * to {@code DIR/events.csv} ({@code time_s,source,type,detail}). Times print as exact decimal
 * seconds, numbers as shortest round-trip decimals: the same run gives the same bytes.
 */
public final class CsvRecorder implements Recorder {
    private final Path dir;
    private final List<Writer> open = new ArrayList<>();
    private Writer events;

    public CsvRecorder(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new PacketGridException(dir.toString(), "cannot create output folder: " + e.getMessage());
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public synchronized SeriesWriter series(String name, List<String> columns) {
        Writer w = openFile(name + ".csv");
        StringBuilder header = new StringBuilder("time_s");
        for (String c : columns) {
            header.append(',').append(CsvFormat.text(c));
        }
        write(w, header.append('\n').toString(), name);
        int width = columns.size();
        return (timeNs, values) -> {
            if (values.length != width) {
                throw new IllegalArgumentException("series " + name + " has " + width + " columns, got " + values.length);
            }
            StringBuilder b = new StringBuilder(16 + 12 * width).append(SimTime.toSecondsString(timeNs));
            for (double v : values) {
                b.append(',').append(CsvFormat.number(v));
            }
            write(w, b.append('\n').toString(), name);
        };
    }

    @Override
    public synchronized void event(long timeNs, String source, String type, String detail) {
        if (events == null) {
            events = openFile("events.csv");
            write(events, "time_s,source,type,detail\n", "events");
        }
        write(events, SimTime.toSecondsString(timeNs) + ',' + CsvFormat.text(source) + ','
                + CsvFormat.text(type) + ',' + CsvFormat.text(detail) + '\n', "events");
    }

    private Writer openFile(String file) {
        Path p = dir.resolve(file);
        try {
            Files.createDirectories(p.getParent());
            BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
            open.add(w);
            return w;
        } catch (IOException e) {
            throw new PacketGridException(p.toString(), "cannot write: " + e.getMessage());
        }
    }

    private void write(Writer w, String s, String what) {
        try {
            w.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + what, e);
        }
    }

    @Override
    public synchronized void close() {
        IOException first = null;
        for (Writer w : open) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw new PacketGridException(dir.toString(), "cannot finish writing recordings: " + first.getMessage());
        }
    }
}
