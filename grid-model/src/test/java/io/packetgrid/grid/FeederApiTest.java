package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.record.Recorder;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.grid.federate.GridFederateConfig;
import io.packetgrid.grid.federate.LoadInput;
import io.packetgrid.grid.result.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API other modules use, on the bundled European LV feeder (no ../shared needed). */
class FeederApiTest {

    @Test
    void setPowerSolveAndRead() {
        Feeder f = Feeder.europeanLv();
        assertEquals(55, f.loadNames().size());
        f.setLoadPower("LOAD1", 5.0);
        f.solve();
        double[] pq = f.loadPower("LOAD1");
        // at about 252 V the default rule makes LOAD1 an impedance above 241.5 V: P = 5 kW (V/241.5)^2
        double v = f.loadVoltage("LOAD1")[0];
        assertEquals(5.0 * Math.pow(v / 241.5, 2), pq[0], 1e-6);
        double[] range = f.voltageRangePu();
        assertTrue(range[0] <= range[1] && range[0] > 0.9 && range[1] < 1.15);
        double[] src = f.sourcePowerKw();
        assertTrue(src[0] > 55 && f.lossesKw() > 0);
        assertTrue(f.transformerLoadings().get(0).loadingPu() > 0);
        assertEquals(0, f.violations().stream().filter(x -> x.kind() == Violation.Kind.UNDERVOLTAGE).count());
    }

    @Test
    void sensitivityPredictsTheVoltageChangeOfASmallInjection() {
        Feeder f = Feeder.load(io.packetgrid.grid.feeders.BundledFeeders.europeanLv(), "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n");
        f.solve();
        double v0 = f.loadVoltage("LOAD53")[0];
        double s = f.voltageSensitivity("LOAD53");
        f.setLoadPower("LOAD53", 1.0 - 0.5, (1.0 - 0.5) * Math.tan(Math.acos(0.95)));
        f.solve();
        double v1 = f.loadVoltage("LOAD53")[0];
        // 0.5 kW less load at P (and its Q) = 0.5 kW injected, plus the reactive part; estimate within 20 %
        assertTrue(s > 0, "injection raises the voltage");
        double predictedActiveOnly = s * 0.5;
        assertTrue(v1 - v0 > 0.5 * predictedActiveOnly && v1 - v0 < 2.0 * predictedActiveOnly + 0.05,
                "change " + (v1 - v0) + " vs estimate " + predictedActiveOnly);
    }

    @Test
    void largestTransformerKvaIsTheRatingOfTr1() {
        // Transformers.txt: TR1 kVAs=[800 800], the feeder's only transformer
        assertEquals(800.0, Feeder.europeanLv().largestTransformerKva(), 0.0);
    }

    @Test
    void openingTheFeederHeadDeenergisesTheLoads() {
        Feeder f = Feeder.europeanLv();
        f.setSwitch("LINE1", true);
        f.solve();
        assertEquals(0.0, f.loadVoltage("LOAD1")[0], 1e-9);
        f.setSwitch("LINE1", false);
        f.solve();
        assertTrue(f.loadVoltage("LOAD1")[0] > 240);
        assertThrows(PacketGridException.class, () -> f.setLoadPower("NOPE", 1));
    }

    @Test
    void federateSolvesEveryMinute() {
        Feeder f = Feeder.europeanLv();
        GridFederate g = new GridFederate(f, GridFederateConfig.of("grid", "grid", List.of("LOAD1")).withInputs(null, null,
                LoadInput.ADD_TO_SHAPES));
        new Federation().add(g).recorder(Recorder.discard()).run(KernelOptions.of(1L, 10 * SimTime.MIN));
        assertTrue(g.lastIterations() >= 2);
        assertEquals(f.loadVoltagePu("LOAD1")[0], g.lastVoltagesPu()[0], 1e-12);
        assertTrue(g.lastVoltagesPu()[0] > 1.0);
    }
}
