package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Reactor;
import io.packetgrid.grid.result.ElementFlows;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.series.Simulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reactor (Reactor.pas) against hand calculations on a stiff source: a shunt reactor draws
 * {@code V / (R + jX)} (plus {@code V / Rp}); the kvar form has {@code X = kV^2 1000 / kvar}; a
 * series reactor drops {@code Z I}; R and X matrices in parallel give {@code R^-1 + (jX)^-1}; a
 * three-phase sequence-impedance shunt draws the positive-sequence current {@code V / Z1}; a neutral
 * grounding reactor carries a phase-to-ground load's return current {@code V / (Z_load + Z_ngr)}.
 */
class ReactorTest {
    /** 12.47 kV source, effectively infinite (1e6 MVA). */
    static final String SRC = "New Circuit.r basekv=12.47 pu=1.0 phases=3 bus1=src MVAsc3=1e6 MVAsc1=1e6\n";

    static Simulation run(Path dir, String script) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(SRC + script + "Set tolerance=1e-12 maxiterations=100\nSolve\n", dir, "r.dss");
        return dss.simulation();
    }

    static double[][] flows(Simulation sim, String name) {
        CircuitElement e = GridResults.element(sim.network(), name);
        return ElementFlows.solve(sim.solver(), e);
    }

    static double vln() {
        return 12470.0 / Math.sqrt(3.0);
    }

    @Test
    void shuntReactorDrawsVOverZ(@TempDir Path dir) {
        Simulation sim = run(dir, "New Reactor.sh phases=1 bus1=src.1 R=2 X=30\n");
        double[][] f = flows(sim, "Reactor.sh");
        double v = Math.hypot(f[0][0], f[1][0]);
        double i = Math.hypot(f[2][0], f[3][0]);
        assertEquals(v / Math.hypot(2, 30), i, 1e-6);
        assertEquals(vln(), v, 0.05, "stiff source");
        // power into the reactor: P = I^2 R, Q = I^2 X
        double[] s = ElementFlows.terminalPowers(sim.solver(), GridResults.element(sim.network(), "Reactor.sh"));
        assertEquals(i * i * 2, s[0], 1e-6);
        assertEquals(i * i * 30, s[1], 1e-6);
    }

    @Test
    void kvarFormAndParallelResistance(@TempDir Path dir) {
        // 3 phases, 600 kvar at 12.47 kV: X = (12.47/sqrt3)^2 1000 / 200 = 259.2 ohm per phase; Rp = 1000 ohm in parallel
        Simulation sim = run(dir, "New Reactor.k bus1=src kvar=600 kV=12.47 Rp=1000\n");
        double[] s = ElementFlows.terminalPowers(sim.solver(), GridResults.element(sim.network(), "Reactor.k"));
        double x = Math.pow(12.47 / Math.sqrt(3.0), 2) * 1000.0 / 200.0;
        double v = Math.hypot(flows(sim, "Reactor.k")[0][0], flows(sim, "Reactor.k")[1][0]);
        assertEquals(3 * v * v / x, s[1], 1e-6, "600 kvar at rated voltage");
        assertEquals(600e3, s[1], 600e3 * 1e-5, "the source is stiff");
        assertEquals(3 * v * v / 1000.0, s[0], 1e-6, "V^2/Rp per phase");
        Reactor r = (Reactor) GridResults.element(sim.network(), "Reactor.k");
        assertEquals(200.0 / (12.47 / Math.sqrt(3.0)), r.normAmps(), 1e-9, "normamps = kvar per phase / kV per phase");
    }

    @Test
    void resistanceAloneKeepsTheKvarRating(@TempDir Path dir) {
        // OpenDSS changes the form only on X (or Z, LmH): R=0.001 alone is R + j X(100 kvar, 12.47 kV)
        Simulation sim = run(dir, "New Reactor.n phases=1 bus1=src.1 R=0.001\n");
        double[] s = ElementFlows.terminalPowers(sim.solver(), GridResults.element(sim.network(), "Reactor.n"));
        double x = 12.47 * 12.47 * 1000.0 / 100.0;
        double v = Math.hypot(flows(sim, "Reactor.n")[0][0], flows(sim, "Reactor.n")[1][0]);
        assertEquals(v * v * x / (0.001 * 0.001 + x * x), s[1], 1e-6);
    }

    @Test
    void seriesReactorDropsZI(@TempDir Path dir) {
        Simulation sim = run(dir, "New Reactor.se phases=3 bus1=src bus2=b X=2 R=0.5\n"
                + "New Load.l bus1=b phases=3 kV=12.47 kW=900 kvar=0 model=2\n");
        double[][] f = flows(sim, "Reactor.se");
        // phase 1: V(b) = V(src) - Z I
        double dvr = f[0][0] - f[0][3];
        double dvi = f[1][0] - f[1][3];
        double ir = f[2][0];
        double ii = f[3][0];
        assertEquals(0.5 * ir - 2 * ii, dvr, 1e-6);
        assertEquals(0.5 * ii + 2 * ir, dvi, 1e-6);
    }

    @Test
    void parallelMatricesAndSequenceImpedances(@TempDir Path dir) {
        // diagonal R = 100, X = 50 ohm in parallel: y = 1/100 - j/50 per phase
        Simulation par = run(dir, "New Reactor.p phases=3 bus1=src Rmatrix=[100 | 0 100 | 0 0 100] Xmatrix=[50 | 0 50 | 0 0 50] "
                + "Parallel=yes\n");
        double[] s = ElementFlows.terminalPowers(par.solver(), GridResults.element(par.network(), "Reactor.p"));
        double v = Math.hypot(flows(par, "Reactor.p")[0][0], flows(par, "Reactor.p")[1][0]);
        assertEquals(3 * v * v / 100.0, s[0], 1e-5);
        assertEquals(3 * v * v / 50.0, s[1], 1e-5);
        // sequence form: a balanced voltage sees only Z1 = 3 + j40
        Simulation seq = run(dir, "New Reactor.q phases=3 bus1=src Z1=[3 40] Z0=[10 90]\n");
        double[][] f = flows(seq, "Reactor.q");
        assertEquals(Math.hypot(f[0][0], f[1][0]) / Math.hypot(3, 40), Math.hypot(f[2][0], f[3][0]), 1e-6);
    }

    @Test
    void neutralGroundingReactorCarriesTheReturnCurrent(@TempDir Path dir) {
        // a Dyn transformer (impedance negligible: 1e-6 of the loop; %Rs for both windings, as %R sets only the
        // active one) whose wye neutral b.4 is grounded only through R + jX = 0.5 + j5 ohm; a phase-to-ground
        // constant-impedance load of 5.29 ohm (10 kW at 230 V) closes the loop winding -> load -> ground -> reactor
        // -> neutral: I = (400 V / sqrt 3) / |5.29 + 0.5 + j5|
        Simulation sim = run(dir, "New Transformer.t phases=3 windings=2 buses=[src b.1.2.3.4] conns=[delta wye] kVs=[12.47 0.4] "
                + "kVAs=[100 100] XHL=0.0001 %Rs=[0.00005 0.00005]\n"
                + "New Reactor.ngr phases=1 bus1=b.4 bus2=b.0 R=0.5 X=5\n"
                + "New Load.l phases=1 bus1=b.1 kV=0.23 kW=10 pf=1 model=2\n");
        double[][] f = flows(sim, "Reactor.ngr");
        double i = Math.hypot(f[2][0], f[3][0]);
        double expected = 400.0 / Math.sqrt(3.0) / Math.hypot(5.29 + 0.5, 5.0);
        assertEquals(expected, i, expected * 2e-5);
        // the neutral rises by |Z_ngr| I above ground
        assertEquals(Math.hypot(0.5, 5.0) * expected, Math.hypot(f[0][0], f[1][0]), expected * 1e-3);
    }
}
