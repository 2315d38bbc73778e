package io.packetgrid.grid.series;

/**
 * OpenDSS solution modes implemented here (Solution.pas Set_Mode, SolutionAlgs.pas): every mode but
 * {@link #SNAPSHOT} steps time before each solution; they differ in which shape drives loads and
 * generation and whether the global load multiplier applies (Load.pas SetNominalLoad).
 */
public enum SolveMode {
    /** One solution at the present load level (load multiplier only). */
    SNAPSHOT,
    /** Time steps following the daily shapes (default step 1 h, 24 steps). */
    DAILY,
    /** Time steps following the yearly shapes (default step 1 h, 8760 steps). */
    YEARLY,
    /** Time steps following the duty shapes, else the daily ones (OpenDSS DutyCycle: default step 1 s, time-driven controls). */
    DUTY,
    /** Like daily, but the global load multiplier is ignored (OpenDSS PeakDay; time restarts at 0 on each solve). */
    PEAKDAY,
    /** General time mode (OpenDSS Time): shapes of the class given by {@code Set LoadShapeClass}, one step per solve. */
    TIME;

    /** Which shape of an element drives it in this mode ({@code timeClass} is the LoadShapeClass for {@link #TIME}). */
    public ShapeClass shapeClass(ShapeClass timeClass) {
        return switch (this) {
            case SNAPSHOT -> ShapeClass.NONE;
            case DAILY, PEAKDAY -> ShapeClass.DAILY;
            case YEARLY -> ShapeClass.YEARLY;
            case DUTY -> ShapeClass.DUTY;
            case TIME -> timeClass;
        };
    }

    /** The shape classes of OpenDSS elements ({@code Set LoadShapeClass=} values; NONE: no shape, multiplier 1). */
    public enum ShapeClass { NONE, DAILY, YEARLY, DUTY }
}
