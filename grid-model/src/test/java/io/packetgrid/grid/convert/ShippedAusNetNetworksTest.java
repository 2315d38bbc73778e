package io.packetgrid.grid.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.grid.api.Feeder;
import io.packetgrid.grid.feeders.BundledFeeders;
import io.packetgrid.grid.model.CircuitElement;
import io.packetgrid.grid.model.Load;
import io.packetgrid.grid.model.Network;
import io.packetgrid.grid.model.Transformer;
import io.packetgrid.grid.result.FlowSummary;
import io.packetgrid.grid.series.SolveMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AusNet networks shipped inside the project, read back by the OpenDSS reader and checked
 * against two independent references:
 * <ul>
 * <li>the publishers' README (Team-Nando/MV-LV-Networks): residential and C&amp;I customers,
 *     distribution transformers, and (urban networks) total MV line length in whole km (20 and 30 km; the rural
 *     figures do not match the workbooks, see their SOURCES.md);</li>
 * <li>sums taken from the workbooks with a separate reader (Python's standard-library XML parser
 *     over the .xlsx, exact decimal sums of the cells, 2025, not PacketGrid's converter): connected
 *     kVA, 3-phase MV, SWER and LV line lengths, SWER transformers.</li>
 * </ul>
 * The counts here are taken from the parsed network (elements, their connections and the
 * voltage bases Calcvoltagebases gave their buses); the lengths from the scripts' Line
 * definitions. Then the power flow: source = loads + losses within 1e-6 (tight tolerance), at base
 * power and at an evening minute of the daily shapes.
 */
class ShippedAusNetNetworksTest {

    /** name, README residential, README C&amp;I, README transformers, README MV km (urban, whole km; -1 none), workbook kVA,
     *  workbook MV km (3-phase), SWER km, LV km, SWER transformers. */
    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("ausnet-hpk11", 5274, 1, 44, 20, 15830.0, 20.029148, 0.0, 153.63135, 0),
                Arguments.of("ausnet-cre21", 3374, 9, 79, 30, 18584.0, 30.516624, 0.0, 98.80571, 0),
                Arguments.of("ausnet-smr8", 3608, 61, 704, -1, 39978.0, 291.876763, 194.198922, 98.97428, 219),
                Arguments.of("ausnet-klo14", 4691, 24, 700, -1, 35459.0, 221.322069, 54.647444, 129.13366, 161));
    }

    private static final Pattern LINE = Pattern.compile("(?i)^New Line\\.(\\S+) bus1=([^.\\s]+)\\S* .*phases=(\\d) length=(\\S+) units=(\\S+)");

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void convertedModelHasTheWorkbooksCountsAndSolvesWithEnergyBalance(String name, int residential, int commercial, int transformers,
                                                                        int readmeMvKm, double kva, double mvKm, double swerKm, double lvKm,
                                                                        int swerTx) throws Exception {
        Path master = BundledFeeders.resolve("builtin:" + name, "test");
        Feeder f = Feeder.load(master, "Set tolerance=1e-10 maxiterations=100\n");
        Network net = f.network();

        int res = 0;
        int com = 0;
        int tx = 0;
        int swer = 0;
        double connected = 0;
        for (CircuitElement e : net.elements()) {
            if (e instanceof Load l) {
                if (l.phases() == 1) {
                    res++;
                } else {
                    com++;
                }
            } else if (e instanceof Transformer t) {
                double kvLow = kvLn(net, t.connection().buses()[1]);
                if (kvLow < 1) {          // a distribution transformer: its secondary is LV
                    tx++;
                    connected += t.ratedKva();
                    if (t.phases() == 1 && t.winding(0).kvLL() == 12.7) {
                        swer++;           // primary rated for a 12.7 kV single wire
                    }
                }
            }
        }
        assertEquals(residential, res, "residential customers (README)");
        assertEquals(commercial, com, "C&I customers (README)");
        assertEquals(transformers, tx, "distribution transformers (README)");
        assertEquals(kva, connected, 1e-9, "connected kVA (workbook)");
        assertEquals(swerTx, swer, "SWER distribution transformers (workbook)");

        double[] km = lineKm(master.getParent(), net);
        if (readmeMvKm >= 0) {
            assertEquals(readmeMvKm, km[0], 1.0, "MV line length, given in whole km (README)");
        }
        assertEquals(mvKm, km[0], 1e-6, "3-phase MV km (workbook)");
        assertEquals(swerKm, km[1], 1e-6, "SWER km (workbook)");
        assertEquals(lvKm, km[2], 1e-6, "LV km (workbook)");

        f.solve();
        balance(f, name + " at base power");
        f.setMode(SolveMode.YEARLY);
        f.setTimeHours(19.5);
        f.solve();
        balance(f, name + " at 19:30");
    }

    private static void balance(Feeder f, String what) {
        FlowSummary s = f.summary();
        System.out.printf(Locale.ROOT, "%s: %s%n", what, s);
        assertTrue(s.loadsKw() > 100 && s.lossesKw() > 0, what + ": " + s);
        assertTrue(Math.abs(s.balanceResidualKw()) <= 1e-6 * s.sourceKw(), what + ": source = loads + losses within 1e-6: " + s);
        assertTrue(Math.abs(s.sourceKvar() - s.loadsKvar() - s.lossesKvar()) <= 1e-6 * Math.hypot(s.sourceKw(), s.sourceKvar()),
                what + ": reactive balance " + s);
    }

    private static double kvLn(Network net, String bus) {
        return net.busKvBase(net.bus(bus.toLowerCase(Locale.ROOT)));
    }

    /** km of lines at MV (3-phase), SWER (1-phase MV) and LV, from the scripts' Line definitions and the buses' voltage bases. */
    private static double[] lineKm(Path dir, Network net) throws Exception {
        double[] km = new double[3];
        for (String file : new String[] {"MV.dss", "LV.dss"}) {
            for (String line : Files.readAllLines(dir.resolve(file))) {
                Matcher m = LINE.matcher(line);
                if (!m.find()) {
                    continue;
                }
                double len = Double.parseDouble(m.group(4));
                double l = switch (m.group(5).toLowerCase(Locale.ROOT)) {
                    case "km" -> len;
                    case "m" -> len / 1000;
                    default -> throw new AssertionError("units " + m.group(5));
                };
                double kv = kvLn(net, m.group(2));
                if (kv < 1) {
                    km[2] += l;
                } else if (m.group(3).equals("1")) {
                    km[1] += l;
                } else {
                    km[0] += l;
                }
            }
        }
        return km;
    }
}
