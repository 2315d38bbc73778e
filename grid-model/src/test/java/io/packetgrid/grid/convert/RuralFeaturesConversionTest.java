package io.packetgrid.grid.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.result.FlowSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rural workbooks' elements, one of each, in a small hand-built workbook: a SWER isolating
 * transformer (22 kV across phases R and W to a 12.7 kV single wire), a SWER line and a SWER
 * distribution transformer (12.7/0.24 kV), a single-phase transformer across two 22 kV phases, a
 * single-phase one from a 22 kV phase to earth, a regulator bank, a capacitor bank, a three-phase
 * transformer; one household under each LV network. Checked: what the converter wrote is what the
 * sheets say (winding voltages across the connected nodes, one-conductor LV lines below
 * single-phase transformers, the regulators' controls), and that the network solves with
 * source = loads + losses.
 */
class RuralFeaturesConversionTest {
    @TempDir
    static Path dir;
    static ConversionReport report;
    static Feeder feeder;

    static Path workbook(Path dir) throws Exception {
        WorkbookBuilder b = new WorkbookBuilder()
                .sheet("mv_net_txs", WorkbookBuilder.TX)
                .row("mv_net_txs", 1, "RUR", "SourceBus", 1, "delta", "wye", 66, 22, 100000, 100000, 1e-4, 1e-4, 1e-4, 1, 1, 1, 1, "RWB")
                .sheet("linecodes", WorkbookBuilder.LINECODES)
                .row("linecodes", "46-3ph", 3, 0.5, 0.4, 3.0, 0.8, 1.5, 2.0, "km", 200, 250)
                .row("linecodes", "46-1ph", 1, 0.5, 0.4, 3.0, 0.8, 1.5, 2.0, "km", 200, 250)
                .row("linecodes", "247-3ph", 3, 0.127, 0.072, 1e-4, 0.342, 0.089, 1e-4, "km", 280, 34)
                .sheet("lines", WorkbookBuilder.LINES)
                .row("lines", 0, 1, "1.2.3", 2, "1.2.3", 3, 5.0, "km", 46, "CDR", 10)
                .row("lines", 1, 2, "1.2.3", 3, "1.2.3", 3, 0.001, "km", 46, "REG-IN", 11)
                .row("lines", 2, 4, "1.2.3", 5, "1.2.3", 3, 3.0, "km", 46, "CDR", 12)
                .row("lines", 3, 6, "1", 7, "1", 1, 8.0, "km", 46, "SWER", 13)
                .row("lines", 4, 7, "1", 8, "1", 1, 99.0, "km", 46, "delete", 14)
                .sheet("mvtx", WorkbookBuilder.TX)
                .row("mvtx", 20, "A_REGULATOR", 3, 4, "delta", "wye", 22, 22, 5000, 5000, 1, 0.01, 0.01, 17, 1, 1.0582, 0.7478, "RWB")
                .row("mvtx", 21, "B_ISO", 5, 6, "delta", "wye", 22, 12.7, 100, 100, 1, 0.01, 0.01, 1, 1, 1, 1, "RW")
                .sheet("mvcaps", WorkbookBuilder.MVCAPS)
                .row("mvcaps", 30, "mv_CAP_X_900.0_kVAr", 5, 3, 22, 900)
                .sheet("lvtx", WorkbookBuilder.LVTX)
                .row("lvtx", 40, "THREE", 5, 0, "delta", "wye", 22, 0.433, 100, 100, 2.46, 2.2, 0.18, 1, 1.025, 1, 1, "RWB", "RES", 1, 0, 1)
                .row("lvtx", 41, "ACROSS/RB", 5, 0, "delta", "wye", 22, 0.433, 25, 25, 2.46, 2.2, 0.18, 1, 1, 1, 1, "RB", "RES", 1, 0, 1)
                .row("lvtx", 42, "TO_EARTH", 5, 0, "delta", "wye", 22, 0.433, 10, 10, 2.46, 2.2, 0.18, 1, 1, 1, 1, "W", "RES", 1, 0, 1)
                .row("lvtx", 43, "SWER&TX", 7, 0, "delta", "wye", 12.7, 0.24, 10, 10, 2.46, 2.2, 0.18, 1, 0.975, 1, 1, "R", "RES", 1, 0, 1)
                .sheet("lv_lines", WorkbookBuilder.LV_LINES)
                .sheet("lv_loads", WorkbookBuilder.LV_LOADS);
        for (int t = 0; t < 4; t++) {
            String p = "mv_f0_lv" + t + "_f0_";
            b.row("lv_lines", p + "l0", "mv_f0_lv" + t + "_busbar", p + "n0", 3, 30.0, "m", "lc_247-3ph");
            b.row("lv_lines", p + "l1", p + "n0", p + "c0", 3, 10.0, "m", "lc_247-3ph");
            b.row("lv_loads", p + "c0", 1, p + "c0." + (t == 0 ? 2 : 1), 0.95, 0.23, "variable", 10);
        }
        return b.write(dir.resolve("rural.xlsx"));
    }

    @BeforeAll
    static void convert() throws Exception {
        Path xlsx = workbook(dir);
        MvLvWorkbook wb = MvLvWorkbook.of("rural.xlsx", XlsxTables.read(xlsx));
        report = MvLvScriptWriter.write(wb, new MvLvScriptWriter.Options("rural",
                new LoadProfiles(BundledFeeders.europeanLv().getParent().resolve("Daily_1min_100profiles").toString())), dir.resolve("net"));
        feeder = Feeder.load(dir.resolve("net/Master.dss"), "Set tolerance=1e-10 maxiterations=100\n");
        feeder.solve();
    }

    @Test
    void countsFollowTheSheetsLeavingOutDeletedLines() {
        assertEquals(4, report.residentialCustomers());
        assertEquals(0, report.commercialCustomers());
        assertEquals(4, report.transformers());
        assertEquals(1, report.swerTransformers());
        assertEquals(145, report.connectedKva(), 0);
        assertEquals(5.0 + 0.001 + 3.0, report.mvKm(), 1e-12);
        assertEquals(8.0, report.swerKm(), 1e-12);     // the 99 km "delete" row is not a line
        assertEquals(4 * 0.040, report.lvKm(), 1e-12);
        assertEquals(1, report.regulators());
        assertEquals(1, report.isolators());
        assertEquals(1, report.capacitors());
    }

    @Test
    void windingsAreRatedForTheVoltageAcrossThem() {
        Map<String, Transformer> tx = transformers(feeder.network());
        double ln22 = 22 / Math.sqrt(3);
        // single-phase windings: OpenDSS takes the winding's own voltage (Winding.kvLL is what was given)
        assertWinding(tx.get("transformer.b_iso"), 22, 12.7);                       // across R-W, to earth on SWER
        assertWinding(tx.get("transformer.mv_f0_lv_across_rb"), 22, 0.433 / Math.sqrt(3));
        assertWinding(tx.get("transformer.mv_f0_lv_to_earth"), ln22, 0.433 / Math.sqrt(3));
        assertWinding(tx.get("transformer.mv_f0_lv_swer_tx"), 12.7, 0.24);         // SWER values are phase to earth already
        assertWinding(tx.get("transformer.mv_f0_lv_three"), 22, 0.433);
        assertEquals(1.025, tx.get("transformer.mv_f0_lv_three").tap(0), 1e-12);
        assertEquals(0.975, tx.get("transformer.mv_f0_lv_swer_tx").tap(0), 1e-12);
        for (int ph = 1; ph <= 3; ph++) {
            assertWinding(tx.get("transformer.a_regulator_" + ph), ln22, ln22);
        }
        assertEquals(3, feeder.simulation().regulators().size());
    }

    @Test
    void lvLinesBelowSinglePhaseTransformersCarryOneConductor() {
        for (CircuitElement e : feeder.network().elements()) {
            if (e instanceof Line l && l.name().toLowerCase().startsWith("line.mv_f0_lv")) {
                boolean threePhase = l.name().toLowerCase().startsWith("line.mv_f0_lv0_");
                assertEquals(threePhase ? 3 : 1, l.connection().nodes()[0].length, l.name());
            }
        }
    }

    @Test
    void householdsSitNearNominalAndEnergyBalances() throws Exception {
        for (int t = 0; t < 4; t++) {
            double pu = feeder.loadVoltagePu("mv_f0_lv" + t + "_f0_c0")[0];
            assertTrue(pu > 0.95 && pu < 1.12, "household under transformer " + t + ": " + pu + " pu");
        }
        FlowSummary s = feeder.summary();
        assertEquals(4.0, s.loadsKw(), 1e-6);
        assertTrue(Math.abs(s.balanceResidualKw()) <= 1e-6 * s.sourceKw(), s.toString());
        assertTrue(Files.readString(dir.resolve("net/LoadShapes.dss")).contains("load_profile_4.txt"), "the 4th household takes profile 4");
    }

    private static void assertWinding(Transformer t, double kv1, double kv2) {
        assertTrue(t != null, "transformer missing");
        assertEquals(kv1, t.winding(0).kvLL(), 1e-9, t.name() + " winding 1 kV");
        assertEquals(kv2, t.winding(1).kvLL(), 1e-9, t.name() + " winding 2 kV");
    }

    private static Map<String, Transformer> transformers(Network n) {
        Map<String, Transformer> m = new HashMap<>();
        for (CircuitElement e : n.elements()) {
            if (e instanceof Transformer t) {
                m.put(t.name().toLowerCase(), t);
            }
        }
        return m;
    }
}
