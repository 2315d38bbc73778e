package io.packetgrid.radio.eval;

/** A value in a named input column that cannot be evaluated; the CLI adds the file and row. */
public final class BadValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String column;

    public BadValueException(String column, String message) {
        super(message);
        this.column = column;
    }

    public String column() {
        return column;
    }
}
