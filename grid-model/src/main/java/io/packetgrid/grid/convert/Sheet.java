package io.packetgrid.grid.convert;

import io.packetgrid.cosim.error.PacketGridException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One worksheet as a table: a header row naming the columns, then data rows of cells. Cells are
 * kept as the workbook holds them (a number or a text); the typed getters turn them into what a
 * column means and name {@code file sheet!row column} when a cell is missing or of the wrong kind.
 *
 * @param file   the workbook's file name (for messages)
 * @param name   the sheet's name
 * @param header column names, in order
 * @param rows   data rows, in workbook order
 */
public record Sheet(String file, String name, List<String> header, List<Row> rows) {

    public Sheet {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** A data row: its 1-based row number in the workbook and its cells (a {@link Double}, a {@link String} or null for blank). */
    public record Row(int number, List<Object> cells) {
        public Row {
            cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
        }
    }

    /** Column index by name (case-insensitive), or a clear error naming the sheet and the columns it has. */
    public int column(String col) {
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            idx.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        Integer i = idx.get(col.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw new PacketGridException(file + " sheet " + name, "missing column '" + col + "' (columns: " + String.join(", ", header) + ")");
        }
        return i;
    }

    /** Where a cell is, for messages: {@code file sheet!row column}. */
    public String at(Row r, String col) {
        return file + " " + name + "!" + r.number() + " " + col;
    }

    /** The cell as text; numbers with an integral value print without a decimal point (node ids). */
    public String text(Row r, String col) {
        Object v = cell(r, col);
        if (v == null) {
            throw new PacketGridException(at(r, col), "empty cell");
        }
        if (v instanceof Double d) {
            return formatNumber(d);
        }
        String s = ((String) v).trim();
        if (s.isEmpty()) {
            throw new PacketGridException(at(r, col), "empty cell");
        }
        return s;
    }

    /** The cell as text, or {@code fallback} when the column is absent or the cell blank. */
    public String textOr(Row r, String col, String fallback) {
        if (!hasColumn(col)) {
            return fallback;
        }
        Object v = cell(r, col);
        if (v == null || (v instanceof String s && s.isBlank())) {
            return fallback;
        }
        return text(r, col);
    }

    /** The cell as a finite number (numeric cells, or text that parses as one). */
    public double number(Row r, String col) {
        Object v = cell(r, col);
        double d;
        if (v instanceof Double x) {
            d = x;
        } else if (v instanceof String s && !s.isBlank()) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new PacketGridException(at(r, col), "not a number: '" + s.trim() + "'");
            }
        } else {
            throw new PacketGridException(at(r, col), "empty cell (a number is needed)");
        }
        if (!Double.isFinite(d)) {
            throw new PacketGridException(at(r, col), "not a finite number");
        }
        return d;
    }

    /** The cell as a whole number. */
    public int integer(Row r, String col) {
        double d = number(r, col);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new PacketGridException(at(r, col), "not a whole number: " + formatNumber(d));
        }
        return (int) d;
    }

    public boolean hasColumn(String col) {
        for (String h : header) {
            if (h.trim().equalsIgnoreCase(col)) {
                return true;
            }
        }
        return false;
    }

    private Object cell(Row r, String col) {
        int i = column(col);
        return i < r.cells().size() ? r.cells().get(i) : null;
    }

    /** Integral values as integers ({@code 319}), others in Java's shortest-repr-style decimal form. */
    static String formatNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
