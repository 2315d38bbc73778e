package io.packetgrid.cosim.scenario;

/**
 * A value a scenario record refuses, with the field it is in (as written in the file, e.g.
 * {@code reference_amplitude_pct}). Thrown from a record's constructor, it lets {@link YamlFiles}
 * place the error at that field's line and path: {@code study.yaml:16: reference_amplitude_pct: must
 * be in [0, 100], got 1e308}.
 */
public class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /** @param field the field's name, or a dotted path below the record ({@code rebound.deny_for}) */
    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /**
     * A number that must be finite and within {@code [min, max]}: returns it, or throws naming the field.
     * For the many settings whose absurd values (1e308 kW, −1 pu) would run to meaningless or infinite
     * results instead of an error.
     */
    public static double inRange(String field, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new InvalidFieldException(field, "must be a number in [" + plain(min) + ", " + plain(max) + "], got " + plain(value));
        }
        return value;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
