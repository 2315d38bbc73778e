package io.packetgrid.studies.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grid run}, {@code grid synth}, {@code grid convert} and {@code bench grid} through the real launcher (CLI.md). */
class GridIT {

    private static Path copyIeee13(Path dir) throws Exception {
        Path shared = Launcher.shared();
        assumeTrue(shared != null, "../shared not available");
        Path src = shared.resolve("feeders/ieee13");
        Path dst = Files.createDirectories(dir.resolve("ieee13"));
        for (String f : List.of("IEEE13Nodeckt.dss", "IEEELineCodes.DSS", "IEEE13Node_BusXY.csv")) {
            Files.copy(src.resolve(f), dst.resolve(f));
        }
        return dst.resolve("IEEE13Nodeckt.dss");
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void gridRunWritesVoltagesAndMonitorsAndNothingBesideTheScript(@TempDir Path dir) throws Exception {
        Path script = copyIeee13(dir);
        Files.writeString(script, Files.readString(script) + "\nNew Monitor.m671 Line.670671 2 mode=1 ppolar=no\n"
                + "Set mode=daily number=3 stepsize=1h\nSolve\nExport monitors m671\n");
        List<Path> before = listing(script.getParent());
        Path work = Files.createDirectories(dir.resolve("work"));
        Launcher.Result r = Launcher.run(work, "grid", "run", script.toString(), "--out", "exports", "--voltages", "v.csv");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(before, listing(script.getParent()), "nothing may be written beside the script");
        List<String> v = Files.readAllLines(work.resolve("v.csv"));
        assertEquals("bus,node,vmag_v,vangle_deg,vmag_pu", v.get(0));
        assertTrue(v.stream().anyMatch(l -> l.startsWith("675,3,")), "bus 675 node 3 listed");
        List<String> m = Files.readAllLines(work.resolve("exports/m671.csv"));
        assertEquals("hour,t(sec),P1 (kW),Q1 (kvar),P2 (kW),Q2 (kvar),P3 (kW),Q3 (kvar)", m.get(0));
        assertEquals(4, m.size(), "three daily steps");
        assertTrue(m.get(1).startsWith("1,0.00000,"), m.get(1));
    }

    @Test
    void badScriptGivesOneLineAndExitOne(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("bad.dss");
        Files.writeString(script, "New Circuit.x basekv=11\nNew Load.l1 bus1=sourcebus kV=11 kW=5 colour=red\n");
        Launcher.Result r = Launcher.run(dir, "grid", "run", script.toString());
        assertEquals(1, r.exit());
        String[] lines = r.stderr().strip().split("\n");
        assertEquals(1, lines.length, r.stderr());
        assertTrue(lines[0].contains("bad.dss:2") && lines[0].contains("colour"), lines[0]);
    }

    @Test
    void benchGridPrintsTheContractFields(@TempDir Path dir) throws Exception {
        Launcher.Result s = Launcher.run(dir, "grid", "synth", "--copies", "1", "--out", "eu");
        assertEquals(0, s.exit(), s.stderr());
        Launcher.Result r = Launcher.run(dir, "bench", "grid", dir.resolve("eu/Master.dss").toString(), "--steps", "60",
                "--warmup", "0", "--repeats", "1");
        assertEquals(0, r.exit(), r.stderr());
        String out = r.stdout().strip();
        JsonNode j = new ObjectMapper().readTree(out.substring(out.lastIndexOf("\n{") + 1));
        for (String f : List.of("steps", "parse_ms", "total_solve_ms", "median_step_ms", "p99_step_ms", "mean_iterations")) {
            assertTrue(j.has(f), "missing " + f + " in " + out);
        }
        assertEquals(60, j.get("steps").asInt());
        assertTrue(j.get("mean_iterations").asDouble() >= 2.0);
        // the benchmark thread's CPU time per step (docs/cli.md)
        assertTrue(j.has("median_step_cpu_ms") && j.get("median_step_cpu_ms").asDouble() > 0, "median_step_cpu_ms in " + out);
    }

    @Test
    void gridRunSolvesABuiltinAusnetNetwork(@TempDir Path dir) throws Exception {
        Launcher.Result r = Launcher.run(dir, "grid", "run", "builtin:ausnet-hpk11", "--voltages", "v.csv");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("circuit ausnet-hpk11: 11189 buses, 33567 nodes"), r.stdout());
        List<String> v = Files.readAllLines(dir.resolve("v.csv"));
        assertEquals(33567 + 1, v.size());
        assertTrue(v.stream().anyMatch(l -> l.startsWith("mv_f0_lv43_f4_c10,3,")), "the last customer's node is listed");
        Launcher.Result bad = Launcher.run(dir, "grid", "run", "builtin:ausnet-nowhere");
        assertEquals(1, bad.exit());
        assertTrue(bad.stderr().strip().lines().count() == 1 && bad.stderr().contains("builtin:ausnet-hpk11"), bad.stderr());
    }

    /** A two-customer workbook written with POI, converted, then solved from the converted scripts. */
    @Test
    void gridConvertWritesScriptsThatGridRunSolves(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("Network_7_Urban_TINY.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.OutputStream out = Files.newOutputStream(xlsx)) {
            String[] tx = {"Element_ID", "Substation_ID", "Bus1", "Bus2", "Connection_Primary", "Connection_Secondary", "kvs_primary",
                "kvs_secondary", "kvas_primary", "kvas_secondary", "xhl", "loadloss", "noloadloss", "wdg1_numtaps", "wdg1_tap",
                "wdg1_maxtap", "wdg1_mintap", "Conn_Type", "Type", "Customers"};
            sheet(wb, "mv_net_txs", tx, new Object[] {1, "ZONE", "SourceBus", 10, "delta", "wye", 66, 22, 10000, 10000, 1, 0.5, 0, 1, 1, 1, 1,
                "RWB", "RES", 0});
            sheet(wb, "linecodes", new String[] {"Linecode_ID", "Phases", "r1", "x1", "b1", "r0", "x0", "b0", "Units", "Ampacity1", "Ampacity2"},
                    new Object[] {"9-3ph", 3, 0.2, 0.3, 0, 0.5, 0.9, 0, "km", 300, 400});
            sheet(wb, "lines", new String[] {"Line_Number", "Start_Node", "Start_Node_Phase", "End_Node", "End_Node_Phase", "Phases", "Length",
                "Units", "Linecode", "Element_Name"}, new Object[] {0, 10, "1.2.3", 11, "1.2.3", 3, 2.0, "km", 9, "CDR"});
            sheet(wb, "lvtx", tx, new Object[] {7, "T", 11, 0, "delta", "wye", 22, 0.433, 200, 200, 4, 1, 0.1, 1, 1, 1, 1, "RWB", "RES", 2});
            sheet(wb, "lv_lines", new String[] {"line_name", "bus1", "bus2", "phases", "length", "units", "linecode"},
                    new Object[] {"mv_f0_lv0_f0_l0", "mv_f0_lv0_busbar", "mv_f0_lv0_f0_c0", 3, 30.0, "m", "lc_9-3ph"},
                    new Object[] {"mv_f0_lv0_f0_l1", "mv_f0_lv0_f0_c0", "mv_f0_lv0_f0_c1", 3, 30.0, "m", "lc_9-3ph"});
            sheet(wb, "lv_loads", new String[] {"load_name", "phases", "bus1", "pf", "kv", "model", "tx_cap"},
                    new Object[] {"mv_f0_lv0_f0_c0", 1, "mv_f0_lv0_f0_c0.1", 0.95, 0.23, "variable", 200},
                    new Object[] {"mv_f0_lv0_f0_c1", 1, "mv_f0_lv0_f0_c1.3", 0.95, 0.23, "variable", 200});
            wb.write(out);
        }
        Launcher.Result c = Launcher.run(dir, "grid", "convert", xlsx.toString(), "--out", "net");
        assertEquals(0, c.exit(), c.stderr());
        assertTrue(c.stdout().startsWith("ausnet_tiny: 2 residential + 0 C&I customers, 1 distribution transformers (0 on SWER), 200 kVA"),
                c.stdout());
        assertTrue(Files.exists(dir.resolve("net/profiles/load_profile_2.txt")), "household profiles copied beside the scripts");
        Launcher.Result r = Launcher.run(dir, "grid", "run", dir.resolve("net/Master.dss").toString(), "--voltages", "v.csv");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(Files.readString(dir.resolve("v.csv")).contains("mv_f0_lv0_f0_c1,3,"));
        Launcher.Result bad = Launcher.run(dir, "grid", "convert", dir.resolve("v.csv").toString(), "--out", "net2");
        assertEquals(1, bad.exit());
        assertTrue(bad.stderr().strip().lines().count() == 1 && bad.stderr().contains("not a readable Excel workbook"), bad.stderr());
        assertTrue(!Files.exists(dir.resolve("net2")), "nothing written for a bad workbook");
    }

    private static void sheet(org.apache.poi.xssf.usermodel.XSSFWorkbook wb, String name, String[] header, Object[]... rows) {
        org.apache.poi.xssf.usermodel.XSSFSheet s = wb.createSheet(name);
        org.apache.poi.ss.usermodel.Row h = s.createRow(0);
        for (int c = 0; c < header.length; c++) {
            h.createCell(c).setCellValue(header[c]);
        }
        for (int r = 0; r < rows.length; r++) {
            org.apache.poi.ss.usermodel.Row row = s.createRow(r + 1);
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else {
                    row.createCell(c).setCellValue(rows[r][c].toString());
                }
            }
        }
    }
}
