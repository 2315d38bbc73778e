package io.packetgrid.grid.dss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.grid.result.GridResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real OpenDSS scripts rely on and the reader once refused (the electricdss-tst sweep), each
 * against values derived by hand from OpenDSS's semantics (DSS C-API Pascal source):
 * <ul>
 * <li>the start-up objects (Executive.pas CreateDefaultDSSItems): LoadShape.default's 24 published
 *     multipliers, picked by LoadShape.pas GetMultAtHour (hour h of a 1-h shape is point h, hour
 *     24 the last);</li>
 * <li>general objects defined before {@code New Circuit}, kept by it, replaced by Clear only when
 *     a circuit existed (ExecHelper.AddObject, Executive.pas Clear);</li>
 * <li>Load sized by connected kVA or billed kWh (Load.pas PropertySideEffects,
 *     ComputeAllocatedLoad, RecalcElementData; ExecHelper.DoSetAllocationFactors);</li>
 * <li>Windows file names (Utilities.pas AdjustInputFilePath; case as Windows ignores it);</li>
 * <li>an unclosed bracket read to the end of the line (ParserDel.pas GetToken/ParseToEndChar).</li>
 * </ul>
 */
class OpenDssCompatibilityTest {
    /**
     * A stiff 115 kV source: loads on its bus see 1 pu, so constant-PQ loads draw exactly their size
     * (the solved source power agrees to about 1e-7 relative: compared to 0.1 W).
     */
    static final String STIFF = "New Circuit.c basekv=115 pu=1.0 phases=3 bus1=sourcebus MVAsc3=1e9 MVAsc1=1e9\n";

    /** The 24 multipliers of OpenDSS's LoadShape.default, hours 1..24 (published in CreateDefaultDSSItems). */
    static final double[] DEFAULT_DAY = {0.677, 0.6256, 0.6087, 0.5833, 0.58028, 0.6025, 0.657, 0.7477, 0.832, 0.88, 0.94, 0.989,
        0.985, 0.98, 0.9898, 0.999, 1, 0.958, 0.936, 0.913, 0.876, 0.876, 0.828, 0.756};

    static DssInterpreter run(Path dir, String script) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(script, dir, "t.dss");
        return dss;
    }

    /** Total three-phase P (kW) of a mode-1 monitor row with ppolar=no. */
    static double kw(float[] row) {
        return row[2] + row[4] + row[6];
    }

    @Test
    void defaultLoadShapeGivesItsPublishedMultipliersInADailyRun(@TempDir Path dir) {
        DssInterpreter dss = run(dir, STIFF + "New Load.l bus1=sourcebus phases=3 kV=115 kW=300 pf=1 daily=default\n"
                + "New Monitor.m Load.l 1 mode=1 ppolar=no\nSet mode=daily number=24 stepsize=1h\nSolve\n");
        List<float[]> rows = dss.monitor("m").rows();
        assertEquals(24, rows.size());
        // hand-computed load kW = 300 x multiplier at hours 1, 6, 12, 17 (the peak) and 24
        int[] hours = {1, 6, 12, 17, 24};
        double[] expectedKw = {203.1, 180.75, 296.7, 300.0, 226.8};
        for (int k = 0; k < hours.length; k++) {
            float[] row = rows.get(hours[k] - 1);
            assertEquals(hours[k], row[0], 1e-9, "the row's hour");
            assertEquals(expectedKw[k], kw(row), 1e-3, "load kW at hour " + hours[k]);
        }
        for (int h = 1; h <= 24; h++) {
            assertEquals(300 * DEFAULT_DAY[h - 1], kw(rows.get(h - 1)), 1e-3, "hour " + h);
        }
    }

    @Test
    void startUpObjectsExistWithoutACircuitAndAfterClear(@TempDir Path dir) {
        DssInterpreter dss = run(dir, STIFF);
        for (String n : List.of("LoadShape.default", "GrowthShape.default", "Spectrum.default", "Spectrum.defaultload",
                "Spectrum.defaultgen", "Spectrum.defaultvsource", "Spectrum.linear", "Spectrum.pwm6", "Spectrum.dc6",
                "TCC_Curve.a", "TCC_Curve.definite")) {
            assertNotNull(dss.definition(n), n);
        }
        LoadShapeDef d = (LoadShapeDef) dss.definition("LoadShape.default");
        assertEquals(24, d.count());
        assertEquals(1.0, d.interval);
        // a load may name a spectrum of the start-up set (no effect on the power flow, accepted)
        dss.runText("New Load.x bus1=sourcebus kV=115 kW=1 spectrum=defaultload\n", dir, "more.dss");
    }

    @Test
    void generalObjectsBeforeNewCircuitAreKeptAndUsed(@TempDir Path dir) {
        // Clear with no circuit keeps what was defined (Executive.pas Clear: only when NumCircuits > 0)
        DssInterpreter dss = run(dir, "Clear\nNew LoadShape.two npts=2 interval=12 mult=(0.5 2)\n"
                + "New XYcurve.curve npts=2 xarray=(0 1) yarray=(0 1)\n"
                + "New WireData.w diam=0.5 rac=0.3 runits=km gmrac=0.2 gmrunits=cm radunits=cm\n"
                + "New LineGeometry.g nconds=1 nphases=1 cond=1 wire=w x=0 h=10 units=m\nClear\n" + STIFF
                + "New Load.l bus1=sourcebus phases=3 kV=115 kW=100 pf=1 daily=two\n"
                + "New Monitor.m Load.l 1 mode=1 ppolar=no\nSet mode=daily number=24 stepsize=1h\nSolve\n");
        assertNotNull(dss.definition("XYcurve.curve"));
        // LineGeometry too (OpenDSS's TLineGeometryObj.Create reads no circuit; TnDSystem's Distribution scripts rely on it)
        assertNotNull(dss.definition("LineGeometry.g"));
        List<float[]> rows = dss.monitor("m").rows();
        // a 12-h interval: point round(h / 12), 0 meaning the last one (GetMultAtHour)
        assertEquals(200.0, kw(rows.get(4)), 1e-3, "hour 5: round(0.42) = 0 -> point 2");
        assertEquals(50.0, kw(rows.get(6)), 1e-3, "hour 7: round(0.58) = 1 -> point 1");
        assertEquals(50.0, kw(rows.get(12)), 1e-3, "hour 13: round(1.08) = 1 -> point 1");
        assertEquals(200.0, kw(rows.get(18)), 1e-3, "hour 19: round(1.58) = 2 -> point 2");
    }

    @Test
    void clearWithACircuitReplacesGeneralObjectsByTheStartUpSet(@TempDir Path dir) {
        DssInterpreter dss = run(dir, STIFF + "New LoadShape.mine npts=2 interval=1 mult=(1 2)\n"
                + "Edit LoadShape.default npts=2 mult=(3 4)\nClear\n" + STIFF);
        assertNull(dss.definition("LoadShape.mine"));
        assertEquals(24, ((LoadShapeDef) dss.definition("LoadShape.default")).count());
        // and New Circuit alone keeps them
        DssInterpreter kept = run(dir, STIFF + "New LoadShape.mine npts=2 interval=1 mult=(1 2)\n" + STIFF);
        assertNotNull(kept.definition("LoadShape.mine"));
    }

    @Test
    void lineCodeBeforeTheCircuitIsAnErrorAsInOpenDss(@TempDir Path dir) {
        // LineCode takes the circuit's frequency when created (DSS C-API LineCode.pas RequiresCircuit;
        // OpenDSS's TLineCodeObj.Create reads ActiveCircuit.Fundamental)
        PacketGridException e = assertThrows(PacketGridException.class,
                () -> run(dir, "New LineCode.lc nphases=3 r1=0.1 x1=0.2 units=km\n" + STIFF));
        assertEquals("t.dss:1", e.location());
        assertTrue(e.getMessage().contains("no circuit yet"), e.getMessage());
        PacketGridException load = assertThrows(PacketGridException.class, () -> run(dir, "New Load.x kW=1\n"));
        assertTrue(load.getMessage().contains("no circuit yet"), load.getMessage());
    }

    static double[] sourceKw(DssInterpreter dss) {
        dss.runText("Set tolerance=1e-12 maxiterations=100\nSolve\n", Path.of("."), "solve.dss");
        double[] s = GridResults.sourcePower(dss.simulation().solver());
        return new double[] {s[0] / 1000.0, s[1] / 1000.0};
    }

    @Test
    void loadSizedByConnectedKvaFollowsTheOrderOfItsProperties(@TempDir Path dir) {
        DssInterpreter dss = run(dir, STIFF
                // pf first: xfkVA sizes with AF 0.5 (22.5 kW), allocationfactor re-sizes: 50 x 0.4 x 0.9 = 18 kW
                + "New Load.a bus1=sourcebus phases=3 kV=115 pf=0.9 xfkVA=50 allocationfactor=0.4\n"
                // pf after: kW stays 50 x 0.5 x 0.88 (default pf) = 22 kW, only kvar follows the new pf
                + "New Load.b bus1=sourcebus phases=3 kV=115 xfkVA=50 pf=0.9\n"
                // billed energy: 7200 kWh / (30 days x 24 h) x Cfactor 2 = 20 kW, pf 0.8 -> 15 kvar
                + "New Load.c bus1=sourcebus phases=3 kV=115 pf=0.8 kWh=7200 kWhdays=30 Cfactor=2\n");
        double tan09 = Math.sqrt(1 / 0.81 - 1);
        LoadDef a = (LoadDef) dss.definition("Load.a");
        assertEquals(18.0, a.kw, 1e-12);
        assertEquals(18.0 * tan09, a.kvar, 1e-12);
        LoadDef b = (LoadDef) dss.definition("Load.b");
        assertEquals(22.0, b.kw, 1e-12);
        assertEquals(22.0 * tan09, b.kvar, 1e-12);
        LoadDef c = (LoadDef) dss.definition("Load.c");
        assertEquals(20.0, c.kw, 1e-12);
        assertEquals(15.0, c.kvar, 1e-9);
        // loads on the stiff bus: the source delivers their sum (constant PQ at 1 pu)
        double[] s = sourceKw(dss);
        assertEquals(18.0 + 22.0 + 20.0, s[0], 1e-4);
        assertEquals((18.0 + 22.0) * tan09 + 15.0, s[1], 1e-4);
    }

    @Test
    void allocationFactorsOptionAndPropertyAssignmentResizeLoads(@TempDir Path dir) {
        // the form of EPRI ckt7's AllocationFactors.dss and of Set allocationfactors=
        DssInterpreter dss = run(dir, STIFF
                + "New Load.x bus1=sourcebus phases=3 kV=115 kW=5 pf=1 xfkVA=100\n"
                + "New Load.y bus1=sourcebus phases=3 kV=115 kW=7 pf=1\n"
                + "Load.x.AllocationFactor=0.36956\n");
        assertEquals(36.956, ((LoadDef) dss.definition("Load.x")).kw, 1e-9);
        assertEquals(36.956 + 7.0, sourceKw(dss)[0], 1e-4);
        // every load becomes connected-kVA sized; y has no xfkVA (0), so its kW stays (ComputeAllocatedLoad)
        dss.runText("Set allocationfactors=0.25\n", dir, "af.dss");
        assertEquals(25.0, ((LoadDef) dss.definition("Load.x")).kw, 1e-12);
        assertEquals(7.0, ((LoadDef) dss.definition("Load.y")).kw, 1e-12);
        assertEquals(32.0, sourceKw(dss)[0], 1e-4);
        PacketGridException e = assertThrows(PacketGridException.class, () -> dss.runText("Set allocationfactors=0\n", dir, "z.dss"));
        assertEquals("z.dss:1", e.location());
    }

    @Test
    void windowsPathsBackslashesAndCase(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("Zone_2"));
        Files.writeString(dir.resolve("Zone_2/Branches.dss"), "New Load.l bus1=sourcebus phases=3 kV=115 kW=40 pf=1 daily=s\n");
        Files.writeString(dir.resolve("Zone_2/Shape.CSV"), "0.5\n1.0\n");
        Files.writeString(dir.resolve("IEEELineCodes.DSS"), "New LoadShape.s npts=2 interval=1 mult=(file=zone_2\\shape.csv)\n");
        Files.writeString(dir.resolve("master.dss"), STIFF + "Redirect IEEELinecodes.DSS\nRedirect zone_2\\Branches.dss\n");
        DssInterpreter dss = new DssInterpreter(null);
        dss.run(dir.resolve("master.dss"));
        LoadShapeDef s = (LoadShapeDef) dss.definition("LoadShape.s");
        assertEquals(0.5, s.p[0]);
        assertEquals(40.0, sourceKw(dss)[0], 1e-4);

        // two files that differ only in case: ambiguous here (one file on Windows)
        Files.writeString(dir.resolve("Twin.dss"), "");
        Files.writeString(dir.resolve("TWIN.dss"), "");
        PacketGridException amb = assertThrows(PacketGridException.class, () -> run(dir, STIFF + "Redirect twin.dss\n"));
        assertEquals("t.dss:2", amb.location());
        assertTrue(amb.getMessage().contains("differ only in case"), amb.getMessage());

        // a missing file outside the main folder is named as the script wrote it, at the including line
        PacketGridException miss = assertThrows(PacketGridException.class,
                () -> run(dir.resolve("Zone_2"), STIFF + "Redirect ..\\..\\elsewhere\\Master.dss\n"));
        assertEquals("t.dss:2", miss.location());
        assertTrue(miss.getMessage().contains("file not found: ..\\..\\elsewhere\\Master.dss"), miss.getMessage());
    }

    @Test
    void unclosedBracketRunsToTheEndOfTheLineAndItsCommentIsDropped(@TempDir Path dir) {
        // Examples/Scripts/59NRelayDemo.dss line 21 has this form
        DssInterpreter dss = run(dir, STIFF + "New Transformer.t phases=3 windings=2 kVs=[115 12.47 ! step-down\n"
                + "~ Buses=[sourcebus.1.2.3 lv.1.2.3  ! comment\n");
        TransformerDef t = (TransformerDef) dss.definition("Transformer.t");
        assertEquals("sourcebus.1.2.3", t.w[0].bus);
        assertEquals("lv.1.2.3", t.w[1].bus);
        assertEquals(115.0, t.w[0].kv);
        assertEquals(12.47, t.w[1].kv);
        assertEquals(2, dss.warnings().stream().filter(w -> w.contains("no closing quote or bracket")).count(), dss.warnings().toString());
        // a closed bracket with a comment inside ends the array at the comment too (GetToken's comment check)
        assertEquals(List.of("1", "2"), DssTokenizer.arrayItems("1 2 ! 3"));
        assertEquals(List.of("1", "2"), DssTokenizer.arrayItems("1, 2// 3"));
    }

    @Test
    void monitorResidualIsTheSumOfThePhases(@TempDir Path dir) {
        // Monitor.pas TakeSample: VN = Va + Vb + Vc and IN = Ia + Ib + Ic after the phase groups (mode 0)
        DssInterpreter dss = run(dir, "New Circuit.r basekv=12.47 pu=1.0 phases=3 bus1=src MVAsc3=100 MVAsc1=80\n"
                + "New Line.l bus1=src bus2=b r1=0.2 x1=0.4 r0=0.6 x0=1.2 length=1 units=km\n"
                + "New Load.a bus1=b.1 phases=1 kV=7.2 kW=400 pf=0.9\nNew Load.c bus1=b.3 phases=1 kV=7.2 kW=100 pf=1\n"
                + "New Monitor.plain Line.l 1 mode=0 vipolar=no\nNew Monitor.res Line.l 1 mode=0 vipolar=no residual=yes\n"
                + "New Monitor.pol Line.l 1 mode=0 residual=yes\nNew Monitor.mag Line.l 1 mode=32 residual=yes\n"
                + "Set mode=daily number=1 stepsize=1h\nSolve\n");
        assertEquals("hour,t(sec),V1.re,V1.im,V2.re,V2.im,V3.re,V3.im,VN.re,VN.im,I1.re,I1.im,I2.re,I2.im,I3.re,I3.im,IN.re,IN.im",
                dss.monitor("res").header());
        assertEquals("hour,t(sec),V1,VAngle1,V2,VAngle2,V3,VAngle3,VN,VNAngle,I1,IAngle1,I2,IAngle2,I3,IAngle3,IN,INAngle",
                dss.monitor("pol").header());
        assertEquals("hour,t(sec),|V|1 (volts),|V|2 (volts),|V|3 (volts),|VN| (volts),|I|1 (amps),|I|2 (amps),|I|3 (amps),|IN| (amps)",
                dss.monitor("mag").header());
        float[] p = dss.monitor("plain").rows().get(0);
        float[] r = dss.monitor("res").rows().get(0);
        double vnr = p[2] + p[4] + p[6];
        double vni = p[3] + p[5] + p[7];
        double inr = p[8] + p[10] + p[12];
        double ini = p[9] + p[11] + p[13];
        assertEquals(vnr, r[8], 1e-3 * Math.max(1, Math.abs(vnr)));
        assertEquals(vni, r[9], 1e-3 * Math.max(1, Math.abs(vni)));
        assertEquals(inr, r[16], 1e-4 * Math.max(1, Math.abs(inr)));
        assertEquals(ini, r[17], 1e-4 * Math.max(1, Math.abs(ini)));
        assertTrue(Math.hypot(inr, ini) > 10, "an unbalanced load leaves a residual current: " + Math.hypot(inr, ini));
        float[] pol = dss.monitor("pol").rows().get(0);
        assertEquals(Math.hypot(inr, ini), pol[16], 1e-3);
        assertEquals(Math.toDegrees(Math.atan2(ini, inr)), pol[17], 1e-2);
        float[] mag = dss.monitor("mag").rows().get(0);
        assertEquals(Math.hypot(inr, ini), mag[9], 1e-3);
    }
    @Test
    void exportedMonitorHasOpenDssColumns(@TempDir Path dir) throws IOException {
        // the columns are OpenDSS's own, in its order, as printed in files it wrote (electricdss-tst commit 3b20839,
        // Version8/Distrib/Examples): ADiakoptics/EPRI_Ckt5-G/ckt5_Mon_test_1.csv (mode 0 on a three-phase
        // line), StorageTechNote/Example_9_1_Default/Source_Mon_mon_storage1_powers_1.csv (mode 1,
        // ppolar=no, on a three-phase wye element: four conductors). OpenDSS separates them by ", "; the CLI
        // contract (docs/cli.md) writes a plain comma, in the header and the rows.
        DssInterpreter dss = run(dir, "New Circuit.r basekv=12.47 pu=1.0 phases=3 bus1=src MVAsc3=100 MVAsc1=80\n"
                + "New Line.l bus1=src bus2=b r1=0.2 x1=0.4 r0=0.6 x0=1.2 length=1 units=km\n"
                + "New Load.a bus1=b phases=3 kV=12.47 kW=400 pf=0.9\n"
                + "New Monitor.vi Line.l 1 mode=0\nNew Monitor.pq Load.a 1 mode=1 ppolar=no\n"
                + "Set mode=daily number=2 stepsize=1h\nSolve\n");
        assertEquals("hour,t(sec),V1,VAngle1,V2,VAngle2,V3,VAngle3,I1,IAngle1,I2,IAngle2,I3,IAngle3",
                dss.monitor("vi").header());
        assertEquals("hour,t(sec),P1 (kW),Q1 (kvar),P2 (kW),Q2 (kvar),P3 (kW),Q3 (kvar),P4 (kW),Q4 (kvar)",
                dss.monitor("pq").header());
        java.io.StringWriter w = new java.io.StringWriter();
        dss.monitor("pq").write(w);
        String[] lines = w.toString().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("1,0.00000,"), lines[1]);
        assertTrue(lines[2].startsWith("2,0.00000,"), lines[2]);
        String[] fields = lines[1].split(",");
        assertEquals(10, fields.length, lines[1]);
        assertEquals(400.0, Double.parseDouble(fields[2]) + Double.parseDouble(fields[4]) + Double.parseDouble(fields[6]), 0.01);
        assertEquals("0", fields[8], "the neutral conductor's power");
    }
    @Test
    void scriptVariablesAreReplacedWhereOpenDssReplacesThem(@TempDir Path dir) {
        // ExecHelper.pas DoVarCmd and ParserDel.pas CheckForVar (the form of DOCTechNote's network protector
        // settings, "var @nwp_iset_ct_pu = 0.5"): a value or an array/RPN item starting with @, the text from a
        // dot on kept; names without regard to case; a value holding a variable is read when used (as an RPN
        // expression); variables outlive Clear
        DssInterpreter dss = run(dir, "var @KV=115 @load = 300 @bus=sourcebus\n" + STIFF
                + "var @twice=(@load 2 *)\n"
                + "New Load.a bus1=@bus.1.2.3 phases=3 kV=@kv kW=@LOAD pf=1\n"
                + "New Load.b bus1=@bus phases=3 kV=@kv kW=(@load 3 /) pf=1\n"
                + "New Load.c bus1=@bus phases=3 kV=@kv kW=@twice pf=1\n"
                + "New LoadShape.s npts=2 interval=1 mult=[@load 150]\n");
        assertEquals("sourcebus.1.2.3", ((LoadDef) dss.definition("Load.a")).bus1);
        assertEquals(300.0, ((LoadDef) dss.definition("Load.a")).kw, 1e-12);
        assertEquals(115.0, ((LoadDef) dss.definition("Load.a")).kv, 1e-12);
        assertEquals(100.0, ((LoadDef) dss.definition("Load.b")).kw, 1e-12);
        assertEquals(600.0, ((LoadDef) dss.definition("Load.c")).kw, 1e-12);
        assertEquals(300.0, ((LoadShapeDef) dss.definition("LoadShape.s")).p[0], 1e-12);
        assertEquals(300.0 + 100.0 + 600.0, sourceKw(dss)[0], 1e-3);
        dss.runText("Clear\n" + STIFF + "New Load.d bus1=sourcebus phases=3 kV=@kv kW=@load pf=1\n", dir, "after.dss");
        assertEquals(300.0, ((LoadDef) dss.definition("Load.d")).kw, 1e-12);
        PacketGridException e = assertThrows(PacketGridException.class, () -> dss.runText("var x=1\n", dir, "bad.dss"));
        assertEquals("bad.dss:1", e.location());
    }
}
