package io.packetgrid.studies.pem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.packetgrid.pem.sim.Acc2017Experiment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The ACC 2017 figure draws its reference line on top of the variants that track it (it was hidden behind them). */
class PlotsTest {
    static Acc2017Experiment.Result result(String name) {
        double[] t = {0, 60, 120};
        return new Acc2017Experiment.Result(name, t, new double[] {1, 2, 3}, new double[] {2, 2, 2}, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, null);
    }

    @Test
    void theReferenceIsDrawnLast() {
        XYChart c = Plots.chart("t", List.of(result("pem_5min"), result("pem_30min")), true);
        List<String> order = new ArrayList<>(c.getSeriesCollection().stream().map(org.knowm.xchart.XYSeries::getName).toList());   // XChart draws in insertion order
        assertEquals(List.of("pem_5min", "pem_30min", "reference"), order);
    }
}
