package dev.scorecard.train.eval;

import dev.scorecard.core.data.BinaryTarget;
import java.util.Arrays;
import java.util.List;

/**
 * The score distribution of events and of non-events over equal-width score bins, for the report's
 * "score by class" chart. Bin {@code i} holds scores in {@code [edges[i], edges[i+1])}, the last bin
 * also its upper edge.
 *
 * @param edges the bin edges, increasing, one more than the bins
 * @param events events per bin
 * @param nonEvents non-events per bin
 */
public record ScoreHistogram(List<Double> edges, List<Integer> events, List<Integer> nonEvents) {
    /** Copies the lists and checks their sizes. */
    public ScoreHistogram {
        edges = List.copyOf(edges);
        events = List.copyOf(events);
        nonEvents = List.copyOf(nonEvents);
        if (edges.size() != events.size() + 1 || events.size() != nonEvents.size()) {
            throw new IllegalArgumentException("a histogram needs one edge more than bins, got " + edges.size()
                    + " edges, " + events.size() + " and " + nonEvents.size() + " counts");
        }
    }

    /**
     * @param scores finite scores, one per row of {@code target}
     * @param target the rows' classes
     * @param bins how many bins (at least 1); one bin when every score is the same
     * @return the histogram
     */
    public static ScoreHistogram of(double[] scores, BinaryTarget target, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        if (scores.length != target.size() || scores.length == 0) {
            throw new IllegalArgumentException("a histogram needs one score per row and at least one row, got "
                    + scores.length + " scores for " + target.size() + " rows");
        }
        double min = Arrays.stream(scores).min().orElseThrow();
        double max = Arrays.stream(scores).max().orElseThrow();
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("scores must be finite, found " + min + " to " + max);
        }
        int n = max > min ? bins : 1;
        double width = (max - min) / n;
        Double[] edges = new Double[n + 1];
        for (int i = 0; i <= n; i++) {
            edges[i] = i == n ? max : min + i * width;
        }
        Integer[] ev = new Integer[n];
        Integer[] ne = new Integer[n];
        Arrays.fill(ev, 0);
        Arrays.fill(ne, 0);
        for (int r = 0; r < scores.length; r++) {
            int b = n == 1 ? 0 : (int) Math.min(n - 1, Math.floor((scores[r] - min) / width));
            if (target.isEvent(r)) {
                ev[b]++;
            } else {
                ne[b]++;
            }
        }
        return new ScoreHistogram(List.of(edges), List.of(ev), List.of(ne));
    }
}
