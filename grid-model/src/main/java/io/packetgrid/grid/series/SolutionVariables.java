package io.packetgrid.grid.series;

/**
 * What a mode-5 monitor records after each solution, in OpenDSS's order (Monitor.pas TakeSample, mode 5, from
 * the solution object's fields): the last power-flow solution's iterations, the control iterations of the last
 * snapshot, the two limits, whether it converged, the step in hours, the count of power-flow solutions so far,
 * OpenDSS's code of the solution mode, the frequency, the year, and the time the last snapshot and the last
 * step took here (microseconds: this program's own, not comparable with OpenDSS's).
 */
public record SolutionVariables(int iterations, int controlIterations, int maxIterations, int maxControlIterations,
                                boolean converged, double intervalHours, long solutionCount, int modeCode, double frequencyHz,
                                int year, double solveMicros, double stepMicros) {

    /** The column names OpenDSS gives them (Monitor.pas ClearMonitorStream, mode 5). */
    static final String[] NAMES = {"TotalIterations", "ControlIteration", "MaxIterations", "MaxControlIterations", "Converged",
        "IntervalHrs", "SolutionCount", "Mode", "Frequency", "Year", "SolveSnap_uSecs", "TimeStep_uSecs"};

    /** OpenDSS's number of a solution mode (Dynamics.pas: SNAPSHOT 0, DAILYMODE 1, YEARLYMODE 2, PEAKDAY 5, DUTYCYCLE 6, GENERALTIME 16). */
    static int code(SolveMode m) {
        return switch (m) {
            case SNAPSHOT -> 0;
            case DAILY -> 1;
            case YEARLY -> 2;
            case PEAKDAY -> 5;
            case DUTY -> 6;
            case TIME -> 16;
        };
    }

    double[] values() {
        return new double[] {iterations, controlIterations, maxIterations, maxControlIterations, converged ? 1 : 0, intervalHours,
            solutionCount, modeCode, frequencyHz, year, solveMicros, stepMicros};
    }
}
