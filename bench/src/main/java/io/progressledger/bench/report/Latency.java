package io.progressledger.bench.report;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A latency distribution in milliseconds, with its percentile curve (for the plots) and the full HdrHistogram,
 * compressed and base64-encoded, for anyone who wants to re-analyse it
 * ({@code Histogram.decodeFromCompressedByteBuffer}).
 *
 * @param curve pairs of (percentile, milliseconds), from 0 to 100
 */
public record Latency(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                      double meanMs, List<double[]> curve, String hdrHistogram) {

    public static Latency of(Histogram histogram) {
        List<double[]> curve = new ArrayList<>();
        if (histogram.getTotalCount() > 0) {
            for (HistogramIterationValue value : histogram.percentiles(5)) {
                curve.add(new double[]{round(value.getPercentileLevelIteratedTo()), ms(value.getValueIteratedTo())});
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return new Latency(histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(90)), ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getValueAtPercentile(99.9)), ms(histogram.getMaxValue()),
                round(histogram.getMean() / 1000.0), curve,
                Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
