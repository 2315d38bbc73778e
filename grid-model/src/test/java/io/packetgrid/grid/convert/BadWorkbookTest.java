package io.packetgrid.grid.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.packetgrid.cosim.error.PacketGridException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken workbooks: one error naming the workbook, the sheet, the row and the column (or the element), nothing written. */
class BadWorkbookTest {
    @TempDir
    Path dir;

    /** The hand-checked network with one change made by {@code edit} before it is written. */
    private PacketGridException convert(Consumer<WorkbookBuilder> edit) throws Exception {
        WorkbookBuilder b = new WorkbookBuilder()
                .sheet("mv_net_txs", WorkbookBuilder.TX)
                .row("mv_net_txs", 1, "ZONE", "SourceBus", 10, "delta", "wye", 66, 22, 10000, 10000, 1, 0.5, 0, 1, 1, 1, 1, "RWB")
                .sheet("linecodes", WorkbookBuilder.LINECODES)
                .row("linecodes", "9-3ph", 3, 0.2, 0.3, 0, 0.5, 0.9, 0, "km", 300, 400)
                .sheet("lines", WorkbookBuilder.LINES)
                .row("lines", 0, 10, "1.2.3", 11, "1.2.3", 3, 2.0, "km", 9, "CDR", 5)
                .sheet("lvtx", WorkbookBuilder.LVTX)
                .row("lvtx", 7, "T", 11, 0, "delta", "wye", 22, 0.433, 500, 500, 4, 1, 0, 1, 1, 1, 1, "RWB", "RES", 1, 0, 1)
                .sheet("lv_lines", WorkbookBuilder.LV_LINES)
                .row("lv_lines", "mv_f0_lv0_f0_l0", "mv_f0_lv0_busbar", "mv_f0_lv0_f0_c0", 3, 20.0, "m", "lc_9-3ph")
                .sheet("lv_loads", WorkbookBuilder.LV_LOADS)
                .row("lv_loads", "mv_f0_lv0_f0_c0", 1, "mv_f0_lv0_f0_c0.2", 0.95, 0.23, "variable", 500);
        edit.accept(b);
        Path xlsx = b.write(dir.resolve("bad.xlsx"));
        Path out = dir.resolve("out");
        PacketGridException e = assertThrows(PacketGridException.class, () -> {
            MvLvWorkbook wb = MvLvWorkbook.of("bad.xlsx", XlsxTables.read(xlsx));
            MvLvScriptWriter.write(wb, new MvLvScriptWriter.Options("bad", new LoadProfiles("profiles")), out);
        });
        assertEquals(false, Files.exists(out.resolve("Master.dss")), "nothing written");
        return e;
    }

    @Test
    void aTextWhereANumberBelongsNamesTheCell() throws Exception {
        PacketGridException e = convert(b -> b.row("lines", 1, 11, "1.2.3", 12, "1.2.3", 3, "two", "km", 9, "CDR", 6));
        assertEquals("bad.xlsx lines!3 Length: not a number: 'two'", e.userMessage());
    }

    @Test
    void aMissingSheetIsNamed() throws Exception {
        PacketGridException e = convert(b -> b.without("lv_loads").sheet("lv_load", WorkbookBuilder.LV_LOADS));
        assertEquals("bad.xlsx: missing sheet 'lv_loads' (an AusNet MV-LV workbook has mv_net_txs, linecodes, lines, lvtx, lv_lines,"
                + " lv_loads and optionally mvtx, mvcaps, buscoords)", e.userMessage());
    }

    @Test
    void aMissingColumnListsTheColumnsThere() throws Exception {
        PacketGridException e = convert(b -> b.sheet("lv_loads", new String[] {"load_name", "phases", "bus1", "kv"})
                .row("lv_loads", "x", 1, "mv_f0_lv0_f0_c0.1", 0.23));
        assertEquals("bad.xlsx sheet lv_loads: missing column 'pf' (columns: load_name, phases, bus1, kv)", e.userMessage());
    }

    @Test
    void unknownPhaseLettersAreRefused() throws Exception {
        PacketGridException e = convert(b -> b.row("lvtx", 8, "T2", 11, 0, "delta", "wye", 22, 0.433, 50, 50, 4, 1, 0, 1, 1, 1, 1, "RXB",
                "RES", 0, 0, 1));
        assertEquals("bad.xlsx lvtx!3 Conn_Type: expected one to three distinct phase letters of R, W, B, got 'RXB'", e.userMessage());
    }

    @Test
    void aCustomerOnAnUnknownBusIsRefused() throws Exception {
        PacketGridException e = convert(b -> b.row("lv_loads", "c9", 1, "nowhere.1", 0.95, 0.23, "variable", 500));
        assertEquals("bad.xlsx lv_loads!3 bus1: bus nowhere is on no LV line", e.userMessage());
    }

    @Test
    void anLvLineNoTransformerFeedsIsRefused() throws Exception {
        PacketGridException e = convert(b -> b.row("lv_lines", "stray", "mv_f0_lv5_busbar", "x1", 3, 20.0, "m", "lc_9-3ph"));
        assertEquals("bad.xlsx lv_lines stray: bus mv_f0_lv5_busbar is not reached from any distribution transformer's busbar"
                + " (mv_f0_lv<row>_busbar)", e.userMessage());
    }

    @Test
    void anUnknownLineCodeIsRefused() throws Exception {
        PacketGridException e = convert(b -> b.row("lines", 1, 11, "1.2.3", 12, "1.2.3", 3, 1.0, "km", 77, "CDR", 6));
        assertEquals("bad.xlsx lines!3 Linecode: no line code 77-3ph in sheet linecodes", e.userMessage());
    }

    @Test
    void aFileThatIsNoWorkbookIsRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("fake.xlsx"), "Node_ID,NodeStartX\n1,2\n");
        PacketGridException e = assertThrows(PacketGridException.class, () -> XlsxTables.read(f));
        assertEquals(true, e.userMessage().startsWith(f + ": not a readable Excel workbook (.xlsx)"), e.userMessage());
        PacketGridException missing = assertThrows(PacketGridException.class, () -> XlsxTables.read(dir.resolve("none.xlsx")));
        assertEquals(dir.resolve("none.xlsx") + ": no such file", missing.userMessage());
    }
}
