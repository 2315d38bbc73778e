package io.packetgrid.grid.result;

import java.util.Locale;

/**
 * Numbers as OpenDSS prints them in its reports and exports: OpenDSS is written in Delphi, whose
 * {@code Format('%W.Pg')} differs from C's and Java's {@code %g}. Learned from the files OpenDSS wrote in
 * the public test repository dss-extensions/electricdss-tst (monitor exports, Y-current exports, the
 * {@code Show Voltages} report) and Delphi's documented general format:
 * <ul>
 * <li>P significant digits, trailing zeros (and a trailing point) dropped: {@code 1.06}, {@code 80.782};</li>
 * <li>fixed notation while the decimal exponent lies from -4 to P - 1 (as C's rule), else scientific;</li>
 * <li>a scientific exponent has at least three digits and a sign only when negative:
 *     {@code -8.59772E-020}, {@code 6.9715E007};</li>
 * <li>zero is {@code 0}; a width W right-aligns with blanks; a fixed value that rounds to zero has no
 *     minus sign.</li>
 * </ul>
 */
public final class DelphiFormat {
    private DelphiFormat() {
    }

    /** {@code Format('%.Pg', [v])}: P significant digits, no padding. */
    public static String g(double v, int precision) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v == 0 ? "0" : (Double.isNaN(v) ? "NAN" : (v > 0 ? "INF" : "-INF"));
        }
        String s = String.format(Locale.ROOT, "%." + precision + "g", v);
        int e = s.indexOf('e');
        if (e >= 0) {
            String mant = stripZeros(s.substring(0, e));
            int exp = Integer.parseInt(s.substring(e + 1));
            return mant + "E" + (exp < 0 ? "-" : "") + String.format(Locale.ROOT, "%03d", Math.abs(exp));
        }
        return stripZeros(s);
    }

    /** {@code Format('%W.Pg', [v])}: as {@link #g(double, int)}, right-aligned in W characters. */
    public static String g(double v, int width, int precision) {
        return pad(g(v, precision), width);
    }

    /**
     * {@code Format('%W.Df', [v])}: D decimals, right-aligned in W characters; a value that rounds to zero
     * has no minus sign ({@code 0.0} for an angle of -0.01 degrees).
     */
    public static String f(double v, int width, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.startsWith("-") && s.chars().allMatch(ch -> ch == '-' || ch == '0' || ch == '.')) {
            s = s.substring(1);
        }
        return pad(s, width);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
