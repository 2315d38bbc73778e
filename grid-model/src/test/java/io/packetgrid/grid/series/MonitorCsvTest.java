package io.packetgrid.grid.series;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Values of an exported monitor as OpenDSS prints them ({@code Format('%-.6g')} in Delphi). The
 * expected strings are printed values taken from files OpenDSS wrote, in the public test repository
 * dss-extensions/electricdss-tst (commit 3b20839, Version8/Distrib/Examples):
 * StorageTechNote/Example_9_1_Default/Source_Mon_mon_storage1_powers_1.csv row 1,
 * StorageTechNote/Example_9_3_Price/Source_Mon_mon_storage1_state_1.csv row 6,
 * ADiakoptics/EPRI_Ckt5-G/ckt5_EXP_YCurrents.CSV row 1 and ckt5_Mon_test_1.csv row 1.
 */
class MonitorCsvTest {
    @Test
    void sixSignificantDigitsAsOpenDssPrintsThem() {
        // fixed notation from 1e-4 to below 1e6, trailing zeros dropped
        assertEquals("7559.11", Monitor.sig6(7559.11f));
        assertEquals("-31.677", Monitor.sig6(-31.677f));
        assertEquals("0.402576", Monitor.sig6(0.402576f));
        assertEquals("16.6667", Monitor.sig6(16.66667f));
        assertEquals("0.0235646", Monitor.sig6(0.0235646f));
        assertEquals("0", Monitor.sig6(0f));
        // scientific: at least three exponent digits, no plus sign
        assertEquals("-8.59772E-020", Monitor.sig6(-8.59772E-20f));
        assertEquals("5.68434E-017", Monitor.sig6(5.68434E-17f));
        assertEquals("1.21265E-005", Monitor.sig6(1.21265E-5f));
        assertEquals("-6.9715E007", Monitor.sig6(-6.9715E7f));
        assertEquals("3.48575E007", Monitor.sig6(3.48575E7f));
    }
}
