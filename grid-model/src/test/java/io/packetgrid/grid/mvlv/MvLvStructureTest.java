package io.packetgrid.grid.mvlv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.grid.feeders.SyntheticFeeders;
import io.packetgrid.grid.model.Network;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a study reads of an MV–LV network: the shipped AusNet HPK11 network against its publishers'
 * README (44 distribution transformers, 5,274 + 1 customers), a generated network of European LV copies
 * on MV feeders against its construction, and the MV voltage sensitivity against re-solving.
 */
class MvLvStructureTest {

    @Test
    void hpk11HasItsPublishedTransformersAndCustomersEachInOneLvFeeder() {
        Feeder f = Feeder.load(BundledFeeders.resolve("builtin:ausnet-hpk11", "test"));
        MvLvStructure s = MvLvStructure.of(f, null, "test");
        assertEquals("Transformer.hpk11", s.substation());
        assertEquals(100_000, s.substationKva(), 0);
        assertEquals(44, s.feeders().size(), "distribution transformers (README)");
        assertEquals(5275, s.lvLoads(), "customers (README: 5,274 residential + 1 C&I)");
        Set<String> seen = new HashSet<>();
        Network net = f.network();
        for (MvLvStructure.LvFeeder lv : s.feeders()) {
            for (String l : lv.loads()) {
                assertTrue(seen.add(l), "load " + l + " in two LV feeders");
            }
            for (int node : lv.nodes()) {
                assertTrue(net.busKvBase(net.nodeBus(node)) < 0.3, "an LV node: " + net.nodeLabel(node));
            }
            assertEquals(3, lv.mvNodes().length, lv.transformer());
            for (double b : lv.mvBaseV()) {
                assertEquals(22_000 / Math.sqrt(3), b, 1e-6);
            }
        }
        for (int k = 0; k < s.mvNodes().length; k++) {
            assertEquals(22_000 / Math.sqrt(3), s.mvBaseV()[k], 1e-6, net.nodeLabel(s.mvNodes()[k]));
        }
        assertEquals(3 * 594, s.mvNodes().length, "the MV buses of sheet lines (594 nodes) with three phases each");
        double[] tap = s.zoneTap(f);
        assertEquals(1.0, tap[0], 0);
        assertEquals(0.2 / 32, tap[1], 1e-12, "OpenDSS's default 32 taps over +-10 %");
    }

    @Test
    void generatedMvNetworkHasOneLvFeederPerCopy(@TempDir Path dir) {
        Feeder f = Feeder.load(SyntheticFeeders.europeanLvOnMv(3, 2, dir), "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n");
        MvLvStructure s = MvLvStructure.of(f, "zone", "test");
        assertEquals("Transformer.zone", s.substation());
        assertEquals(27_500, s.substationKva(), 0);
        assertEquals(List.of("Transformer.c1_tr1", "Transformer.c2_tr1", "Transformer.c3_tr1"),
                s.feeders().stream().map(MvLvStructure.LvFeeder::transformer).toList());
        for (MvLvStructure.LvFeeder lv : s.feeders()) {
            assertEquals(55, lv.loads().size());
            assertEquals(800, lv.kva(), 0);
        }
        // mv_bus and three MV nodes (two feeders: 2 + 1 sections), three phases each
        assertEquals(3 * 4, s.mvNodes().length);
        PacketGridException e = assertThrows(PacketGridException.class, () -> MvLvStructure.of(f, "nope", "feeder.mv.substation"));
        assertTrue(e.userMessage().startsWith("feeder.mv.substation: no transformer 'nope' in the network"), e.userMessage());
    }

    /**
     * The MV node's fall per kW, measured with 10 kW, predicts a 40 kW step (re-solved): the MV voltage is
     * close to linear in the load over that range.
     */
    @Test
    void mvVoltageSensitivityMatchesResolving(@TempDir Path dir) {
        Feeder f = Feeder.load(SyntheticFeeders.europeanLvOnMv(4, 4, dir), "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n"
                + "Set tolerance=1e-10 maxiterations=100\n");
        MvLvStructure s = MvLvStructure.of(f, null, "test");
        f.solve();
        int last = 3;                                       // the far end of the MV feeder
        MvLvStructure.LvFeeder lv = s.feeders().get(last);
        double rate = s.mvRatePuPerKw(f, last, lv.loads(), 10.0);
        double before = meanMvPu(f, lv);
        double extra = 40.0 / lv.loads().size();
        for (String l : lv.loads()) {
            double[] p = f.loadPower(l);
            f.setLoadPower(l, p[0] + extra, p[1]);
        }
        f.solve();
        double change = meanMvPu(f, lv) - before;
        assertTrue(rate < 0, "consumption lowers the MV voltage: " + rate);
        assertEquals(change, 40.0 * rate, 0.05 * Math.abs(change), "10 kW estimate vs 40 kW re-solved (pu)");
    }

    private static double meanMvPu(Feeder f, MvLvStructure.LvFeeder lv) {
        int n = f.network().nodeCount();
        double[] re = new double[n];
        double[] im = new double[n];
        f.nodeVoltages(re, im);
        double sum = 0;
        for (int a = 0; a < lv.mvNodes().length; a++) {
            int node = lv.mvNodes()[a];
            sum += Math.hypot(re[node], im[node]) / lv.mvBaseV()[a];
        }
        return sum / lv.mvNodes().length;
    }
}
