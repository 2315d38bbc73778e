package io.packetgrid.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.grid.dss.DssInterpreter;
import io.packetgrid.grid.model.CMatrix;
import io.packetgrid.grid.model.Line;
import io.packetgrid.grid.result.GridResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concentric-neutral and tape-shielded cables (CNData, TSData). References: OpenDSS's published
 * line code {@code mtx606} of the IEEE 13 node feeder (../shared/feeders/ieee13/IEEE13Nodeckt.dss),
 * which that file says OpenDSS computed from the CNData and LineGeometry given in its comments; its
 * per-mile values come from a mile of 1609.3 m, so the line here is 1609.3 m long. The tape shield by
 * hand from Kersting's construction: shield resistance {@code 0.3183 rho/(ds T sqrt(50/(100 - lap)))},
 * GMR {@code (ds - T)/2}, Carson's earth return, the shield Kron-reduced away.
 */
class CableConstantsTest {
    static final String CIRCUIT = "Clear\nSet DefaultBaseFrequency=60\nNew Circuit.c basekv=4.16 pu=1 bus1=src MVAsc3=1000 MVAsc1=1000\n";

    static CMatrix[] lineZandC(Path dir, String script, int phases) {
        DssInterpreter dss = new DssInterpreter(null);
        dss.runText(CIRCUIT + script, dir, "cable.dss");
        Line l = (Line) GridResults.element(dss.simulation().network(), "Line.l");
        int m = 2 * phases;
        double[] re = new double[m * m];
        double[] im = new double[m * m];
        double[] fr = new double[m * m];
        double[] fi = new double[m * m];
        l.seriesY(re, im);
        l.primitiveY(fr, fi);
        CMatrix y = new CMatrix(phases);
        CMatrix c = new CMatrix(phases);
        for (int i = 0; i < phases; i++) {
            for (int j = 0; j < phases; j++) {
                y.set(i, j, re[i * m + j], im[i * m + j]);
                // total shunt susceptance = twice the half at terminal 1, in nF
                c.set(i, j, (fi[i * m + j] - im[i * m + j]) * 2 / (2 * Math.PI * 60) * 1e9, 0);
            }
        }
        return new CMatrix[] {y.inverse(), c};
    }

    static double[] published(String text, String property) {
        Matcher m = Pattern.compile("New Linecode\\.mtx606[^\\n]*\\n(?:~[^\\n]*\\n)*?~ " + property + "=\\[([^\\]]*)\\]",
                Pattern.CASE_INSENSITIVE).matcher(text);
        if (!m.find()) {
            throw new AssertionError(property + " of mtx606 not found");
        }
        return java.util.Arrays.stream(m.group(1).replace("|", " ").trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void concentricNeutralCableMatchesOpenDssPublishedLineCode606(@TempDir Path dir) throws IOException {
        String text = Files.readString(SharedData.shared("feeders/ieee13/IEEE13Nodeckt.dss"));
        double[] r = published(text, "Rmatrix");
        double[] x = published(text, "Xmatrix");
        double[] c = published(text, "Cmatrix");
        CMatrix[] zc = lineZandC(dir, "New CNDATA.250_1/3 k=13 DiaStrand=0.064 Rstrand=2.816666667 epsR=2.3\n"
                + "~ InsLayer=0.220 DiaIns=1.06 DiaCable=1.16 Rac=0.076705 GMRac=0.20568 diam=0.573\n"
                + "~ Runits=kft Radunits=in GMRunits=in\n"
                + "New LineGeometry.606 nconds=3 nphases=3 units=ft\n"
                + "~ cond=1 cncable=250_1/3 x=-0.5 h= -4\n~ cond=2 cncable=250_1/3 x=0   h= -4\n~ cond=3 cncable=250_1/3 x=0.5  h= -4\n"
                + "New Line.l bus1=src bus2=b geometry=606 length=1609.3 units=m\n", 3);
        int k = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                // lower triangle, printed to six significant digits
                assertEquals(r[k], zc[0].re(i, j), 5e-6 * Math.max(1, Math.abs(r[k])) + 1e-6, "R" + i + j);
                assertEquals(x[k], zc[0].im(i, j), 5e-6 * Math.max(1, Math.abs(x[k])) + 1e-6, "X" + i + j);
                assertEquals(c[k], zc[1].re(i, j), 5e-4, "C" + i + j);
                k++;
            }
        }
    }

    @Test
    void tapeShieldedCableByHand(@TempDir Path dir) {
        // 1/0 core (Rac 0.97 ohm/mi, GMR 0.1332 in), shield over diameter 0.88 in, tape 0.005 in, lap 20 %,
        // insulation 0.22 in under an insulation diameter of 0.82 in, epsR 2.3, 4 ft deep; Carson, rho 100, 60 Hz
        CMatrix[] zc = lineZandC(dir, "Set earthmodel=carson\n"
                + "New TSData.ts NormAmps=165 DIAM=0.368 GMRac=0.13320 Rac=0.97 Runits=mi Radunits=in gmrunits=in\n"
                + "~ EpsR=2.3 InsLayer=0.220 DiaIns=0.82 DiaCable=1.06 DiaShield=0.88 TapeLayer=0.005 TapeLap=20\n"
                + "New LineGeometry.g nconds=1 nphases=1 units=ft\n~ cond=1 tscable=ts x=0 h=-4\n"
                + "New Line.l bus1=src.1 bus2=b.1 phases=1 geometry=g length=1 units=km\n", 1);
        double w = 2 * Math.PI * 60;
        double mu0 = 12.56637e-7;
        double lf = w * mu0 / (2 * Math.PI);
        double zeR = w * mu0 / 8;
        double zeX = lf * Math.log(658.5 * Math.sqrt(100 / 60.0));
        double in = 0.0254;
        double rCore = 0.97 / 1609.344;
        double gmrCore = 0.1332 * in;
        double rShield = 0.3183 * 2.3718e-8 / (0.88 * in * 0.005 * in * Math.sqrt(50.0 / 80.0));
        double gmrShield = 0.5 * (0.88 - 0.005) * in;
        double[] zcc = {rCore + zeR, lf * Math.log(1 / gmrCore) + zeX};
        double[] zss = {rShield + zeR, lf * Math.log(1 / gmrShield) + zeX};
        double[] zcs = {zeR, lf * Math.log(1 / gmrShield) + zeX};
        // z = zcc - zcs^2 / zss, per metre; the line is 1 km
        double[] sq = {zcs[0] * zcs[0] - zcs[1] * zcs[1], 2 * zcs[0] * zcs[1]};
        double den = zss[0] * zss[0] + zss[1] * zss[1];
        double qr = (sq[0] * zss[0] + sq[1] * zss[1]) / den;
        double qi = (sq[1] * zss[0] - sq[0] * zss[1]) / den;
        assertEquals((zcc[0] - qr) * 1000, zc[0].re(0, 0), 1e-9);
        assertEquals((zcc[1] - qi) * 1000, zc[0].im(0, 0), 1e-9);
        // insulation capacitance: 2 pi eps0 epsR / ln(Rout/Rin) per metre
        double cap = 2 * Math.PI * 8.854e-12 * 2.3 / Math.log(0.41 / 0.19) * 1000 * 1e9;
        assertEquals(cap, zc[1].re(0, 0), 1e-6);
    }

    @Test
    void aSpacingWithCablesAndABareNeutralEqualsTheGeometry(@TempDir Path dir) {
        String data = "New WireData.cu DIAM=0.368 GMRac=0.13356 Rac=0.607 Runits=mi Radunits=in gmrunits=in\n"
                + "New CNData.cn DIAM=0.567 GMRac=0.2052 Rac=0.41 Runits=mi Radunits=in gmrunits=in\n"
                + "~ EpsR=2.3 Ins=0.220 DiaIns=1.06 DiaCable=1.29 k=13 DiaStrand=0.0641 GmrStrand=0.02496 Rstrand=14.8722\n";
        CMatrix[] viaSpacing = lineZandC(dir, data + "New LineSpacing.s nconds=4 nphases=3 units=ft x=[-0.5 0 0.5 0.25] h=[-4 -4 -4 -5]\n"
                + "New Line.l bus1=src bus2=b spacing=s cncables=[cn cn cn] wires=[cu] length=1 units=km\n", 3);
        CMatrix[] viaGeometry = lineZandC(dir, data + "New LineGeometry.g nconds=4 nphases=3 units=ft reduce=yes\n"
                + "~ cond=1 cncable=cn x=-0.5 h=-4\n~ cond=2 cncable=cn x=0 h=-4\n~ cond=3 cncable=cn x=0.5 h=-4\n"
                + "~ cond=4 wire=cu x=0.25 h=-5\n"
                + "New Line.l bus1=src bus2=b geometry=g length=1 units=km\n", 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(viaGeometry[0].re(i, j), viaSpacing[0].re(i, j), 1e-12);
                assertEquals(viaGeometry[0].im(i, j), viaSpacing[0].im(i, j), 1e-12);
            }
        }
    }
}
