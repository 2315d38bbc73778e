package io.packetgrid.grid.dss;

import static io.packetgrid.grid.result.DelphiFormat.f;
import static io.packetgrid.grid.result.DelphiFormat.g;

import io.packetgrid.grid.model.Network;
import java.util.Arrays;
import java.util.Locale;

/**
 * OpenDSS's {@code Show Voltages} report and {@code Export Voltages} file ({@link #csv}), text for text (ShowResults.pas ShowVoltages, WriteSeqVoltages,
 * WriteBusVoltages; the options as ShowOptions.pas reads them), from a solved network's node voltages. Buses
 * in the circuit's bus order (OpenDSS's bus list: first appearance in the definitions, which the network
 * keeps), nodes of a bus in increasing number.
 * <ul>
 * <li>{@link Form#SEQUENCE} ({@code Show Voltages [LN|LL]}, the default): per bus the positive-, negative- and
 *     zero-sequence magnitudes of nodes 1-2-3 (kV; phase-to-phase differences with LL), V1 in pu of the bus's
 *     base (÷√3 with LL) and the unbalance ratios in %; a bus with fewer than 3 nodes shows its first node's
 *     magnitude as V1;</li>
 * <li>{@link Form#NODES} ({@code Show Voltages LN Nodes}): every node's magnitude (kV), angle, pu and the
 *     bus's line-to-line base kV, and for nodes 1-3 of a multi-node bus the difference to the next phase
 *     node (1-2, 2-3, 3-1) in kV, angle and pu of the line-to-line base;</li>
 * <li>{@link Form#NODES_LL} ({@code Show Voltages LL Nodes}): only those differences, one line each.</li>
 * </ul>
 * OpenDSS's stale-value quirk for nodes numbered 4 and up in the LL form (it reprints the previous phase
 * pair) is not reproduced: such nodes get no line.
 */
final class VoltageReport {
    /** The report's layout. */
    enum Form { SEQUENCE, NODES, NODES_LL }

    private static final double SQRT3 = Math.sqrt(3.0);

    private VoltageReport() {
    }

    /** The file name OpenDSS gives the report, after the circuit's name and an underscore (ShowOptions.pas). */
    static String fileSuffix(boolean ll, String second) {
        String name = ll ? "VLL" : "VLN";
        if (second.isEmpty()) {
            return name;
        }
        return switch (Character.toUpperCase(second.charAt(0))) {
            case 'N' -> name + "_Node";
            case 'E' -> name + "_elem";
            default -> name + "_seq";
        };
    }

    /**
     * The report's text, lines ended by {@code \n}.
     *
     * @param re node voltages, real parts (V), in the network's node indices
     * @param im imaginary parts
     */
    static String write(Network net, double[] re, double[] im, Form form, boolean ll) {
        int width = 4;
        for (int b = 0; b < net.busCount(); b++) {
            width = Math.max(width, net.busName(b).length());
        }
        StringBuilder out = new StringBuilder();
        out.append('\n');
        if (form == Form.SEQUENCE) {
            out.append(ll ? "SYMMETRICAL COMPONENT PHASE-PHASE VOLTAGES BY BUS (for 3-phase buses)"
                    : "SYMMETRICAL COMPONENT VOLTAGES BY BUS (for 3-phase buses)").append("\n\n");
            out.append(pad("Bus", width)).append("  Mag:   V1 (kV)    p.u.     V2 (kV)   %V2/V1    V0 (kV)    %V0/V1\n\n");
            for (int b = 0; b < net.busCount(); b++) {
                sequenceLine(out, net, b, re, im, ll, width);
            }
        } else {
            boolean llOnly = form == Form.NODES_LL;
            out.append(llOnly ? "LINE-LINE VOLTAGES BY BUS & NODE" : "LINE-GROUND and LINE-LINE VOLTAGES BY BUS & NODE").append("\n\n");
            out.append(pad("Bus", width)).append(llOnly ? " Node    VLN (kV)   Angle      pu     Base kV \n"
                    : " Node    VLN (kV)   Angle      pu     Base kV    Node-Node   VLL (kV)  Angle      pu\n").append('\n');
            for (int b = 0; b < net.busCount(); b++) {
                nodeLines(out, net, b, re, im, llOnly, width);
            }
        }
        return out.toString();
    }

    private static void sequenceLine(StringBuilder out, Network net, int b, double[] re, double[] im, boolean ll, int width) {
        String bus = net.busName(b);
        int[] numbers = net.busNodes(b);
        double v0;
        double v1;
        double v2;
        if (numbers.length >= 3) {
            double[] pr = new double[3];
            double[] pi = new double[3];
            for (int j = 0; j < 3; j++) {
                int node = net.node(bus, j + 1);
                pr[j] = node >= 0 ? re[node] : 0;
                pi[j] = node >= 0 ? im[node] : 0;
            }
            if (ll) {
                double r0 = pr[0] - pr[1];
                double i0 = pi[0] - pi[1];
                double r1 = pr[1] - pr[2];
                double i1 = pi[1] - pi[2];
                double r2 = pr[2] - pr[0];
                double i2 = pi[2] - pi[0];
                pr = new double[] {r0, r1, r2};
                pi = new double[] {i0, i1, i2};
            }
            // symmetrical components, a = 1/_120: V0 = (Va+Vb+Vc)/3, V1 = (Va + a Vb + a^2 Vc)/3, V2 = (Va + a^2 Vb + a Vc)/3
            double c = -0.5;
            double s = SQRT3 / 2;
            v0 = Math.hypot(pr[0] + pr[1] + pr[2], pi[0] + pi[1] + pi[2]) / 3;
            v1 = Math.hypot(pr[0] + (c * pr[1] - s * pi[1]) + (c * pr[2] + s * pi[2]),
                    pi[0] + (c * pi[1] + s * pr[1]) + (c * pi[2] - s * pr[2])) / 3;
            v2 = Math.hypot(pr[0] + (c * pr[1] + s * pi[1]) + (c * pr[2] - s * pi[2]),
                    pi[0] + (c * pi[1] - s * pr[1]) + (c * pi[2] + s * pr[2])) / 3;
        } else {
            int node = net.node(bus, numbers[0]);
            v0 = 0;
            v1 = Math.hypot(re[node], im[node]);
            v2 = 0;
        }
        v1 /= 1000;
        v2 /= 1000;
        v0 /= 1000;
        double base = net.busKvBase(b);
        double pu = base != 0 ? v1 / base : 0;
        if (ll) {
            pu /= SQRT3;
        }
        double v2v1 = v1 > 0 ? 100 * v2 / v1 : 0;
        double v0v1 = v1 > 0 ? 100 * v0 / v1 : 0;
        out.append(pad(bus, width)).append(' ').append(g(v1, 9, 4)).append("  ").append(g(pu, 9, 4)).append("  ")
                .append(g(v2, 9, 4)).append("  ").append(g(v2v1, 9, 4)).append(' ').append(g(v0, 9, 4)).append(' ')
                .append(g(v0v1, 9, 4)).append('\n');
    }

    private static void nodeLines(StringBuilder out, Network net, int b, double[] re, double[] im, boolean llOnly, int width) {
        String bus = net.busName(b);
        int[] numbers = net.busNodes(b).clone();
        Arrays.sort(numbers);
        double base = net.busKvBase(b);
        String label = padDots(bus, width).toUpperCase(Locale.ROOT);
        String dash = pad("   -", width);
        for (int number : numbers) {
            int node = net.node(bus, number);
            double vr = re[node];
            double vi = im[node];
            // the next phase node of 1-2-3 (3 -> 1), when the bus has it
            int next = number <= 3 ? (number % 3) + 1 : -1;
            int nextNode = next > 0 ? net.node(bus, next) : -1;
            double llr = nextNode >= 0 ? vr - re[nextNode] : 0;
            double lli = nextNode >= 0 ? vi - im[nextNode] : 0;
            double mag = Math.hypot(vr, vi) * 0.001;
            double magLl = Math.hypot(llr, lli) * 0.001;
            double pu = base != 0 ? mag / base : 0;
            double puLl = base != 0 ? magLl / base / SQRT3 : 0;
            String pair = number + "-" + next;
            if (llOnly) {
                if (nextNode >= 0) {
                    out.append(label).append(' ').append(pair).append(' ').append(g(magLl, 10, 5)).append(" /_ ")
                            .append(f(angle(llr, lli), 6, 1)).append(' ').append(g(puLl, 9, 5)).append(' ')
                            .append(f(base * SQRT3, 9, 3)).append('\n');
                    label = dash;
                }
            } else {
                out.append(label).append(' ').append(number).append("   ").append(g(mag, 10, 5)).append(" /_ ")
                        .append(f(angle(vr, vi), 6, 1)).append(' ').append(g(pu, 9, 5)).append(' ').append(f(base * SQRT3, 9, 3));
                if (numbers.length > 1 && nextNode >= 0) {
                    out.append("        ").append(pair).append(' ').append(g(magLl, 10, 5)).append(" /_ ")
                            .append(f(angle(llr, lli), 6, 1)).append(' ').append(g(puLl, 9, 5));
                }
                out.append('\n');
                label = dash;
            }
        }
    }

    /**
     * OpenDSS's {@code Export Voltages} CSV (ExportResults.pas ExportVoltages; file {@code <circuit>_EXP_VOLTAGES.CSV}):
     * {@code Bus, BasekV, Node1, Magnitude1, Angle1, pu1, ...} for as many nodes as the largest bus has, then one
     * row per bus: its name upper case in quotes, its line-to-line base kV ({@code %.5g}), and per node in
     * increasing number the number, magnitude in volts ({@code %10.6g}), angle ({@code %6.1f}) and pu of the
     * line-to-neutral base ({@code %9.5g}); a bus with fewer nodes is filled with {@code , 0, 0, 0, 0}.
     */
    static String csv(Network net, double[] re, double[] im) {
        int most = 0;
        for (int b = 0; b < net.busCount(); b++) {
            most = Math.max(most, net.busNodes(b).length);
        }
        StringBuilder out = new StringBuilder("Bus, BasekV");
        for (int i = 1; i <= most; i++) {
            out.append(", Node").append(i).append(", Magnitude").append(i).append(", Angle").append(i).append(", pu").append(i);
        }
        out.append('\n');
        for (int b = 0; b < net.busCount(); b++) {
            String bus = net.busName(b);
            double base = net.busKvBase(b);
            int[] numbers = net.busNodes(b).clone();
            Arrays.sort(numbers);
            out.append('"').append(bus.toUpperCase(Locale.ROOT)).append("\", ").append(g(base * SQRT3, 5));
            for (int number : numbers) {
                int node = net.node(bus, number);
                double mag = Math.hypot(re[node], im[node]);
                double pu = base != 0 ? 0.001 * mag / base : 0;
                out.append(", ").append(number).append(", ").append(g(mag, 10, 6)).append(", ").append(f(angle(re[node], im[node]), 6, 1))
                        .append(", ").append(g(pu, 9, 5));
            }
            for (int j = numbers.length; j < most; j++) {
                out.append(", 0, 0, 0, 0");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static double angle(double re, double im) {
        return Math.toDegrees(Math.atan2(im, re));
    }

    /** Utilities.pas Pad: blanks up to the width. */
    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Utilities.pas PadDots: a blank, then dots, up to the width. */
    static String padDots(String s, int width) {
        return s.length() >= width ? s : s + (" " + ".".repeat(width)).substring(0, width - s.length());
    }
}
