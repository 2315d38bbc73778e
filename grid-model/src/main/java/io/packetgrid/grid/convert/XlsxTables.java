package io.packetgrid.grid.convert;

import io.packetgrid.cosim.error.PacketGridException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an Excel workbook (.xlsx) into {@link Sheet}s with Apache POI: the first row of each sheet
 * is its header, every later non-empty row a data row. The only class of the project that touches
 * POI (an optional dependency of grid-model: the solver never loads it).
 */
public final class XlsxTables {
    private XlsxTables() {
    }

    /** Every sheet of the workbook by name, in workbook order. */
    public static Map<String, Sheet> read(Path file) {
        String label = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            Map<String, Sheet> out = new LinkedHashMap<>();
            for (org.apache.poi.ss.usermodel.Sheet s : wb) {
                out.put(s.getSheetName(), sheet(label, s));
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new PacketGridException(file.toString(), "no such file");
        } catch (IOException | RuntimeException e) {
            if (e instanceof PacketGridException p) {
                throw p;
            }
            throw new PacketGridException(file.toString(), "not a readable Excel workbook (.xlsx): " + e.getMessage());
        }
    }

    private static Sheet sheet(String file, org.apache.poi.ss.usermodel.Sheet s) {
        List<String> header = new ArrayList<>();
        List<Sheet.Row> rows = new ArrayList<>();
        boolean first = true;
        for (Row r : s) {
            List<Object> cells = new ArrayList<>();
            boolean any = false;
            for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                Object v = value(r.getCell(c));
                cells.add(v);
                any |= v != null && !(v instanceof String str && str.isBlank());
            }
            if (first) {
                for (Object v : cells) {
                    header.add(v == null ? "" : v instanceof Double d ? Sheet.formatNumber(d) : (String) v);
                }
                first = false;
            } else if (any) {
                rows.add(new Sheet.Row(r.getRowNum() + 1, cells));
            }
        }
        return new Sheet(file, s.getSheetName(), header, rows);
    }

    private static Object value(Cell c) {
        if (c == null) {
            return null;
        }
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (t) {
            case NUMERIC -> c.getNumericCellValue();
            case STRING -> c.getStringCellValue();
            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
            default -> null;
        };
    }
}
