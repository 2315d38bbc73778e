package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.result.NodeVoltage;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XfmrCode, wdg= syntax and property assignment to an existing transformer give the same circuit. */
class TransformerSyntaxTest {
    static final String HEAD = "New Circuit.t basekv=11 pu=1.0 phases=3 bus1=src MVAsc3=200 MVAsc1=150\n";
    static final String TAIL = "New Load.l phases=3 bus1=lv kV=0.4 kW=150 pf=0.9\nSet tolerance=1e-12\nSolve\n";

    static List<NodeVoltage> solve(Path dir, String body) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(HEAD + body + TAIL, dir, "x.dss");
        return GridResults.voltages(dss.simulation().solver());
    }

    @Test
    void codeArraysAndWindingSyntaxAgree(@TempDir Path dir) {
        List<NodeVoltage> arrays = solve(dir, "New Transformer.tr phases=3 windings=2 buses=[src lv] conns=[delta wye]"
                + " kVs=[11 0.4] kVAs=[400 400] %Rs=[0.6 0.6] XHL=4.5 taps=[1 0.975]\n");
        List<NodeVoltage> wdg = solve(dir, "New Transformer.tr phases=3 windings=2 XHL=4.5\n"
                + "~ wdg=1 bus=src conn=delta kV=11 kVA=400 %R=0.6\n"
                + "~ wdg=2 bus=lv conn=wye kV=0.4 kVA=400 %R=0.6\n"
                + "Transformer.tr.wdg=2 Tap=0.975\n");
        List<NodeVoltage> code = solve(dir, "New XfmrCode.c phases=3 windings=2 conns=[delta wye] kVs=[11 0.4] kVAs=[400 400]"
                + " %Rs=[0.6 0.6] XHL=4.5\n"
                + "New Transformer.tr XfmrCode=c buses=[src lv]\nTransformer.tr.Taps=[1 0.975]\n");
        assertEquals(arrays.size(), wdg.size());
        for (int i = 0; i < arrays.size(); i++) {
            assertEquals(arrays.get(i).vmagV(), wdg.get(i).vmagV(), 1e-9, arrays.get(i).toString());
            assertEquals(arrays.get(i).vmagV(), code.get(i).vmagV(), 1e-9, arrays.get(i).toString());
            assertEquals(arrays.get(i).vangleDeg(), code.get(i).vangleDeg(), 1e-9);
        }
        // a winding tap scales that winding's voltage (OpenDSS: 1/(Vbase tap) in the one-volt model):
        // 0.975 on the LV winding lowers the LV voltage by 2.5 %
        List<NodeVoltage> untapped = solve(dir, "New Transformer.tr phases=3 windings=2 buses=[src lv] conns=[delta wye]"
                + " kVs=[11 0.4] kVAs=[400 400] %Rs=[0.6 0.6] XHL=4.5\n");
        double lv = arrays.stream().filter(v -> v.bus().equals("lv") && v.node() == 1).findFirst().orElseThrow().vmagV();
        double lv0 = untapped.stream().filter(v -> v.bus().equals("lv") && v.node() == 1).findFirst().orElseThrow().vmagV();
        assertEquals(0.975, lv / lv0, 0.001);
    }

    @Test
    void tapSetByNumberStaysWithinLimits(@TempDir Path dir) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(HEAD + "New Transformer.tr phases=3 windings=2 buses=[src lv] conns=[delta wye] kVs=[11 0.4] kVAs=[400 400]"
                + " XHL=4 taps=[1 1.25]\n" + TAIL, dir, "x.dss");
        Simulation sim = dss.simulation();
        Transformer t = (Transformer) sim.network().deliveries().get(0);
        t.setTap(1, 1.25);
        assertEquals(1.10, t.tap(1), 1e-12, "clamped to maxtap like OpenDSS's PresentTap");
    }
}
