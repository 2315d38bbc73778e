package io.packetgrid.studies.coupled;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.studies.report.Summary;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grid voltages on each level's own terms: a balanced 11 kV / 416 V feeder with one MV household (a 400 kW
 * constant-impedance load at the MV bus) and one LV household (60 kW behind the transformer and an LV cable),
 * no devices, so every grid step has the same solution, derived by hand below as a positive-sequence circuit
 * (per phase, referred to the MV side through the wye–wye ratio a = 11/0.416). The MV bus (own base
 * 11 kV/√3) sits at 1.0317 pu: inside EN 50160's LV band, which scored it before, but outside the MV band
 * [0.90, 1.02] given here; the LV nodes (on 230 V) at 1.072–1.076 pu lie inside [0.90, 1.10]. The source's
 * bus (1.04 pu behind its impedance) is the upstream boundary and is not scored.
 */
class MvBandTest {
    @TempDir
    Path dir;

    static final String SCRIPT = """
            Clear
            Set DefaultBaseFrequency=50
            New Circuit.mvlv basekv=11 pu=1.04 phases=3 bus1=src R1=0.1 X1=0.3 R0=0.1 X0=0.3
            New Line.mvline bus1=src bus2=mv1 phases=3 R1=2.0 X1=3.0 R0=2.0 X0=3.0 C1=0 C0=0 length=1
            New Load.mvh bus1=mv1 phases=3 kV=11 kW=400 pf=1 model=2
            New Transformer.t1 phases=3 windings=2 buses=[mv1 lv1] conns=[wye wye] kVs=[11 0.416] kVAs=[500 500] XHL=4 %Rs=[0.5 0.5]
            New Line.lvline bus1=lv1 bus2=lv2 phases=3 R1=0.01 X1=0.005 R0=0.01 X0=0.005 C1=0 C0=0 length=1
            New Load.lvh bus1=lv2 phases=3 kV=0.416 kW=60 pf=1 model=2
            Set voltagebases=[11 0.416]
            Calcvoltagebases
            Solve
            """;

    static final String SCENARIO = """
            kind: coupled
            name: mv-band
            seed: 1
            start: 12h
            duration: 20m
            grid_step: 1m
            device_step: 1m
            observe_from: 5m
            feeder:
              script: %s
            households:
              mix: {water_heater: 0, heat_pump: 0, ev_charger: 0, pv: 0}
            network: {model: ideal}
            grid_limits: {mv_v_min_pu: 0.95, mv_v_max_pu: 1.02}
            variants:
              - {name: uncontrolled, control: local}
            outputs: {plots: false}
            """;

    /** Complex numbers as {re, im}: the few operations the hand calculation needs. */
    static double[] c(double re, double im) {
        return new double[] {re, im};
    }

    static double[] add(double[] a, double[] b) {
        return c(a[0] + b[0], a[1] + b[1]);
    }

    static double[] mul(double[] a, double[] b) {
        return c(a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]);
    }

    static double[] div(double[] a, double[] b) {
        double d = b[0] * b[0] + b[1] * b[1];
        return c((a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d);
    }

    static double[] scale(double[] a, double k) {
        return c(a[0] * k, a[1] * k);
    }

    static double abs(double[] a) {
        return Math.hypot(a[0], a[1]);
    }

    @Test
    void mvNodesAndMvHouseholdsAreScoredOnTheirOwnBaseAgainstTheMvBand() throws Exception {
        Path script = Files.writeString(dir.resolve("mvlv.dss"), SCRIPT);
        Summary s = Scenarios.run(String.format(SCENARIO, script.toAbsolutePath()), dir.resolve("out"), 1);

        // hand solution, per phase (line to neutral), ohms and siemens
        double vLn = 11000 / Math.sqrt(3);
        double[] e = c(1.04 * vLn, 0);                               // the source's EMF
        double[] zSource = c(0.1, 0.3);
        double[] zMvLine = c(2.0, 3.0);
        double[] yMvLoad = c(400e3 / (11000.0 * 11000.0), 0);        // constant Z: P / V_LL² per phase
        double a = 11 / 0.416;
        double[] zT = scale(c(0.01, 0.04), 11.0 * 11.0 / 0.5);      // (%R + j XHL)/100 · kV² / MVA, MV side
        double[] zLvLine = c(0.01, 0.005);
        double[] zLvLoad = c(416.0 * 416.0 / 60e3, 0);
        double[] zLvSide = add(zLvLine, zLvLoad);                    // LV ohms
        double[] zBranch = add(zT, scale(zLvSide, a * a));           // the transformer branch seen from mv1
        double[] zMvNode = div(c(1, 0), add(yMvLoad, div(c(1, 0), zBranch)));
        double[] vMv1 = mul(e, div(zMvNode, add(add(zSource, zMvLine), zMvNode)));
        double[] vLv1 = scale(mul(vMv1, div(scale(zLvSide, a * a), zBranch)), 1 / a);
        double[] vLv2 = mul(vLv1, div(zLvLoad, zLvSide));
        double mvPu = abs(vMv1) / vLn;
        double lv1Pu = abs(vLv1) / 230;
        double lv2Pu = abs(vLv2) / 230;
        assertEquals(1.0317, mvPu, 1e-4, "the hand solution itself");

        String v = "uncontrolled";
        assertEquals(mvPu, Scenarios.metric(s, v, "mv_v_min_pu"), 2e-5, "MV bus on its own base, the source's bus not scored");
        assertEquals(mvPu, Scenarios.metric(s, v, "mv_v_max_pu"), 2e-5);
        assertEquals(lv2Pu, Scenarios.metric(s, v, "v_min_pu"), 2e-5, "LV nodes on EN 50160's 230 V");
        assertEquals(lv1Pu, Scenarios.metric(s, v, "v_max_pu"), 2e-5);
        // observed grid steps: t = 5 … 20 min, 16 one-minute steps; mv1's three phase nodes out of [0.95, 1.02]
        assertEquals(16 * 3, Scenarios.metric(s, v, "mv_violation_node_minutes"), 1e-9);
        assertEquals(0, Scenarios.metric(s, v, "voltage_violation_node_minutes"), 1e-9, "LV nodes inside [0.90, 1.10]");
        assertEquals(1, Scenarios.metric(s, v, "households_with_violations"), 1e-9, "the MV household, against the MV band");
        assertEquals(16, Scenarios.metric(s, v, "customer_violation_minutes"), 1e-9);

        Map<String, CSVRecord> byLoad = new HashMap<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("out").resolve(v).resolve("households.csv"))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                byLoad.put(row.get("bus").toLowerCase(java.util.Locale.ROOT), row);
            }
        }
        CSVRecord mv = byLoad.get("mv1");
        CSVRecord lv = byLoad.get("lv2");
        assertEquals(mvPu, Double.parseDouble(mv.get("v_min_pu")), 2e-6, "the MV household in pu of its own 11 kV");
        assertEquals(16, Double.parseDouble(mv.get("violation_minutes")), 1e-9);
        assertEquals("0", mv.get("en50160_compliant"), "every 10-minute mean outside the MV band");
        assertEquals(lv2Pu, Double.parseDouble(lv.get("v_min_pu")), 2e-6, "the LV household in pu of 230 V");
        assertEquals(0, Double.parseDouble(lv.get("violation_minutes")), 1e-9);
    }
}
