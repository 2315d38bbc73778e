package io.packetgrid.grid.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.grid.feeders.SyntheticFeeders;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.series.Monitor;
import io.packetgrid.grid.series.SolveMode;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sparse strategy's shortcuts against the plain computations they replace:
 * <ul>
 * <li>the iterations' restricted substitution (only the factor rows of the injection nodes, the
 *     branch points between them and their etree ancestors) against a full substitution through
 *     the same factor: identical to the last bit;</li>
 * <li>the whole power flow against the reduced strategy (a dense Kron reduction): the same
 *     voltages within the convergence tolerance;</li>
 * <li>the partial re-factorisation after a tap change against factorising the changed matrix from
 *     scratch: identical to the last bit, recomputing only a few rows;</li>
 * <li>the structure the ordering buys on feeder copies: restricted rows a small share of the
 *     nodes, and the fill of plain minimum degree kept within bounds.</li>
 * </ul>
 */
class SparseStrategyTest {

    static PowerFlowSolver sparse(Feeder f) {
        PowerFlowSolver s = f.simulation().solver();
        s.setOptions(s.options().withStrategy(SolverOptions.Strategy.SPARSE));
        return s;
    }

    @Test
    void restrictedSubstitutionEqualsTheFullOneBitForBit() {
        Feeder f = Feeder.load(BundledFeeders.europeanLv(), "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n");
        PowerFlowSolver s = sparse(f);
        f.solve();
        assertTrue(!s.isReduced());
        int n = s.network().nodeCount();
        // a right-hand side at 20 random load nodes, solved both ways through the solver's factor
        SparseLu lu = factorOf(s);
        Random rnd = new Random(7);
        int[] nodes = new int[20];
        double[] br = new double[n];
        double[] bi = new double[n];
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = randomLoadNode(f, s, rnd);
            br[nodes[k]] = rnd.nextGaussian();
            bi[nodes[k]] = rnd.nextGaussian();
        }
        int[] positions = lu.closure(nodes);
        assertTrue(positions.length < n / 3, "closure " + positions.length + " of " + n);
        double[] wr = new double[n];
        double[] wi = new double[n];
        for (int pos : positions) {
            wr[pos] = br[lu.nodeAt(pos)];
            wi[pos] = bi[lu.nodeAt(pos)];
        }
        lu.solveRestricted(positions, wr, wi);
        double[] xr = br.clone();
        double[] xi = bi.clone();
        lu.solve(xr, xi);
        for (int pos : positions) {
            assertEquals(Double.doubleToRawLongBits(xr[lu.nodeAt(pos)]), Double.doubleToRawLongBits(wr[pos]));
            assertEquals(Double.doubleToRawLongBits(xi[lu.nodeAt(pos)]), Double.doubleToRawLongBits(wi[pos]));
        }
    }

    @Test
    void theCompactRestrictionSolvesAsTheRestrictedSubstitutionBitForBitAndFollowsARefactorisation() {
        Feeder f = Feeder.load(BundledFeeders.europeanLv(), "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n");
        PowerFlowSolver s = sparse(f);
        f.solve();
        int n = s.network().nodeCount();
        SparseLu lu = factorOf(s);
        Random rnd = new Random(5);
        int[] nodes = new int[25];
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = randomLoadNode(f, s, rnd);
        }
        int[] positions = lu.closure(nodes);
        SparseLu.Restriction compact = lu.restriction(positions);
        assertEquals(positions.length, compact.size());
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                // new values on the same pattern (a tap change): the restriction must take them
                transformer(f).setTap(0, 1.0125);
                f.solve();
                assertTrue(s.lastRefactoredRows() > 0);
            }
            double[] wr = new double[n];
            double[] wi = new double[n];
            compact.clear();
            for (int t = 0; t < positions.length; t++) {
                // zeros and nonzeros, as the iterations' right-hand sides have (the zero-skip must agree)
                double re = rnd.nextInt(3) == 0 ? 0.0 : rnd.nextGaussian();
                double im = rnd.nextInt(3) == 0 ? 0.0 : rnd.nextGaussian();
                wr[positions[t]] = re;
                wi[positions[t]] = im;
                compact.set(t, re, im);
            }
            lu.solveRestricted(positions, wr, wi);
            compact.solve();
            double[] er = new double[n];
            double[] ei = new double[n];
            compact.exportTo(er, ei);
            for (int t = 0; t < positions.length; t++) {
                int pos = positions[t];
                assertEquals(compact.position(t), pos);
                assertEquals(Double.doubleToRawLongBits(wr[pos]), Double.doubleToRawLongBits(compact.re(t)), "round " + round + " row " + t);
                assertEquals(Double.doubleToRawLongBits(wi[pos]), Double.doubleToRawLongBits(compact.im(t)), "round " + round + " row " + t);
                assertEquals(Double.doubleToRawLongBits(wr[pos]), Double.doubleToRawLongBits(er[pos]));
                assertEquals(Double.doubleToRawLongBits(wi[pos]), Double.doubleToRawLongBits(ei[pos]));
            }
        }
        transformer(f).setTap(0, 1.0);
    }

    @Test
    void aCompletedRestrictedSolutionEqualsTheFullSubstitutionBitForBit() {
        Feeder f = Feeder.load(BundledFeeders.europeanLv(), "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n");
        PowerFlowSolver s = sparse(f);
        f.solve();
        int n = s.network().nodeCount();
        SparseLu lu = factorOf(s);
        Random rnd = new Random(11);
        int[] nodes = new int[15];
        double[] br = new double[n];
        double[] bi = new double[n];
        for (int k = 0; k < nodes.length; k++) {
            nodes[k] = randomLoadNode(f, s, rnd);
            br[nodes[k]] = rnd.nextGaussian();
            bi[nodes[k]] = rnd.nextGaussian();
        }
        int[] positions = lu.closure(nodes);
        double[] wr = new double[n];
        double[] wi = new double[n];
        // entries outside the closure hold garbage on entry: the completion must not read them
        java.util.Arrays.fill(wr, Double.NaN);
        java.util.Arrays.fill(wi, 1e300);
        for (int pos : positions) {
            wr[pos] = br[lu.nodeAt(pos)];
            wi[pos] = bi[lu.nodeAt(pos)];
        }
        lu.solveRestricted(positions, wr, wi);
        lu.completeRestricted(positions, wr, wi);
        double[] xr = br.clone();
        double[] xi = bi.clone();
        lu.solve(xr, xi);
        for (int pos = 0; pos < n; pos++) {
            assertEquals(Double.doubleToRawLongBits(xr[lu.nodeAt(pos)]), Double.doubleToRawLongBits(wr[pos]), "position " + pos);
            assertEquals(Double.doubleToRawLongBits(xi[lu.nodeAt(pos)]), Double.doubleToRawLongBits(wi[pos]), "position " + pos);
        }
        // the solver's full voltage vector (completed) against one substitution through the whole factor
        double[] vr = new double[n];
        double[] vi = new double[n];
        double[] ur = new double[n];
        double[] ui = new double[n];
        s.voltages(vr, vi);
        s.voltagesBySubstitution(ur, ui);
        for (int i = 0; i < n; i++) {
            assertEquals(ur[i], vr[i], 1e-9 * Math.abs(ur[i]) + 1e-9, "node " + i);
        }
    }

    @Test
    void sparseAndReducedStrategiesAgreeOverAnHourOfTheEuropeanLvDay() {
        String tight = "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\nSet tolerance=1e-12 maxiterations=200\n";
        Feeder a = Feeder.load(BundledFeeders.europeanLv(), tight);
        Feeder b = Feeder.load(BundledFeeders.europeanLv(), tight);
        PowerFlowSolver sa = a.simulation().solver();
        sa.setOptions(sa.options().withStrategy(SolverOptions.Strategy.REDUCED));
        sparse(b);
        a.setMode(SolveMode.YEARLY);
        b.setMode(SolveMode.YEARLY);
        int n = a.network().nodeCount();
        double[] ar = new double[n];
        double[] ai = new double[n];
        double[] br = new double[n];
        double[] bi = new double[n];
        double worst = 0;
        for (int minute = 600; minute < 660; minute++) {
            a.setTimeHours(minute / 60.0);
            b.setTimeHours(minute / 60.0);
            a.solve();
            b.solve();
            a.nodeVoltages(ar, ai);
            b.nodeVoltages(br, bi);
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.hypot(ar[i] - br[i], ai[i] - bi[i]));
            }
        }
        assertTrue(worst < 1e-8, "largest node voltage difference " + worst + " V");
    }

    @Test
    void partialRefactorisationAfterATapChangeEqualsAFreshFactorisation() {
        for (SolverOptions.Strategy strategy : new SolverOptions.Strategy[] {SolverOptions.Strategy.REDUCED, SolverOptions.Strategy.SPARSE}) {
            Feeder f = Feeder.load(BundledFeeders.europeanLv(), "BatchEdit Load..* vminpu=0.5 vmaxpu=1.5\n");
            PowerFlowSolver s = f.simulation().solver();
            s.setOptions(s.options().withStrategy(strategy));
            f.solve();
            Transformer tr = transformer(f);
            tr.setTap(0, 1.025);
            f.solve();
            assertTrue(s.lastRefactoredRows() > 0 && s.lastRefactoredRows() < s.network().nodeCount() / 2,
                    strategy + ": rows recomputed " + s.lastRefactoredRows() + " of " + s.network().nodeCount());
            // the same network factorised from scratch at the new tap
            PowerFlowSolver fresh = new PowerFlowSolver(s.network(), s.options());
            for (Monitor m : f.simulation().monitors()) {
                fresh.track(m.nodes(fresh));     // the same kept nodes, hence the same ordering
            }
            fresh.solve();
            int n = s.network().nodeCount();
            double[] r1 = new double[n];
            double[] i1 = new double[n];
            double[] r2 = new double[n];
            double[] i2 = new double[n];
            for (int node : new int[] {0, n / 3, n / 2, n - 1}) {
                s.transferColumn(node, r1, i1);
                fresh.transferColumn(node, r2, i2);
                assertArrayEquals(r2, r1, 0.0, strategy + ": column " + node);
                assertArrayEquals(i2, i1, 0.0, strategy + ": column " + node);
            }
            tr.setTap(0, 1.0);
        }
    }

    @Test
    void feederCopiesIterateOnASmallPartOfTheFactor(@TempDir Path dir) {
        Feeder f = Feeder.load(SyntheticFeeders.europeanLvCopies(4, dir), "");
        PowerFlowSolver s = sparse(f);
        f.solve();
        int n = s.network().nodeCount();
        assertTrue(s.restrictedRows() < 0.12 * n, "restricted rows " + s.restrictedRows() + " of " + n);
        assertTrue(s.restrictedNonzeros() < 0.1 * s.factorNonzeros(), "restricted nonzeros " + s.restrictedNonzeros());
        assertTrue(s.factorNonzeros() < 7.0 * n, "factor nonzeros " + s.factorNonzeros() + " for " + n + " nodes");
    }

    private static Transformer transformer(Feeder f) {
        for (CircuitElement e : f.network().elements()) {
            if (e instanceof Transformer t) {
                return t;
            }
        }
        throw new AssertionError("no transformer");
    }

    /** The first node of one of the European LV feeder's 55 loads, drawn with {@code rnd}. */
    private static int randomLoadNode(Feeder f, PowerFlowSolver s, Random rnd) {
        return s.network().nodesOf(f.simulation().loads().get(rnd.nextInt(55)).load())[0];
    }

    /** The solver's factor, read through its transfer columns' owner (package access). */
    private static SparseLu factorOf(PowerFlowSolver s) {
        return s.factor();
    }
}
