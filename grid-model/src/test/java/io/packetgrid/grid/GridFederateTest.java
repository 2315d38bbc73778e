package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.cosim.federate.Federate;
import io.packetgrid.cosim.federate.Setup;
import io.packetgrid.cosim.federate.Step;
import io.packetgrid.cosim.kernel.Federation;
import io.packetgrid.cosim.kernel.KernelOptions;
import io.packetgrid.cosim.record.Recorder;
import io.packetgrid.cosim.time.SimTime;
import io.packetgrid.cosim.value.ValueKey;
import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.federate.GridFederate;
import io.packetgrid.grid.federate.GridFederateConfig;
import io.packetgrid.grid.federate.LoadInput;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.series.SolveMode;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The array-valued grid federate against the {@link Feeder} API driven by hand with the same
 * inputs (a separate feeder object, the same sequence of solutions): published voltages, the
 * summary against {@link GridResults}' element-by-element figures, sensitivities against the
 * feeder's transfer impedances and against re-solving with one more kilowatt.
 */
class GridFederateTest {
    static final int STEPS = 30;
    static final List<String> BOUND = List.of("LOAD53", "load1", "Load.LOAD32", "LOAD7", "LOAD28");

    /** Device power of bound load l at step k (kW, deterministic; 0 to 4 kW). */
    static double kw(int k, int l) {
        return ((k * 7 + l * 3) % 11) * 0.4;
    }

    static double kvar(int k, int l) {
        return ((k + l) % 5) * 0.1 - 0.2;
    }

    /** Publishes the kW (and kvar) arrays every minute. */
    static final class Inputs implements Federate {
        final ValueKey<double[]> kwKey;
        final ValueKey<double[]> kvarKey;
        final int n;

        Inputs(String kwName, String kvarName, int n) {
            this.kwKey = GridFederate.powerKey(kwName);
            this.kvarKey = kvarName == null ? null : GridFederate.powerKey(kvarName);
            this.n = n;
        }

        public String name() {
            return "fleet";
        }

        public long initialize(Setup s) {
            s.publishes(kwKey, new double[0]);
            if (kvarKey != null) {
                s.publishes(kvarKey, new double[0]);
            }
            return 0;
        }

        public long step(Step s) {
            int k = (int) (s.now() / SimTime.MIN);
            double[] p = new double[n];
            double[] q = new double[n];
            for (int l = 0; l < n; l++) {
                p[l] = kw(k, l);
                q[l] = kvar(k, l);
            }
            s.publish(kwKey, p);
            if (kvarKey != null) {
                s.publish(kvarKey, q);
            }
            return s.now() + SimTime.MIN;
        }
    }

    /** Records what the grid federate published, step by step. */
    static final class Probe implements Federate {
        final GridFederate grid;
        final List<double[]> voltages = new ArrayList<>();
        final List<double[]> summary = new ArrayList<>();
        final List<String> what = List.of("v_min_pu", "v_max_pu", "losses_kw", "losses_kvar", "source_kw", "source_kvar",
                "loads_kw", "transformer_loading_pct", "line_loading_pct", "violations");
        double[] sensitivity;

        Probe(GridFederate grid) {
            this.grid = grid;
        }

        public String name() {
            return "probe";
        }

        public long initialize(Setup s) {
            s.subscribes(grid.loadVoltageKey());
            for (String w : what) {
                s.subscribes(grid.summaryKey(w));
            }
            if (grid.sensitivityKey() != null) {
                s.subscribes(grid.sensitivityKey());
            }
            s.after(grid.name());
            return 0;
        }

        public long step(Step s) {
            voltages.add(s.read(grid.loadVoltageKey()));
            double[] row = new double[what.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = s.read(grid.summaryKey(what.get(i)));
            }
            summary.add(row);
            if (grid.sensitivityKey() != null && sensitivity == null) {
                sensitivity = s.read(grid.sensitivityKey());
            }
            return s.now() + SimTime.MIN;
        }
    }

    static Probe run(GridFederate g, Inputs in) {
        Probe probe = new Probe(g);
        new Federation().add(in).add(g).add(probe).recorder(Recorder.discard())
                .run(KernelOptions.of(1L, (STEPS - 1) * SimTime.MIN));
        assertEquals(STEPS, probe.voltages.size());
        return probe;
    }

    /** The summary of a solved reference feeder from GridResults, in the probe's order. */
    static double[] reference(Feeder ref) {
        PowerFlowSolver s = ref.simulation().solver();
        double[] range = GridResults.voltageRangePu(s, ref.limits());
        double[] loss = GridResults.losses(s);
        double[] src = GridResults.sourcePower(s);
        return new double[] {range[0], range[1], loss[0] / 1000, loss[1] / 1000, src[0] / 1000, src[1] / 1000};
    }

    @Test
    void addedToShapesThePublishedVoltagesAreTheFeedersOwn() {
        GridFederate g = new GridFederate(Feeder.europeanLv(), GridFederateConfig.of("grid", "feeder1", BOUND)
                .withAfter("fleet").withSensitivity(SimTime.NEVER));
        Probe probe = run(g, new Inputs("feeder1/load_kw", null, BOUND.size()));

        Feeder ref = Feeder.europeanLv();
        ref.setMode(SolveMode.YEARLY);
        double worst = 0;
        for (int k = 0; k < STEPS; k++) {
            for (int l = 0; l < BOUND.size(); l++) {
                ref.addLoadPower(BOUND.get(l), kw(k, l), 0.0);
            }
            ref.setTimeHours(k / 60.0);
            ref.solve();
            double[] v = probe.voltages.get(k);
            for (int l = 0; l < BOUND.size(); l++) {
                double expected = ref.loadVoltagePu(BOUND.get(l))[0];
                worst = Math.max(worst, Math.abs(v[l] - expected));
                assertEquals(expected, v[l], 1e-12, "step " + k + " " + BOUND.get(l));
            }
            double[] s = probe.summary.get(k);
            double[] r = reference(ref);
            for (int i = 0; i < r.length; i++) {
                assertEquals(r[i], s[i], 1e-9 * Math.max(1, Math.abs(r[i])), "step " + k + " " + probe.what.get(i));
            }
            assertEquals(s[4], s[6] + s[2], 5e-4 * s[4], "step " + k + ": source = loads + losses");
            assertEquals(100 * ref.transformerLoadings().get(0).loadingPu(), s[7], 1e-9);
            if (k == 0) {
                checkSensitivities(probe.sensitivity, ref);
            }
        }
        System.out.printf(Locale.ROOT, "grid federate vs Feeder API, %d steps x %d loads: max |dV| %.2e pu%n", STEPS, BOUND.size(), worst);
    }

    /** Published pu/kW-consumed entries against Feeder.voltageSensitivity, and against re-solving with 1 kW more. */
    static void checkSensitivities(double[] s, Feeder ref) {
        int n = BOUND.size();
        assertEquals(n * n, s.length);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected = -ref.voltageSensitivity(BOUND.get(i), BOUND.get(j)) / ref.loadNominalV(BOUND.get(i));
                assertEquals(expected, s[i * n + j], 1e-12 * Math.abs(expected), "S[" + i + "," + j + "]");
            }
            // a load's own consumption lowers its voltage (on another phase it may raise it: neutral shift)
            assertTrue(s[i * n + i] < 0, "self sensitivity of " + BOUND.get(i));
        }
    }

    /**
     * Independent check of the estimate: re-solve (tightly) with one kilowatt more at each bound load
     * in turn (constant-power loads, so the kilowatt is drawn whatever the voltage) and compare every
     * bound load's voltage change with the matrix entry, relative to the largest change the kilowatt
     * causes (its own load's: loads on other phases move less, some of them up).
     */
    @Test
    void sensitivityPredictsAResolvedKilowatt() {
        Feeder f = Feeder.load(BundledFeeders.europeanLv(), "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n"
                + "Set tolerance=1e-10 maxiterations=100\n");
        f.setMode(SolveMode.SNAPSHOT);
        f.solve();
        double[] s = f.voltageSensitivityMatrix(BOUND);
        int n = BOUND.size();
        double[] v0 = new double[n];
        for (int i = 0; i < n; i++) {
            v0[i] = f.loadVoltage(BOUND.get(i))[0];
        }
        double worst = 0;
        for (int j = 0; j < n; j++) {
            f.addLoadPower(BOUND.get(j), 1.0, 0.0);
            f.solve();
            double[] dv = new double[n];
            double largest = 0;
            for (int i = 0; i < n; i++) {
                dv[i] = f.loadVoltage(BOUND.get(i))[0] - v0[i];
                largest = Math.max(largest, Math.abs(dv[i]));
            }
            assertTrue(dv[j] < 0 && Math.abs(dv[j]) == largest, "1 kW at " + BOUND.get(j) + " lowers its own voltage most");
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(dv[i] + s[i * n + j]) / largest);
            }
            f.addLoadPower(BOUND.get(j), 0.0, 0.0);
        }
        System.out.printf(Locale.ROOT, "sensitivity vs re-solved 1 kW (%d x %d loads): worst relative error %.4f%n", n, n, worst);
        // the network's loads answer as their linearisation admittances in the estimate, as constant power
        // in the re-solve: a few per cent apart on this feeder (5.2 % at worst)
        assertTrue(worst < 0.08, "worst relative error " + worst);
    }

    @Test
    void replacingThePowerWithKvarInputs() {
        GridFederate g = new GridFederate(Feeder.europeanLv(), GridFederateConfig.of("grid", "f", BOUND).withAfter("fleet")
                .withInputs("fleet/kw", "fleet/kvar", LoadInput.REPLACE));
        Probe probe = run(g, new Inputs("fleet/kw", "fleet/kvar", BOUND.size()));
        Feeder ref = Feeder.europeanLv();
        ref.setMode(SolveMode.SNAPSHOT);
        for (int k = 0; k < STEPS; k++) {
            for (int l = 0; l < BOUND.size(); l++) {
                ref.setLoadPower(BOUND.get(l), kw(k, l), kvar(k, l));
            }
            ref.solve();
            for (int l = 0; l < BOUND.size(); l++) {
                assertEquals(ref.loadVoltagePu(BOUND.get(l))[0], probe.voltages.get(k)[l], 1e-12, "step " + k + " " + BOUND.get(l));
            }
            double[] r = reference(ref);
            for (int i = 0; i < r.length; i++) {
                assertEquals(r[i], probe.summary.get(k)[i], 1e-9 * Math.max(1, Math.abs(r[i])), "step " + k + " " + probe.what.get(i));
            }
        }
    }

    @Test
    void badInputsAreOneLineErrors() {
        PacketGridException e = assertThrows(PacketGridException.class,
                () -> new GridFederate(Feeder.europeanLv(), GridFederateConfig.of("grid", "f", List.of("LOAD1", "LOAD99"))));
        assertEquals("load LOAD99", e.location());
        e = assertThrows(PacketGridException.class,
                () -> new GridFederate(Feeder.europeanLv(), GridFederateConfig.of("grid", "f", List.of("LOAD1", "load.load1"))));
        assertTrue(e.getMessage().contains("bound twice"), e.getMessage());
        GridFederate g = new GridFederate(Feeder.europeanLv(), GridFederateConfig.of("grid", "f", BOUND).withAfter("fleet"));
        Inputs wrong = new Inputs("f/load_kw", null, BOUND.size() - 1);
        e = assertThrows(PacketGridException.class, () -> new Federation().add(wrong).add(g).recorder(Recorder.discard())
                .run(KernelOptions.of(1L, SimTime.MIN)));
        assertTrue(e.userMessage().contains("'f/load_kw' has 4 entries, expected 5"), e.userMessage());
    }
}
