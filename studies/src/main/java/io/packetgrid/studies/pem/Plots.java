package io.packetgrid.studies.pem;

import io.packetgrid.cosim.error.PacketGridException;
import io.packetgrid.pem.sim.Acc2017Experiment;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of fleet power against the reference (XChart, headless). */
final class Plots {
    private Plots() {
    }

    /**
     * The x tick labels, from one reused format (the same labels as XChart's default here: the ACC
     * 2017 plots came out byte-identical). The time axis is equally spaced, so XChart tries many tick
     * spacings and formats every data point for each; its default formatter derives and applies a new
     * pattern per label, which made the axis cost more than drawing the series.
     */
    private static Function<Double, String> minuteLabels(XYChart chart) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(chart.getStyler().getLocale()));
        return format::format;
    }

    static void timeSeries(Path file, String title, List<Acc2017Experiment.Result> results, boolean withReference) {
        XYChart chart = chart(title, results, withReference);
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new PacketGridException(file.toString(), "cannot write the plot: " + e.getMessage());
        }
    }

    /**
     * The chart: one line per variant, then the reference, added last so that it is drawn on top of the
     * variants that track it (XChart draws series in the order they were added), in black and thicker.
     */
    static XYChart chart(String title, List<Acc2017Experiment.Result> results, boolean withReference) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1200).height(600).title(title).xAxisTitle("time (min)")
                .yAxisTitle("power (kW)").build();
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(minuteLabels(chart));
        for (Acc2017Experiment.Result r : results) {
            XYSeries s = chart.addSeries(r.name(), minutes(r.timeS()), r.powerKw());
            s.setMarker(SeriesMarkers.NONE);
        }
        if (withReference) {
            Acc2017Experiment.Result first = results.get(0);
            XYSeries ref = chart.addSeries("reference", minutes(first.timeS()), first.referenceKw());
            ref.setMarker(SeriesMarkers.NONE);
            ref.setLineColor(java.awt.Color.BLACK);
            ref.setLineStyle(new java.awt.BasicStroke(2.5f));
        }
        return chart;
    }

    private static double[] minutes(double[] timeS) {
        double[] x = new double[timeS.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = timeS[i] / 60;
        }
        return x;
    }
}
