package io.packetgrid.grid.api;

import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.result.GridResults;
import io.packetgrid.grid.result.Limits;
import io.packetgrid.grid.result.NodeVoltage;
import io.packetgrid.grid.series.Simulation;
import io.packetgrid.grid.series.SolveMode;
import java.nio.file.Path;
import java.util.List;

/**
 * An OpenDSS script executed as OpenDSS executes it, command by command (the {@code grid run} and
 * {@code bench grid} commands), and what it left: the circuit, its simulation, the counts of solutions and
 * iterations, the exports and warnings, and the final solved state's results. {@link Feeder} is the facade for
 * a feeder driven step by step; this one is for running a script to its end.
 */
public final class ScriptRun {
    private final DssInterpreter dss;

    /** Runs the time series a script's {@code Solve} asks for, in place of the built-in loop (the benchmark times each step). */
    public interface SeriesRunner {
        void run(Simulation sim, int steps);
    }

    /** @param outDir where {@code Export} commands write (created on the first export) */
    public ScriptRun(Path outDir) {
        this.dss = new DssInterpreter(outDir);
    }

    public void onTimeSeries(SeriesRunner r) {
        dss.setTimeSeriesRunner(r::run);
    }

    /** Executes the script (paths relative to its folder); errors name file and line. */
    public void run(Path script) {
        dss.run(script);
    }

    public boolean hasCircuit() {
        return dss.hasCircuit();
    }

    /** {@code New Circuit.name}'s name. */
    public String circuitName() {
        return dss.circuitName();
    }

    public Simulation simulation() {
        return dss.simulation();
    }

    /** The present solution mode. */
    public SolveMode mode() {
        return dss.mode();
    }

    public long totalSolutions() {
        return dss.totalSolutions();
    }

    /** Fixed-point iterations summed over every solution. */
    public long totalIterations() {
        return dss.totalIterations();
    }

    public List<Path> exported() {
        return dss.exported();
    }

    /** Properties and commands accepted without effect on the power flow. */
    public List<String> warnings() {
        return dss.warnings();
    }

    public int busCount() {
        return simulation().network().busCount();
    }

    public int nodeCount() {
        return simulation().network().nodeCount();
    }

    /** The final state's lowest and highest phase-node voltage, pu of the limits' nominal. */
    public double[] voltageRangePu(Limits limits) {
        return GridResults.voltageRangePu(simulation().solver(), limits);
    }

    /** The final state's losses {W, var}. */
    public double[] losses() {
        return GridResults.losses(simulation().solver());
    }

    /** The final state's power from the sources {W, var}. */
    public double[] sourcePower() {
        return GridResults.sourcePower(simulation().solver());
    }

    /** The final state's violations of the limits, counted. */
    public int violationCount(Limits limits) {
        return GridResults.violations(simulation().solver(), limits).size();
    }

    /** Every node's voltage in the final state. */
    public List<NodeVoltage> voltages() {
        return GridResults.voltages(simulation().solver());
    }

    /** The solver's shape (for the benchmark). */
    public SolverShape solverShape() {
        var s = simulation().solver();
        return new SolverShape(s.injectionNodes(), s.isReduced(), s.factorNonzeros(), s.restrictedRows());
    }

    /**
     * @param injectionNodes nodes of conversion elements (loads, generators, sources)
     * @param reduced        whether the iterations use the dense reduced operator (else the sparse factor)
     * @param factorNonzeros non-zeros of the L factor, fill included
     * @param restrictedRows rows of the factor a sparse iteration works on
     */
    public record SolverShape(int injectionNodes, boolean reduced, int factorNonzeros, int restrictedRows) {
    }
}
