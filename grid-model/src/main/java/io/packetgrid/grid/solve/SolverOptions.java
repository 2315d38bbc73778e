package io.packetgrid.grid.solve;

/**
 * Power-flow settings (OpenDSS defaults: {@code tolerance=0.0001}, {@code maxiterations=15},
 * minimum 2 iterations, normal solution mode).
 *
 * @param tolerance     convergence: largest change of a node voltage magnitude between two
 *                      iterations, in per unit of the node's base (relative to its magnitude when no base is set)
 * @param maxIterations iteration limit; reaching it is a non-convergence error
 * @param minIterations at least this many iterations even if converged earlier (OpenDSS: 2)
 * @param strategy      how each iteration is computed
 */
public record SolverOptions(double tolerance, int maxIterations, int minIterations, Strategy strategy) {

    /** How the fixed-point iteration is evaluated; results are the same, speed is not. */
    public enum Strategy {
        /** Choose by size: reduced when the injection nodes are few, sparse otherwise. */
        AUTO,
        /** Dense transfer impedance among injection nodes (Kron reduction of the factorised network). */
        REDUCED,
        /** A forward/back substitution over the whole network per iteration. */
        SPARSE
    }

    public SolverOptions {
        if (!(tolerance > 0) || maxIterations < 1 || minIterations < 1) {
            throw new IllegalArgumentException("tolerance > 0 and iteration counts >= 1 required");
        }
    }

    public static SolverOptions defaults() {
        return new SolverOptions(1e-4, 15, 2, Strategy.AUTO);
    }

    public SolverOptions withTolerance(double t) {
        return new SolverOptions(t, maxIterations, minIterations, strategy);
    }

    public SolverOptions withMaxIterations(int m) {
        return new SolverOptions(tolerance, m, minIterations, strategy);
    }

    public SolverOptions withMinIterations(int m) {
        return new SolverOptions(tolerance, maxIterations, m, strategy);
    }

    public SolverOptions withStrategy(Strategy s) {
        return new SolverOptions(tolerance, maxIterations, minIterations, s);
    }
}
