package io.packetgrid.studies.cli.radio;

import io.packetgrid.cosim.error.PacketGridException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the numeric tables of {@code radio eval}: comma-separated, optional
 * double quotes (with "" for a quote), CRLF or LF line ends, a UTF-8 byte-order mark tolerated, blank
 * lines skipped. Each record keeps the line it starts on, for error messages.
 */
final class SimpleCsv {
    private SimpleCsv() {
    }

    /** One record and the 1-based line it starts on. */
    record Record(int line, List<String> fields) {
    }

    static List<Record> parse(String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean any = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    f.append(ch);
                }
                i++;
                continue;
            }
            if (ch == '"' && f.toString().isBlank()) {
                quoted = true;
                any = true;
                f.setLength(0);
            } else if (ch == ',') {
                fields.add(f.toString());
                f.setLength(0);
                any = true;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || f.length() > 0) {
                    fields.add(f.toString());
                    if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                        out.add(new Record(start, List.copyOf(fields)));
                    }
                }
                fields.clear();
                f.setLength(0);
                any = false;
                line++;
                start = line;
            } else {
                f.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw new PacketGridException(source + ":" + start, "unterminated quoted field");
        }
        if (any || f.length() > 0) {
            fields.add(f.toString());
            if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                out.add(new Record(start, List.copyOf(fields)));
            }
        }
        return out;
    }
}
