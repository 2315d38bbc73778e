package io.packetgrid.grid.model;

/** The voltage dependence of a load (OpenDSS Load {@code model=} numbers). */
public enum LoadModel {
    /** 1: constant P and Q (the power-flow load). */
    CONSTANT_PQ(1),
    /** 2: constant impedance. */
    CONSTANT_Z(2),
    /** 3: constant P, quadratic Q ("motor"). */
    MOTOR(3),
    /** 4: CVR: P and Q follow (V/Vbase) to the power of the CVR factors. */
    CVR(4),
    /** 5: constant current magnitude. */
    CONSTANT_I(5),
    /** 6: constant P, fixed Q (the base kvar). */
    CONSTANT_P_FIXED_Q(6),
    /** 7: constant P, fixed reactance for Q. */
    CONSTANT_P_FIXED_X(7),
    /** 8: ZIP with a low-voltage cut-off (seven ZIPV coefficients). */
    ZIPV(8);

    public final int number;

    LoadModel(int number) {
        this.number = number;
    }

    public static LoadModel of(int number) {
        for (LoadModel m : values()) {
            if (m.number == number) {
                return m;
            }
        }
        return null;
    }
}
