package io.progressledger.bench.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A figure measured several times: the median is the figure reported, min and max its spread, and every run's value
 * in the order measured. A run that produced no value (NaN) is left out.
 */
public record Spread(double median, double min, double max, List<Double> runs) {

    public static Spread of(Collection<Double> values) {
        List<Double> runs = values.stream().filter(v -> v != null && !v.isNaN() && !v.isInfinite())
                .map(Spread::round).toList();
        if (runs.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        List<Double> sorted = new ArrayList<>(runs);
        sorted.sort(Double::compare);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(round(median), sorted.get(0), sorted.get(n - 1), runs);
    }

    /** The spread as a short text: "529 (500–560)". */
    public String text(String format) {
        return text(format, "");
    }

    /** The spread as a short text with a unit after the median: "0.31× (0.29–0.33)". */
    public String text(String format, String unit) {
        if (runs.isEmpty()) {
            return "—";
        }
        String median = String.format(java.util.Locale.ROOT, format, this.median) + unit;
        if (runs.size() == 1) {
            return median;
        }
        return median + " (" + String.format(java.util.Locale.ROOT, format, min) + "–"
                + String.format(java.util.Locale.ROOT, format, max) + ")";
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
