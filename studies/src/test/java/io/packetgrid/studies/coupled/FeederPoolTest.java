package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.packetgrid.cosim.scenario.YamlFiles;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.feeders.SyntheticFeeders;
import io.packetgrid.studies.coupled.grid.FeederTemplate;
import io.packetgrid.studies.coupled.scenario.CoupledScenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feeder sets of the variant runs: sets parsed together are distinct parses, and sets parsed ahead
 * in the background (an MV network's, which are never handed on) are distinct fresh parses, as many as
 * asked for, each solving to the same voltages as a set parsed in the foreground.
 */
class FeederPoolTest {
    @TempDir
    Path dir;

    @Test
    void setsParsedTogetherAndAheadAreDistinctFreshParses() throws Exception {
        Path master = SyntheticFeeders.europeanLvOnMv(1, 1, dir.resolve("net"));
        CoupledScenario s = YamlFiles.read("""
                kind: coupled
                start: 17h
                duration: 10m
                grid_step: 1m
                device_step: 10s
                feeder:
                  script: %s
                  commands: [BatchEdit Load..* vminpu=0.5 vmaxpu=1.5]
                  mv: {oltc: {vreg_pu: 1.04, band_pct: 1.5, delay: 30s}}
                households: {loads: [all]}
                variants: [{name: uncontrolled, control: local}]
                """.formatted(master.toString().replace('\\', '/')), "test.yaml", CoupledScenario.class);
        FeederTemplate t = FeederTemplate.load(s.feeder(), null, "feeder", 17, s.gridStep().ns(), 11);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        FeederPool feeders = new FeederPool(t, 1, pool);
        try {
            List<Feeder> all = new ArrayList<>();
            List<List<Feeder>> together = feeders.acquire(2);
            assertEquals(2, together.size());
            for (List<Feeder> set : together) {
                assertEquals(1, set.size());
                all.add(set.get(0));
            }
            feeders.parseAhead(2);
            all.add(feeders.nextAhead().get(0));
            all.add(feeders.nextAhead().get(0));
            assertThrows(IllegalStateException.class, feeders::nextAhead);
            for (int a = 0; a < all.size(); a++) {
                for (int b = a + 1; b < all.size(); b++) {
                    assertNotSame(all.get(a), all.get(b));
                    assertNotSame(all.get(a).simulation(), all.get(b).simulation());
                }
            }
            // a background parse is the same feeder: the same voltages to the bit
            double[] first = solvedVoltages(all.get(0));
            for (Feeder f : all.subList(1, all.size())) {
                assertEquals(t.loads().size(), f.loadNames().size());
                double[] v = solvedVoltages(f);
                assertEquals(first.length, v.length);
                for (int i = 0; i < v.length; i++) {
                    assertEquals(Double.doubleToLongBits(first[i]), Double.doubleToLongBits(v[i]), "node " + i);
                }
            }
        } finally {
            pool.shutdownNow();
            feeders.close();
        }
    }

    private static double[] solvedVoltages(Feeder f) {
        f.simulation().rebuildNetwork();
        f.solve();
        int n = f.nodeVoltagesRe().length;
        double[] out = new double[2 * n];
        System.arraycopy(f.nodeVoltagesRe(), 0, out, 0, n);
        System.arraycopy(f.nodeVoltagesIm(), 0, out, n, n);
        return out;
    }
}
