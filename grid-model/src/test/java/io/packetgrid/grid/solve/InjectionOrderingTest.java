package io.packetgrid.grid.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which buses the sparse power flow keeps to the end, on a feeder drawn by hand:
 * <pre>
 *  source - t1 (transformer) - a - b - c - d - e        load at e (end of the main)
 *                                      |   \
 *                                      |    j           load at j
 *                                      f - g - h        load at h;  g - i (dead end, no load)
 * </pre>
 * c is a branch point between the loads (d, f, j), g only looks like one: its third neighbour i
 * leads nowhere, so once that dead end is pruned g is a link of the chain f-g-h. The way to the
 * source is a dead end too (the source enters through the no-load solution, no iteration needs its
 * rows), so b is a link and a, the transformer's buses are pruned. Kept: the load buses e, h, j and
 * the branch point c; every other bus is eliminated first.
 */
class InjectionOrderingTest {

    @Test
    void loadBusesAndTheBranchPointsBetweenThemAreKept(@TempDir Path dir) throws Exception {
        String line = " phases=3 r1=0.1 x1=0.05 r0=0.3 x0=0.15 units=km length=0.05\n";
        Path script = Files.writeString(dir.resolve("tree.dss"), "Clear\n"
                + "New Circuit.tree basekv=11 pu=1.0 phases=3\n"
                + "New Transformer.t1 buses=[sourcebus a] conns=[delta wye] kVs=[11 0.416] kVAs=[400 400] xhl=4\n"
                + "New Line.ab bus1=a bus2=b" + line + "New Line.bc bus1=b bus2=c" + line + "New Line.cd bus1=c bus2=d" + line
                + "New Line.de bus1=d bus2=e" + line + "New Line.cf bus1=c bus2=f" + line + "New Line.fg bus1=f bus2=g" + line
                + "New Line.gh bus1=g bus2=h" + line + "New Line.gi bus1=g bus2=i" + line + "New Line.cj bus1=c bus2=j" + line
                + "New Load.le bus1=e.1 phases=1 kv=0.24 kw=2 pf=0.95\n"
                + "New Load.lh bus1=h.2 phases=1 kv=0.24 kw=2 pf=0.95\n"
                + "New Load.lj bus1=j.3 phases=1 kv=0.24 kw=2 pf=0.95\n"
                + "Set voltagebases=[11 0.416]\nCalcvoltagebases\nSolve\n");
        Feeder f = Feeder.load(script);
        Network net = f.network();
        int[] s = {net.node("e", 1), net.node("h", 2), net.node("j", 3)};
        int[] group = InjectionOrdering.groups(net, s, new int[0]);
        Map<String, Integer> byBus = new TreeMap<>();
        for (int node = 0; node < group.length; node++) {
            byBus.merge(net.busName(net.nodeBus(node)), group[node], Math::max);
        }
        Map<String, Integer> expected = new TreeMap<>(Map.of("sourcebus", 0, "a", 0, "b", 0, "c", 1, "d", 0, "e", 1, "f", 0, "g", 0,
                "h", 1, "i", 0));
        expected.put("j", 1);
        assertEquals(expected, byBus);
    }
}
