package io.packetgrid.grid.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Numbers as OpenDSS prints them (Delphi's {@code Format}), for its reports and exports. The expected strings
 * are printed values taken from files OpenDSS wrote, in the public test repository dss-extensions/electricdss-tst
 * (commit 3b20839, Version8/Distrib/Examples): StorageTechNote/Example_9_1_Default/Source_Mon_mon_storage1_powers_1.csv
 * row 1, StorageTechNote/Example_9_3_Price/Source_Mon_mon_storage1_state_1.csv row 6,
 * ADiakoptics/EPRI_Ckt5-G/ckt5_EXP_YCurrents.CSV row 1, ckt5_Mon_test_1.csv row 1 ({@code %-.6g}) and
 * ADiakoptics/TnDSystem/Transmission/IEEE_30_VLN_Node.Txt line 6 ({@code %10.5g}, {@code %6.1f}, {@code %9.5g},
 * {@code %9.3f}).
 */
class DelphiFormatTest {
    @Test
    void generalFormatAsOpenDssPrintsIt() {
        // fixed notation from 1e-4 to below 10^P, trailing zeros dropped
        assertEquals("7559.11", DelphiFormat.g(7559.11, 6));
        assertEquals("-31.677", DelphiFormat.g(-31.677, 6));
        assertEquals("0.402576", DelphiFormat.g(0.402576, 6));
        assertEquals("0.0235646", DelphiFormat.g(0.0235646, 6));
        assertEquals("0", DelphiFormat.g(0.0, 6));
        // scientific: at least three exponent digits, no plus sign
        assertEquals("-8.59772E-020", DelphiFormat.g(-8.59772E-20, 6));
        assertEquals("5.68434E-017", DelphiFormat.g(5.68434E-17, 6));
        assertEquals("1.21265E-005", DelphiFormat.g(1.21265E-5, 6));
        assertEquals("-6.9715E007", DelphiFormat.g(-6.9715E7, 6));
        assertEquals("3.48575E007", DelphiFormat.g(3.48575E7, 6));
    }

    @Test
    void widthsOfTheVoltageReport() {
        // "B1 ... 1       80.782 /_    0.0      1.06   132.000        1-2     139.92 /_   30.0      1.06"
        assertEquals("    80.782", DelphiFormat.g(80.78208, 10, 5));
        assertEquals("   0.0", DelphiFormat.f(0.0, 6, 1));
        assertEquals("     1.06", DelphiFormat.g(1.0599963, 9, 5));
        assertEquals("  132.000", DelphiFormat.f(132.0, 9, 3));
        assertEquals("    139.92", DelphiFormat.g(139.9187, 10, 5));
        assertEquals("  30.0", DelphiFormat.f(30.0, 6, 1));
        // a negative value that rounds to zero prints without its sign
        assertEquals("   0.0", DelphiFormat.f(-0.011, 6, 1));
        assertEquals("-120.0", DelphiFormat.f(-120.0, 6, 1));
    }
}
