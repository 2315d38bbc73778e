package io.packetgrid.grid.dss;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.protection.TccCurve;
import java.util.Arrays;
import java.util.Set;

/**
 * OpenDSS TCC_Curve (TCC_Curve.pas): {@code npts}, {@code C_array} (current multiples), {@code T_array}
 * (seconds). The curves OpenDSS defines when it starts (Executive.pas CreateDefaultDSSItems: A, D,
 * TLink, KLink, uv1547, ov1547, mod_inv, very_inv, ext_inv, definite) exist in every circuit here.
 */
final class TccCurveDef extends ElementDef {
    static final PropertyTable TABLE = new PropertyTable("npts", "C_array", "T_array", "like");

    int npts = -1;
    double[] c = new double[0];
    double[] t = new double[0];

    TccCurveDef(String name, String at) {
        super("TCC_Curve", name, at);
    }

    @Override
    PropertyTable table() {
        return TABLE;
    }

    @Override
    Set<String> noEffect() {
        return Set.of();
    }

    @Override
    boolean isCircuitElement() {
        return false;
    }

    @Override
    boolean set(String key, DssTokenizer.Param p, EditContext ctx) {
        switch (key) {
            case "npts" -> npts = ctx.count(p, key, 0, 100_000);
            case "c_array" -> c = ctx.array(p, key);
            case "t_array" -> t = ctx.array(p, key);
            default -> {
                return false;
            }
        }
        return true;
    }

    TccCurve toCurve() {
        int n = npts >= 0 ? npts : Math.min(c.length, t.length);
        if (c.length < n || t.length < n || n == 0) {
            throw new PacketGridException(definedAt, "TCC_Curve." + name + ": needs " + Math.max(n, 1) + " C_array and T_array values, got "
                    + c.length + " and " + t.length);
        }
        return new TccCurve(name, Arrays.copyOf(c, n), Arrays.copyOf(t, n));
    }

    /** OpenDSS's start-up curves (name, multiples, seconds), Executive.pas CreateDefaultDSSItems. */
    static final Object[][] BUILT_IN = {
        {"a", new double[] {1, 2.5, 4.5, 8.0, 14.}, new double[] {0.15, 0.07, .05, .045, .045}},
        {"d", new double[] {1, 2.5, 4.5, 8.0, 14.}, new double[] {6, 0.7, .2, .06, .02}},
        {"tlink", new double[] {2, 2.1, 3, 4, 6, 22, 50}, new double[] {300, 100, 10.1, 4.0, 1.4, 0.1, 0.02}},
        {"klink", new double[] {2, 2.2, 3, 4, 6, 30}, new double[] {300, 20, 4, 1.3, 0.41, 0.02}},
        {"uv1547", new double[] {0.5, 0.9}, new double[] {0.166, 2}},
        {"ov1547", new double[] {1.1, 1.2}, new double[] {2, 0.166}},
        {"mod_inv", new double[] {1.1, 1.3, 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 50, 100},
            new double[] {27.1053, 9.9029, 6.439, 3.8032, 2.4322, 1.9458, 1.6883, 1.5255, 1.4117, 1.3267, 1.2604, 1.2068, 0.9481,
                0.7468, 0.6478}},
        {"very_inv", new double[] {1.1, 1.3, 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 50, 100},
            new double[] {93.872, 28.9113, 16.179, 7.0277, 2.9423, 1.7983, 1.3081, 1.0513, 0.8995, 0.8023, 0.7361, 0.6891, 0.5401,
                0.4988, 0.493}},
        {"ext_inv", new double[] {1.1, 1.3, 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 50, 100},
            new double[] {134.4074, 40.9913, 22.6817, 9.5217, 3.6467, 2.0017, 1.2967, 0.9274, 0.7092, 0.5693, 0.4742, 0.4065, 0.1924,
                0.133, 0.1245}},
        {"definite", new double[] {1, 1.001, 100}, new double[] {300, 1, 1}},
    };

    static TccCurveDef builtIn(Object[] row) {
        TccCurveDef d = new TccCurveDef((String) row[0], "(built-in TCC_Curve)");
        d.c = (double[]) row[1];
        d.t = (double[]) row[2];
        d.npts = d.c.length;
        return d;
    }
}
