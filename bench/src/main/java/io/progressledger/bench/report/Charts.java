package io.progressledger.bench.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's plots, drawn with XChart into PNG files beside the Markdown report. Latency plots are percentile
 * curves in the HdrHistogram style: the x axis stretches the tail (90 %, 99 %, 99.9 %...), where latency problems
 * live.
 */
public final class Charts {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 480;

    private final Path directory;

    public Charts(Path directory) {
        this.directory = directory;
    }

    /** Percentile curves, one per named distribution; returns the file name, or null when there is nothing to draw. */
    public String percentiles(String file, String title, Map<String, Latency> series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("percentile").yAxisTitle("latency (ms)").build();
        style(chart);
        // x = -log10(1 - p): 0 is the median's left end, 1 is 90 %, 2 is 99 %, 3 is 99.9 %... (XChart's own log
        // axis ignores a custom label formatter, so the scale is computed here and only whole "nines" are labelled).
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(0.0);
        chart.setCustomXAxisTickLabelsFormatter(Charts::percentileLabel);
        double maxX = 1;
        boolean any = false;
        for (Map.Entry<String, Latency> entry : series.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (double[] point : entry.getValue().curve()) {
                if (point[0] < 100 && point[1] > 0) {
                    double x = Math.log10(100.0 / (100.0 - point[0]));
                    xs.add(x);
                    ys.add(point[1]);
                    maxX = Math.max(maxX, x);
                }
            }
            if (xs.size() >= 2) {
                line(chart.addSeries(entry.getKey(), xs, ys));
                any = true;
            }
        }
        chart.getStyler().setXAxisMax(Math.ceil(maxX));
        return any ? save(chart, file) : null;
    }

    /** A line per series of (x, y) points. */
    public String lines(String file, String title, String xTitle, String yTitle, Map<String, List<double[]>> series,
                        Double limit, String limitName) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart);
        boolean any = false;
        double maxX = 0;
        for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
            if (entry.getValue().size() < 2) {
                continue;
            }
            List<Double> xs = entry.getValue().stream().map(p -> p[0]).toList();
            List<Double> ys = entry.getValue().stream().map(p -> p[1]).toList();
            maxX = Math.max(maxX, xs.get(xs.size() - 1));
            line(chart.addSeries(entry.getKey(), xs, ys));
            any = true;
        }
        if (any && limit != null) {
            XYSeries line = chart.addSeries(limitName, new double[]{0, maxX}, new double[]{limit, limit});
            line(line);
            line.setLineColor(Color.RED);
        }
        return any ? save(chart, file) : null;
    }

    /** Accepted deliveries per second over the run, one colour per phase. */
    public String timeline(String file, long[] perSecond, List<Results.Span> phases) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (Results.Span phase : phases) {
            List<double[]> points = new ArrayList<>();
            for (int second = (int) Math.floor(phase.from()); second < Math.min(perSecond.length, Math.ceil(phase.to())); second++) {
                points.add(new double[]{second, perSecond[second]});
            }
            series.put(phase.name(), points);
        }
        return lines(file, "Accepted deliveries per second over the run", "seconds since start", "accepted / s",
                series, null, null);
    }

    /** Grouped bars: one group per category, one bar per series. */
    public String bars(String file, String title, String yTitle, List<String> categories, Map<String, List<Double>> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        boolean any = false;
        for (Map.Entry<String, List<Double>> entry : series.entrySet()) {
            List<Double> values = entry.getValue().stream().map(v -> v == null || v.isNaN() ? 0.0 : v).toList();
            if (!values.isEmpty()) {
                chart.addSeries(entry.getKey(), categories, values);
                any = true;
            }
        }
        return any ? save(chart, file) : null;
    }

    private static void style(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    }

    private static void line(XYSeries series) {
        series.setMarker(SeriesMarkers.NONE);
    }

    /** Labels whole nines only: 0 → "0%", 1 → "90%", 2 → "99%", 3 → "99.9%". */
    private static String percentileLabel(double x) {
        long nines = Math.round(x);
        if (Math.abs(x - nines) > 1e-6 || nines < 0) {
            return " ";
        }
        if (nines == 0) {
            return "0%";
        }
        return nines == 1 ? "90%" : nines == 2 ? "99%" : "99." + "9".repeat((int) nines - 2) + "%";
    }

    private String save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, String file) {
        try {
            Files.createDirectories(directory);
            BitmapEncoder.saveBitmap(chart, directory.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
            return file + ".png";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
