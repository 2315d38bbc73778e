package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.result.FlowAccounting;
import io.packetgrid.grid.result.FlowSummary;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.result.Limits;
import io.packetgrid.grid.result.Loading;
import io.packetgrid.grid.result.Violation;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.solve.PowerFlowSolver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cached-matrix accounting ({@link FlowAccounting}, behind {@link Feeder}'s losses, loadings
 * and violations) against the element-by-element terminal quantities of {@link GridResults}
 * ({@code ElementFlows}: every primitive matrix rebuilt and multiplied in full), on networks with
 * every kind of element: European LV (sequence-impedance cables, a Dyn11 transformer), IEEE 13
 * (lines with shunt capacitance and unbalanced impedances, regulators, capacitors, a delta load).
 */
class FlowAccountingTest {

    static void compare(PowerFlowSolver solver, Limits limits, FlowAccounting acc) {
        int n = solver.network().nodeCount();
        double[] re = new double[n];
        double[] im = new double[n];
        solver.voltages(re, im);
        FlowSummary s = new FlowSummary();
        acc.summarize(re, im, s);
        double[] loss = GridResults.losses(solver);
        double[] src = GridResults.sourcePower(solver);
        double[] range = GridResults.voltageRangePu(solver, limits);
        assertEquals(loss[0] / 1000, s.lossesKw(), 1e-9 * Math.abs(src[0] / 1000), "losses kW");
        assertEquals(loss[1] / 1000, s.lossesKvar(), 1e-9 * Math.abs(src[0] / 1000), "losses kvar");
        assertEquals(src[0] / 1000, s.sourceKw(), 1e-9 * Math.abs(src[0] / 1000), "source kW");
        assertEquals(src[1] / 1000, s.sourceKvar(), 1e-9 * Math.abs(src[0] / 1000), "source kvar");
        assertEquals(range[0], s.vMinPu(), 1e-12);
        assertEquals(range[1], s.vMaxPu(), 1e-12);
        List<Loading> lines = GridResults.lineLoadings(solver);
        List<Loading> lines2 = acc.lineLoadings();
        assertEquals(lines.size(), lines2.size());
        double worst = 0;
        for (int k = 0; k < lines.size(); k++) {
            Loading a = lines.get(k);
            Loading b = lines2.get(k);
            assertEquals(a.element(), b.element());
            assertEquals(a.rating(), b.rating());
            // currents are differences of large admittance products: compare to 1e-9 of the feeder's largest
            assertEquals(a.value(), b.value(), 1e-6 + 1e-9 * a.value(), a.element());
            worst = Math.max(worst, a.loadingPu());
        }
        assertEquals(worst, s.lineLoadingPu(), 1e-9);
        List<Loading> tr = GridResults.transformerLoadings(solver);
        List<Loading> tr2 = acc.transformerLoadings();
        assertEquals(tr.size(), tr2.size());
        double worstTr = 0;
        for (int k = 0; k < tr.size(); k++) {
            assertEquals(tr.get(k).element(), tr2.get(k).element());
            assertEquals(tr.get(k).value(), tr2.get(k).value(), 1e-9 * tr.get(k).value());
            assertEquals(tr.get(k).rating(), tr2.get(k).rating());
            worstTr = Math.max(worstTr, tr.get(k).loadingPu());
        }
        assertEquals(worstTr, s.transformerLoadingPu(), 1e-12);
        List<Violation> v = GridResults.violations(solver, limits);
        List<Violation> v2 = acc.violations(re, im);
        assertEquals(v.size(), v2.size(), "violations " + v + " vs " + v2);
        assertEquals(v.size(), s.violations());
        for (int k = 0; k < v.size(); k++) {
            assertEquals(v.get(k).kind(), v2.get(k).kind());
            assertEquals(v.get(k).where(), v2.get(k).where());
            assertEquals(v.get(k).value(), v2.get(k).value(), 1e-9);
            assertEquals(v.get(k).limit(), v2.get(k).limit());
        }
    }

    @Test
    void europeanLvWithOverloadsAndUndervoltages() {
        Feeder f = Feeder.europeanLv();
        for (String l : f.loadNames()) {
            f.setLoadPower(l, 12.0);
        }
        f.solve();
        // tight thermal limits so that lines and the transformer are reported too
        Limits limits = new Limits(230, 0.94, 1.10, 1.0, 0.4, 0.2);
        f.setLimits(limits);
        compare(f.simulation().solver(), limits, new FlowAccounting(f.network(), limits));
        List<Violation> v = f.violations();
        assertTrue(v.stream().anyMatch(x -> x.kind() == Violation.Kind.UNDERVOLTAGE), v.toString());
        assertTrue(v.stream().anyMatch(x -> x.kind() == Violation.Kind.LINE_OVERLOAD), v.toString());
        assertTrue(v.stream().anyMatch(x -> x.kind() == Violation.Kind.TRANSFORMER_OVERLOAD), v.toString());
        assertEquals(v.size(), f.summary().violations());
    }

    @Test
    void ieee13WithRegulatorsCapacitorsAndShuntCapacitance() {
        Path dir = SharedData.shared("feeders/ieee13");
        DssInterpreter dss = new DssInterpreter(null);
        dss.run(dir.resolve("IEEE13Nodeckt.dss"));
        Simulation sim = dss.simulation();
        Limits limits = new Limits(230, 0.97, 1.03, 1.0, 0.5, 0.5);
        compare(sim.solver(), limits, new FlowAccounting(sim.network(), limits));
        // a tap change after the accounting was built: its transformer matrix is re-read
        FlowAccounting acc = new FlowAccounting(sim.network(), limits);
        Transformer reg = (Transformer) GridResults.element(sim.network(), "Transformer.reg1");
        reg.setTap(1, reg.tap(1) - 0.05);
        sim.solver().solve();
        compare(sim.solver(), limits, acc);
    }
}
