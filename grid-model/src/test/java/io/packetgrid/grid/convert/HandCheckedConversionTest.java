package io.packetgrid.grid.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.result.FlowSummary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-customer MV–LV network written as an AusNet workbook with POI, converted, solved, and
 * checked against a power flow done by hand: the network is balanced, so one phase of its
 * positive-sequence equivalent is a source behind a series impedance feeding a constant-power
 * load, whose voltage has the closed form
 * {@code |V|^2 = (a + sqrt(a^2 - 4 |Z|^2 |S|^2)) / 2, a = E^2 - 2 (R P + X Q)}
 * (the two-bus load flow; e.g. Kersting, Distribution System Modeling and Analysis, ch. 10).
 */
class HandCheckedConversionTest {

    // the hand-built network
    static final double MV_R1 = 0.2;      // ohm/km
    static final double MV_X1 = 0.3;
    static final double MV_KM = 2.0;
    static final double LV_R1 = 0.1;      // ohm/km
    static final double LV_X1 = 0.07;
    static final double LV_M = 200.0;
    static final double ZONE_KVA = 10_000;
    static final double ZONE_XHL = 1.0;    // %
    static final double ZONE_LOSS = 0.5;   // % load loss
    static final double TX_KVA = 500;
    static final double TX_XHL = 4.0;
    static final double TX_LOSS = 1.0;
    static final double PF = 0.9;

    static Path workbook(Path dir) throws Exception {
        WorkbookBuilder b = new WorkbookBuilder()
                .sheet("mv_net_txs", WorkbookBuilder.TX)
                .row("mv_net_txs", 1, "ZONE", "SourceBus", 10, "delta", "wye", 66, 22, ZONE_KVA, ZONE_KVA, ZONE_XHL, ZONE_LOSS, 0, 1, 1, 1, 1, "RWB")
                .sheet("linecodes", WorkbookBuilder.LINECODES)
                .row("linecodes", "9-3ph", 3, MV_R1, MV_X1, 0, 0.5, 0.9, 0, "km", 300, 400)
                .row("linecodes", "8-3ph", 3, LV_R1, LV_X1, 0, 0.3, 0.1, 0, "km", 250, 200)
                .sheet("lines", WorkbookBuilder.LINES)
                .row("lines", 0, 10, "1.2.3", 11, "1.2.3", 3, MV_KM, "km", 9, "CDR", 5)
                .sheet("lvtx", WorkbookBuilder.LVTX)
                .row("lvtx", 7, "ONLY_TX", 11, 0, "delta", "wye", 22, 0.433, TX_KVA, TX_KVA, TX_XHL, TX_LOSS, 0, 1, 1, 1, 1, "RWB", "COM", 1, 0, 1)
                .sheet("lv_lines", WorkbookBuilder.LV_LINES)
                .row("lv_lines", "mv_f0_lv0_f0_l0", "mv_f0_lv0_busbar", "mv_f0_lv0_f0_c0", 3, LV_M, "m", "lc_8-3ph")
                .sheet("lv_loads", WorkbookBuilder.LV_LOADS)
                .row("lv_loads", "mv_f0_lv0_f0_c0", 3, "mv_f0_lv0_f0_c0.1.2.3", PF, 0.4, "variable", TX_KVA)
                .sheet("buscoords", WorkbookBuilder.BUSCOORDS)
                .row("buscoords", 10, 0.0, 0.0)
                .row("buscoords", 11, 2000.0, 0.0);
        return b.write(dir.resolve("Network_9_Urban_TEST1.xlsx"));
    }

    static ConversionReport convert(Path xlsx, Path out) {
        MvLvWorkbook wb = MvLvWorkbook.of(xlsx.getFileName().toString(), XlsxTables.read(xlsx));
        return MvLvScriptWriter.write(wb, new MvLvScriptWriter.Options("test1", new LoadProfiles("profiles")), out);
    }

    @Test
    void countsAreTheHandBuiltNetworks(@TempDir Path dir) throws Exception {
        ConversionReport r = convert(workbook(dir), dir.resolve("net"));
        assertEquals(0, r.residentialCustomers());
        assertEquals(1, r.commercialCustomers());
        assertEquals(1, r.transformers());
        assertEquals(TX_KVA, r.connectedKva(), 0);
        assertEquals(MV_KM, r.mvKm(), 1e-12);
        assertEquals(LV_M / 1000, r.lvKm(), 1e-12);
        assertEquals(0, r.swerKm(), 0);
        assertEquals(List.of("LineCodes.dss", "MV.dss", "LV.dss", "LoadShapes.dss", "Loads.dss", "BusCoords.csv", "Master.dss"), r.files());
    }

    @Test
    void loadVoltageAndLossesMatchTheTwoBusLoadFlowByHand(@TempDir Path dir) throws Exception {
        convert(workbook(dir), dir.resolve("net"));
        Feeder f = Feeder.load(dir.resolve("net/Master.dss"), "Set tolerance=1e-12 maxiterations=100\n");
        f.solve();

        // everything referred to the LV side (0.433 kV line-to-line at no load)
        double k66 = Math.pow(0.433 / 66.0, 2);   // ohm at 66 kV -> ohm at 0.433 kV
        double k22 = Math.pow(0.433 / 22.0, 2);
        double zbase22 = 22.0 * 22.0 / (ZONE_KVA / 1000);       // ohm, zone transformer's base at 22 kV
        double zbaseLv = 0.433 * 0.433 / (TX_KVA / 1000);        // ohm, distribution transformer's base at 0.433 kV
        double r = MvLvScriptWriter.R1 * k66
                + ZONE_LOSS / 100 * zbase22 * k22
                + MV_R1 * MV_KM * k22
                + TX_LOSS / 100 * zbaseLv
                + LV_R1 * LV_M / 1000;
        double x = MvLvScriptWriter.X1 * k66
                + ZONE_XHL / 100 * zbase22 * k22
                + MV_X1 * MV_KM * k22
                + TX_XHL / 100 * zbaseLv
                + LV_X1 * LV_M / 1000;
        double e = 433.0 / Math.sqrt(3);                        // V, phase to neutral
        double pKw = LoadProfiles.COMMERCIAL_PEAK_OF_TX * TX_KVA;   // the converter's C&I base power
        double p = pKw * 1000 / 3;                               // W per phase
        double q = p * Math.tan(Math.acos(PF));
        double a = e * e - 2 * (r * p + x * q);
        double v = Math.sqrt((a + Math.sqrt(a * a - 4 * (r * r + x * x) * (p * p + q * q))) / 2);
        double i = Math.hypot(p, q) / v;
        // the source's own impedance is inside the source (OpenDSS reports the power at its terminal)
        double lossKw = 3 * i * i * (r - MvLvScriptWriter.R1 * k66) / 1000;

        double[] solved = f.loadVoltage("mv_f0_lv0_f0_c0");
        for (double vPhase : solved) {
            System.out.printf(java.util.Locale.ROOT, "hand %.9f V, solved %.9f V%n", v, vPhase);
            assertEquals(v, vPhase, 1e-6 * v, "phase voltage vs hand load flow (V)");
        }
        FlowSummary s = f.summary();
        assertEquals(pKw, s.loadsKw(), 1e-6);
        assertEquals(lossKw, s.lossesKw(), 1e-5 * lossKw, "losses vs 3 I^2 R by hand");
        assertEquals(pKw + lossKw, s.sourceKw(), 1e-4 * lossKw);
        assertTrue(Math.abs(s.balanceResidualKw()) <= 1e-6 * s.sourceKw(), "energy balance " + s);
    }
}
