package io.packetgrid.grid.island;

import java.util.Locale;

/**
 * The synchronism check before an energised island is paralleled with the energised grid: the
 * differences of frequency, voltage magnitude and phase angle across the open point must all lie within
 * the window for the DER's aggregate rating, IEEE Std 1547-2018 §4.10.4, Table 39 (synchronization parameter
 * limits for synchronous interconnection to an EPS, or an energized local EPS to an energized area EPS; the
 * same limits as IEEE 1547-2003 Table 5):
 * <pre>
 *   aggregate rating      Δf (Hz)   ΔV (%)   ΔΦ (°)
 *   0 – 500 kVA             0.3       10       20
 *   > 500 – 1 500 kVA       0.2        5       15
 *   > 1 500 kVA             0.1        3       10
 * </pre>
 * Pure functions; angles are compared after wrapping into (−180°, 180°].
 */
public final class SynchronismCheck {
    private SynchronismCheck() {
    }

    /** The largest differences allowed: frequency (Hz), voltage (% of nominal) and angle (degrees). */
    public record Window(double frequencyHz, double voltagePct, double angleDeg) {
        public Window {
            if (!(frequencyHz > 0) || !(voltagePct > 0) || !(angleDeg > 0 && angleDeg <= 180)) {
                throw new IllegalArgumentException("a synchronism window needs positive limits (angle at most 180°)");
            }
        }

        /** Whether the differences are all within the window (limits inclusive). */
        public boolean accepts(double dfHz, double dvPct, double dThetaDeg) {
            return Math.abs(dfHz) <= frequencyHz && Math.abs(dvPct) <= voltagePct && Math.abs(wrap(dThetaDeg)) <= angleDeg;
        }

        /** Which difference is outside, for the event log ("" when none is). */
        public String refusal(double dfHz, double dvPct, double dThetaDeg) {
            StringBuilder b = new StringBuilder();
            if (!(Math.abs(dfHz) <= frequencyHz)) {
                b.append(String.format(Locale.ROOT, "Δf %.3f Hz > %.2f Hz", Math.abs(dfHz), frequencyHz));
            }
            if (!(Math.abs(dvPct) <= voltagePct)) {
                b.append(b.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "ΔV %.2f %% > %.0f %%", Math.abs(dvPct), voltagePct));
            }
            double a = Math.abs(wrap(dThetaDeg));
            if (!(a <= angleDeg)) {
                b.append(b.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "Δθ %.1f° > %.0f°", a, angleDeg));
            }
            return b.toString();
        }
    }

    /** The IEEE 1547-2018 Table 39 window for DER of this aggregate rating (kVA). */
    public static Window ieee1547(double aggregateKva) {
        if (!(aggregateKva >= 0)) {
            throw new IllegalArgumentException("aggregate rating must be ≥ 0 kVA, got " + aggregateKva);
        }
        if (aggregateKva <= 500) {
            return new Window(0.3, 10, 20);
        }
        if (aggregateKva <= 1500) {
            return new Window(0.2, 5, 15);
        }
        return new Window(0.1, 3, 10);
    }

    /** An angle in degrees wrapped into (−180, 180]. */
    public static double wrap(double deg) {
        double a = deg % 360.0;
        if (a > 180) {
            a -= 360;
        } else if (a <= -180) {
            a += 360;
        }
        return a;
    }
}
