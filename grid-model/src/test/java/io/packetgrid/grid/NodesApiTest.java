package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.api.ElementInfo;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.api.Nodes;
import io.packetgrid.grid.api.Topology;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Feeder#nodes()}, {@link Feeder#element} and {@link Topology} on the European LV feeder (Master.dss: Vsource at SourceBus, 11 kV; voltage bases
 * [11 0.416]): bases are line to neutral, the source's bus is the only voltage-source bus, the node numbering
 * is that of {@link Feeder#nodeVoltages}, and opening the feeder head de-energises the nodes behind it.
 */
class NodesApiTest {
    static int bus(Nodes n, String name) {
        for (int b = 0; b < n.busCount(); b++) {
            if (n.busName(b).equalsIgnoreCase(name)) {
                return b;
            }
        }
        throw new AssertionError("no bus " + name);
    }

    @Test
    void busesNodesBasesAndTheSourceBus() {
        Feeder f = Feeder.europeanLv();
        f.solve();
        Nodes n = f.nodes();
        assertSame(n, f.nodes(), "one view while the network stands");
        int src = bus(n, "sourcebus");
        int b34 = bus(n, "34");
        assertEquals(11 / Math.sqrt(3), n.busKvBase(src), 1e-9);
        assertEquals(0.416 / Math.sqrt(3), n.busKvBase(b34), 1e-9);
        int sourceBuses = 0;
        for (int b = 0; b < n.busCount(); b++) {
            sourceBuses += n.voltageSourceBus(b) ? 1 : 0;
        }
        assertEquals(1, sourceBuses);
        assertTrue(n.voltageSourceBus(src));
        double[] re = new double[n.nodeCount()];
        double[] im = new double[n.nodeCount()];
        f.nodeVoltages(re, im);
        // LOAD1 sits on bus 34, phase a: the node numbered 1 at that bus has its voltage
        double v = Double.NaN;
        for (int i = 0; i < n.nodeCount(); i++) {
            if (n.nodeBus(i) == b34 && n.nodeNumber(i) == 1) {
                v = Math.hypot(re[i], im[i]);
                assertTrue(n.energised(i));
            }
        }
        assertEquals(f.loadVoltage("LOAD1")[0], v, 1e-9 * v, "bus 34 node 1 is LOAD1's voltage");
    }

    @Test
    void elementsAndBusesByName() {
        Feeder f = Feeder.europeanLv();
        // Lines.txt: LINE1 from bus 1 to bus 2; Transformers.txt: TR1 from SourceBus to 1; Loads.txt: LOAD1 on 34.1
        ElementInfo line = f.element("line.line1");
        assertTrue(line.name().equalsIgnoreCase("Line.LINE1"), line.name());
        assertTrue(line.switchable());
        assertEquals(List.of("1", "2"), line.buses());
        ElementInfo tr = f.element("Transformer.TR1");
        assertTrue(tr.switchable());
        assertEquals(2, tr.terminals());
        assertEquals("sourcebus", tr.buses().get(0).toLowerCase(java.util.Locale.ROOT));
        ElementInfo load1 = f.element("Load.LOAD1");
        assertFalse(load1.switchable(), "a load is not opened or closed");
        assertEquals(1, load1.phases());
        assertEquals(1, load1.firstPhase(), "Bus1=34.1");
        assertEquals("34", load1.buses().get(0));
        assertEquals(3, line.phases());
        assertNull(f.element("Line.NOPE"));
        Nodes n = f.nodes();
        assertEquals(-1, n.bus("nope"));
        int b34 = n.bus("34");
        assertEquals("34", n.busName(b34));
        int node = n.node("34", 1);
        assertEquals(b34, n.nodeBus(node));
        assertEquals(1, n.nodeNumber(node));
        assertEquals(-1, n.node("34", 7));
    }

    @Test
    void topologyDownstreamOfAnElement() {
        // radial: TR1 (SourceBus -> 1) feeds every other bus; LINE1 (1 -> 2) every bus but SourceBus and 1
        Feeder f = Feeder.europeanLv();
        Nodes n = f.nodes();
        Topology t = Topology.of(f);
        BitSet tr1 = t.downstream("Transformer.TR1");
        assertEquals(n.busCount() - 1, tr1.cardinality());
        assertFalse(tr1.get(n.bus("sourcebus")));
        BitSet line1 = t.downstream("line.line1");
        assertEquals(n.busCount() - 2, line1.cardinality());
        assertTrue(line1.get(n.bus("34")) && !line1.get(n.bus("1")));
        assertEquals(0, t.downstream("Load.LOAD1").cardinality(), "one terminal");
        assertEquals(0, t.downstream("Line.NOPE").cardinality());
        f.setSwitch("LINE1", true);
        BitSet open = Topology.of(f).downstream("Transformer.TR1");
        assertEquals(1, open.cardinality(), "an open line joins nothing: only bus 1 behind TR1");
        assertTrue(open.get(n.bus("1")));
    }

    @Test
    void terminalsOpenedInABatchAndGeneratorsSwitched() {
        Feeder f = Feeder.europeanLv();
        f.runCommands("New Generator.g1 phases=1 bus1=34.1 kV=0.23 kW=3 pf=1 model=1", "test");
        f.solve();
        double with = f.sourcePowerKw()[0];
        f.setGeneratorEnabled("Generator.G1", false);
        f.simulation().rebuildNetwork();
        f.solve();
        double without = f.sourcePowerKw()[0];
        assertEquals(3.0, without - with, 0.05, "3 kW less from the source while the unit runs (losses change a little)");
        assertTrue(f.setTerminalsOpen("Line.LINE1", true));
        assertTrue(f.loadVoltage("LOAD1")[0] > 200, "not rebuilt yet: the last solution stands");
        f.simulation().rebuildNetwork();
        f.solve();
        assertEquals(0.0, f.loadVoltage("LOAD1")[0], 1e-9);
        assertFalse(f.setTerminalsOpen("Load.LOAD1", true), "a load cannot be opened");
        assertFalse(f.setTerminalsOpen("Line.NOPE", true));
        assertThrows(PacketGridException.class, () -> f.setGeneratorEnabled("Generator.nope", true));
        assertThrows(PacketGridException.class, () -> f.overrideGeneratorPower("Generator.nope", 1, 0));
    }

    @Test
    void openingTheHeadDeenergisesTheNodesBehindIt() {
        Feeder f = Feeder.europeanLv();
        f.solve();
        Nodes before = f.nodes();
        Object networkBefore = f.network();
        f.setSwitch("LINE1", true);
        f.solve();
        Nodes after = f.nodes();
        assertEquals(f.network() == networkBefore, after == before, "a new view exactly when the network was rebuilt");
        int b34 = bus(after, "34");
        int src = bus(after, "sourcebus");
        for (int i = 0; i < after.nodeCount(); i++) {
            int number = after.nodeNumber(i);
            if (number >= 1 && number <= 3 && after.nodeBus(i) == b34) {
                assertFalse(after.energised(i), "behind the open head: node " + i);
            }
            if (number >= 1 && number <= 3 && after.nodeBus(i) == src) {
                assertTrue(after.energised(i), "the source's bus: node " + i);
            }
        }
    }
}
