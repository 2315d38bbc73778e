package io.packetgrid.pem.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.packetgrid.cosim.error.PacketGridException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic prices and base loads against their configured model; price files with and without an export column. */
class SyntheticSeriesTest {
    static final LocalDateTime JAN = LocalDateTime.of(2026, 1, 12, 0, 0);

    @Test
    void retailPriceIsSpotPlusMarginTaxesAndTransfer() {
        // import = (spot + margin)(1 + VAT) + transfer + tax(1 + VAT); export = spot − export margin: so for every hour
        // import − (1 + VAT)·(export + export margin) is the same constant
        SyntheticPrices m = SyntheticPrices.finnishWinter();
        PriceSeries p = m.generate(JAN, 3, 7);
        double c = m.margin() * (1 + m.vat()) + m.transfer() + m.tax() * (1 + m.vat());
        for (int i = 0; i < p.importPerKwh().length; i++) {
            double spot = p.exportPerKwh()[i] + m.exportMargin();
            assertEquals(c, p.importPerKwh()[i] - (1 + m.vat()) * spot, 1e-12);
        }
        assertEquals(3600, p.stepS());
    }

    @Test
    void meanSpotPriceIsTheConfiguredMeanTimesTheShapesMean() {
        // the lognormal factors have mean 1 (−σ²/2 in the exponent): over 400 seeded months the mean spot price is
        // mean·(daily mean of the shape); the daily level is correlated over two days, so the standard error of one
        // 30-day mean is about σ_d·√(2·2/30) ≈ 0.13 relative; over 400 of them 0.0065: 4 s.e. = 2.6 %
        SyntheticPrices m = SyntheticPrices.finnishWinter();
        double shape = 0;
        for (int h = 0; h < 24; h++) {
            shape += m.shape(h) / 24;
        }
        double sum = 0;
        int n = 0;
        for (long seed = 0; seed < 400; seed++) {
            PriceSeries p = m.generate(JAN, 30, seed);
            for (double e : p.exportPerKwh()) {
                sum += e + m.exportMargin();
                n++;
            }
        }
        assertEquals(m.meanSpot() * shape, sum / n, 0.026 * m.meanSpot() * shape);
    }

    @Test
    void householdLoadAveragesTheSeasonsMean() {
        // E[level] = 1, the shape's daily mean is 1, E[max(0.1, 1 + 0.3 z)] = 1 + 0.3·(φ(3) − 3Φ(−3)) ≈ 1.0001: the mean
        // over 2000 households and a day is the season's mean; the level's spread (σ ≈ 0.36) gives a standard error of
        // 0.36/√2000 = 0.8 %: 4 s.e. = 3.2 %
        SyntheticHouseholdLoad m = SyntheticHouseholdLoad.finnishWinter();
        double sum = 0;
        int n = 0;
        for (long seed = 0; seed < 2000; seed++) {
            for (double kw : m.generate(JAN, 600, 144, seed)) {
                sum += kw;
                n++;
            }
        }
        assertEquals(m.meanKw(), sum / n, 0.032 * m.meanKw());
        double shapeMean = 0;
        for (int i = 0; i < 24 * 60; i++) {
            shapeMean += SyntheticHouseholdLoad.shape(i / 60.0) / (24 * 60);
        }
        assertEquals(1, shapeMean, 1e-9);
        assertTrue(SyntheticHouseholdLoad.shape(19) > 1.5 && SyntheticHouseholdLoad.shape(3.5) < 0.55, "evening peak, night trough");
    }

    @Test
    void priceFilesWithAndWithoutAnExportColumn(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.csv");
        Files.writeString(a, "time,price_per_kwh,other\n2026-01-15T12:00,0.20,x\n2026-01-15T13:00,0.25,y\n");
        PriceSeries p = PriceSeries.read(a, 0.04);
        assertEquals(0.25, p.importAt(3600), 0);
        assertEquals(0.04, p.exportAt(3600), 0);
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "time,export_price_per_kwh,price_per_kwh\n2026-01-15T12:00,0.01,0.20\n2026-01-15T13:00,0.02,0.25\n");
        assertEquals(0.02, PriceSeries.read(b, 0.04).exportAt(3600), 0);
        // a file that ends before the study does is refused, naming the file and the end
        PacketGridException e = assertThrows(PacketGridException.class,
                () -> p.checkCovers(LocalDateTime.of(2026, 1, 15, 12, 0), 3 * 3600, a.toString()));
        assertTrue(e.getMessage().contains("ends at 2026-01-15T14:00"), e.getMessage());
        PacketGridException late = assertThrows(PacketGridException.class,
                () -> p.checkCovers(LocalDateTime.of(2026, 1, 15, 11, 0), 3600, a.toString()));
        assertTrue(late.getMessage().contains("after the study's start"), late.getMessage());
        assertEquals(List.of("time", "export_price_per_kwh", "price_per_kwh"), TimeSeriesCsv.header(b));
    }
}
