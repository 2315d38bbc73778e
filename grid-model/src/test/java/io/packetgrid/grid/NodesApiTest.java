package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.api.Nodes;
import org.junit.jupiter.api.Test;

/**
 * {@link Feeder#nodes()} on the European LV feeder (Master.dss: Vsource at SourceBus, 11 kV; voltage bases
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
