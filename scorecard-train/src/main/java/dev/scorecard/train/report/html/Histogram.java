package dev.scorecard.train.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Distributions over shared numeric bins, overlaid: the score distribution of events against
 * non-events. The first series is filled, the next ones hatched, so overlaps stay readable in
 * greyscale.
 *
 * @param title the chart title
 * @param xTitle the x axis title; empty for none
 * @param yTitle the y axis title; empty for none
 * @param edges the bin edges, strictly increasing and finite: bin {@code i} is
 *     {@code [edges[i], edges[i+1])}
 * @param series the distributions, each with one height per bin ({@code NaN} draws nothing)
 */
public record Histogram(String title, String xTitle, String yTitle, List<Double> edges, List<ValueSeries> series)
        implements Block {
    /** Checks the edges and that every series has one height per bin. */
    public Histogram {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xTitle, "xTitle");
        Objects.requireNonNull(yTitle, "yTitle");
        edges = List.copyOf(Objects.requireNonNull(edges, "edges"));
        series = List.copyOf(Objects.requireNonNull(series, "series"));
        if (edges.size() < 2) {
            throw new IllegalArgumentException("histogram '" + title + "': needs at least 2 edges, got " + edges.size());
        }
        for (int i = 0; i < edges.size(); i++) {
            double e = edges.get(i);
            if (!Double.isFinite(e) || (i > 0 && !(e > edges.get(i - 1)))) {
                throw new IllegalArgumentException("histogram '" + title + "': edges must be finite and strictly "
                        + "increasing, got " + e + " at index " + i);
            }
        }
        for (ValueSeries s : series) {
            if (s.values().size() != edges.size() - 1) {
                throw new IllegalArgumentException("histogram '" + title + "': series '" + s.name() + "' has "
                        + s.values().size() + " heights for " + (edges.size() - 1) + " bins");
            }
        }
    }

    /**
     * Bins two samples on shared, evenly spaced edges at round numbers and gives each bin the share
     * of its own sample, so groups of different sizes compare. Non-finite values are ignored.
     *
     * @param bins about how many bins to use (the edges are rounded, so the count may differ a little)
     * @return the histogram, with the y axis titled "share of group"
     */
    public static Histogram shares(String title, String xTitle, int bins, String nameA, double[] a, String nameB,
            double[] b) {
        if (bins < 1) {
            throw new IllegalArgumentException("histogram '" + title + "': bins must be at least 1, got " + bins);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] sample : new double[][] {a, b}) {
            for (double v : sample) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        NiceScale scale = min <= max ? NiceScale.of(min, max, Double.NaN, Double.NaN, bins)
                : NiceScale.of(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1);
        double[] ticks = scale.ticks();
        List<Double> edges = new ArrayList<>(ticks.length);
        for (double t : ticks) {
            edges.add(t);
        }
        return new Histogram(title, xTitle, "share of group", edges,
                List.of(shareSeries(nameA, a, ticks), shareSeries(nameB, b, ticks)));
    }

    private static ValueSeries shareSeries(String name, double[] sample, double[] edges) {
        int bins = edges.length - 1;
        long[] counts = new long[bins];
        long total = 0;
        for (double v : sample) {
            if (!Double.isFinite(v)) {
                continue;
            }
            int lo = 0;
            int hi = bins - 1;
            while (lo < hi) { // the last bin whose lower edge is <= v
                int mid = (lo + hi + 1) >>> 1;
                if (edges[mid] <= v) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            counts[lo]++;
            total++;
        }
        double[] shares = new double[bins];
        for (int i = 0; i < bins; i++) {
            shares[i] = total == 0 ? 0 : (double) counts[i] / total;
        }
        return ValueSeries.of(name, shares);
    }
}
