package io.packetgrid.grid.convert;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes small AusNet-format workbooks with POI for tests: sheets of a header and rows (numbers stay numbers). */
final class WorkbookBuilder {
    private final Map<String, List<Object[]>> sheets = new LinkedHashMap<>();

    static final String[] TX = {"Element_ID", "Substation_ID", "Bus1", "Bus2", "Connection_Primary", "Connection_Secondary",
        "kvs_primary", "kvs_secondary", "kvas_primary", "kvas_secondary", "xhl", "loadloss", "noloadloss", "wdg1_numtaps",
        "wdg1_tap", "wdg1_maxtap", "wdg1_mintap", "Conn_Type"};
    static final String[] LVTX = {"Element_ID", "Substation_ID", "Bus1", "Bus2", "Connection_Primary", "Connection_Secondary",
        "kvs_primary", "kvs_secondary", "kvas_primary", "kvas_secondary", "xhl", "loadloss", "noloadloss", "wdg1_numtaps",
        "wdg1_tap", "wdg1_maxtap", "wdg1_mintap", "Conn_Type", "Type", "Customers", "PVs", "Feeders"};
    static final String[] LINECODES = {"Linecode_ID", "Phases", "r1", "x1", "b1", "r0", "x0", "b0", "Units", "Ampacity1", "Ampacity2"};
    static final String[] LINES = {"Line_Number", "Start_Node", "Start_Node_Phase", "End_Node", "End_Node_Phase", "Phases", "Length",
        "Units", "Linecode", "Element_Name", "Element_ID"};
    static final String[] LV_LINES = {"line_name", "bus1", "bus2", "phases", "length", "units", "linecode", "enabled"};
    static final String[] LV_LOADS = {"load_name", "phases", "bus1", "pf", "kv", "model", "tx_cap"};
    static final String[] MVCAPS = {"Element_ID", "Name", "Bus1", "phases", "kvs", "kvar"};
    static final String[] BUSCOORDS = {"Node_ID", "NodeStartX", "NodeStartY"};

    WorkbookBuilder sheet(String name, String[] header) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(header);
        sheets.put(name, rows);
        return this;
    }

    WorkbookBuilder without(String sheet) {
        sheets.remove(sheet);
        return this;
    }

    WorkbookBuilder row(String sheet, Object... cells) {
        sheets.get(sheet).add(cells);
        return this;
    }

    Path write(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (Map.Entry<String, List<Object[]>> e : sheets.entrySet()) {
                XSSFSheet s = wb.createSheet(e.getKey());
                int r = 0;
                for (Object[] cells : e.getValue()) {
                    Row row = s.createRow(r++);
                    for (int c = 0; c < cells.length; c++) {
                        Object v = cells[c];
                        if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (v != null) {
                            row.createCell(c).setCellValue(v.toString());
                        }
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }
}
