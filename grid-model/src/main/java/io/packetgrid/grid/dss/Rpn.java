package io.packetgrid.grid.dss;

/**
 * OpenDSS in-line math: a quoted numeric value is evaluated as a reverse Polish expression, e.g.
 * {@code (8 1000 /)} = 0.008 (OpenDSS reference manual, "In-line math"; operators as in
 * ParserDel.pas ProcessRPNCommand: + - * / sqrt sqr ^ sin cos tan asin acos atan atan2 swap
 * rollup rolldn ln pi log10 exp inv; angles in degrees).
 */
final class Rpn {
    private Rpn() {
    }

    static double eval(String expr) {
        double[] st = new double[4]; // X, Y, Z, T registers as a stack (OpenDSS RPN calculator)
        String[] parts = expr.trim().split("[\\s,]+");
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            Double num = DssValues.parseNumber(p);
            if (num != null) {
                push(st, num);
                continue;
            }
            switch (p.toLowerCase(java.util.Locale.ROOT)) {
                case "+" -> binary(st, st[1] + st[0]);
                case "-" -> binary(st, st[1] - st[0]);
                case "*" -> binary(st, st[1] * st[0]);
                case "/" -> binary(st, st[1] / st[0]);
                case "^" -> binary(st, Math.pow(st[1], st[0]));
                case "sqrt" -> st[0] = Math.sqrt(st[0]);
                case "sqr" -> st[0] = st[0] * st[0];
                case "sin" -> st[0] = Math.sin(Math.toRadians(st[0]));
                case "cos" -> st[0] = Math.cos(Math.toRadians(st[0]));
                case "tan" -> st[0] = Math.tan(Math.toRadians(st[0]));
                case "asin" -> st[0] = Math.toDegrees(Math.asin(st[0]));
                case "acos" -> st[0] = Math.toDegrees(Math.acos(st[0]));
                case "atan" -> st[0] = Math.toDegrees(Math.atan(st[0]));
                case "atan2" -> binary(st, Math.toDegrees(Math.atan2(st[1], st[0])));
                case "swap" -> {
                    double t = st[0];
                    st[0] = st[1];
                    st[1] = t;
                }
                case "rollup" -> {
                    double t = st[3];
                    st[3] = st[2];
                    st[2] = st[1];
                    st[1] = st[0];
                    st[0] = t;
                }
                case "rolldn" -> {
                    double t = st[0];
                    st[0] = st[1];
                    st[1] = st[2];
                    st[2] = st[3];
                    st[3] = t;
                }
                case "ln" -> st[0] = Math.log(st[0]);
                case "pi" -> push(st, Math.PI);
                case "log10" -> st[0] = Math.log10(st[0]);
                case "exp" -> st[0] = Math.exp(st[0]);
                case "inv" -> st[0] = 1.0 / st[0];
                default -> throw new NumberFormatException("invalid in-line math entry '" + p + "'");
            }
        }
        return st[0];
    }

    private static void push(double[] st, double v) {
        st[3] = st[2];
        st[2] = st[1];
        st[1] = st[0];
        st[0] = v;
    }

    private static void binary(double[] st, double result) {
        st[0] = result;
        st[1] = st[2];
        st[2] = st[3];
    }
}
