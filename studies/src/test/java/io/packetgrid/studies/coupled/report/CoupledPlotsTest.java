package io.packetgrid.studies.coupled.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Time-of-day axes start at the data's first instant: left to itself XChart padded a noon-to-noon axis and
 * labelled an "11:00" tick before the first hour.
 */
class CoupledPlotsTest {
    @Test
    void theTimeAxisIsPinnedToTheData() {
        XYChart c = new XYChartBuilder().width(400).height(300).build();
        c.addSeries("p", CoupledPlots.dates(new double[] {12, 24, 36}), CoupledPlots.values(new double[] {1, 2, 3}));
        CoupledPlots.timeAxis(c, 12, 36);
        assertEquals(12 * 3_600_000.0, c.getStyler().getXAxisMin(), "12:00 on the first day, in ms");
        assertEquals(36 * 3_600_000.0, c.getStyler().getXAxisMax(), "12:00 on the next day");
        assertEquals(1.0, c.getStyler().getPlotContentSize(), "no empty margin where a tick before the data could be labelled");
    }
}
