package dev.scorecard.train.eval;

import dev.scorecard.core.data.BinaryTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cut-off table (modelled on R {@code scorecard::gains_table}): the score cut into bands,
 * highest scores first, with per band the rows, events and event rate, and from the top down the
 * share of rows at or above the band (the approval or call rate), their event rate, the shares of
 * all events and non-events they hold, and the gap between those two shares (the KS at that cut-off).
 *
 * <p>Bands are on the score as given, whatever it means: rows are ranked from the highest score,
 * because a cut-off keeps the rows above it, in credit (approve) as for leads (call).
 * <ul>
 *   <li>Equal frequency ({@link CutoffOptions#bands}): the rank rule of {@link Gains}, so rows with
 *       equal scores always share a band and a table may have fewer bands than asked. With at least as
 *       many bands as rows, every distinct score is a band of its own, and the largest {@code ks}
 *       over the bands is the KS statistic of {@link Metrics#ks} on the same scores.
 *   <li>Equal width ({@link CutoffOptions#width}): a score {@code s} is in band {@code [k·w, (k+1)·w)}
 *       with {@code k = floor(s / w)} (a score on an edge, to 1e-9 of a width, in the band above it);
 *       bands holding no row are left out.
 * </ul>
 *
 * <p>Thread-safe: the class has no state.
 */
public final class Cutoffs {
    private static final String METRIC = "Cut-off table";

    private Cutoffs() {
    }

    /**
     * @param scores one score per row of {@code target}; not changed; NaN not allowed, and infinite
     *     only for equal-frequency bands
     * @param target which rows are events
     * @param options how to cut the bands
     * @return the table, highest scores first
     * @throws IllegalArgumentException when the lengths differ, a score is NaN (or infinite, for
     *     width bands), or the target lacks events or non-events
     */
    public static CutoffTable table(double[] scores, BinaryTarget target, CutoffOptions options) {
        ScoreCounts.requireSameLength(METRIC, "scores", scores, target);
        ScoreCounts.requireBothClasses(METRIC, target);
        ScoreCounts c = ScoreCounts.of(METRIC, "scores", scores, target);
        int[] starts = options.byWidth() ? widthStarts(c, options.width().getAsDouble())
                : c.groupStarts(options.bands().getAsInt());
        long totalE = c.totalEvents;
        long totalN = c.totalNonEvents;
        int totalRows = c.rows();
        List<CutoffTable.Band> out = new ArrayList<>(starts.length - 1);
        int cumRows = 0;
        int cumEvents = 0;
        for (int g = 0; g + 1 < starts.length; g++) {
            int rows = c.rowsIn(starts[g], starts[g + 1]);
            int events = c.eventsIn(starts[g], starts[g + 1]);
            cumRows += rows;
            cumEvents += events;
            long cumNonEvents = cumRows - cumEvents;
            // As Metrics.ks: the gap |cumE/E − cumN/N| as one exact integer over E·N, so that the largest
            // band's ks is bit for bit the statistic (both products are below E·N < 2^62).
            double ks = (double) Math.abs(cumEvents * totalN - cumNonEvents * totalE) / (double) (totalE * totalN);
            out.add(new CutoffTable.Band(g + 1, c.scores[starts[g + 1] - 1], c.scores[starts[g]], rows, events,
                    (double) events / rows, (double) rows / totalRows, cumRows, (double) cumRows / totalRows, cumEvents,
                    (double) cumEvents / cumRows, (double) cumEvents / totalE, (double) cumNonEvents / totalN, ks));
        }
        return new CutoffTable(options, out, totalRows, (int) totalE);
    }

    /**
     * @return the index of the first distinct score of each non-empty width band, then
     *     {@link ScoreCounts#size()}
     */
    private static int[] widthStarts(ScoreCounts c, double width) {
        int[] starts = new int[c.size() + 1];
        int count = 0;
        long previous = 0;
        for (int d = 0; d < c.size(); d++) {
            long k = band(c.scores[d], width);
            if (d == 0 || k != previous) {
                starts[count++] = d;
                previous = k;
            }
        }
        starts[count] = c.size();
        return Arrays.copyOf(starts, count + 1);
    }

    /**
     * @return the number {@code k} of the width band {@code [k·w, (k+1)·w)} holding {@code s}:
     *     {@code floor(s / w)}, except that a quotient within 1e-9 (relative) of a whole number is
     *     that number, so that a score on a band edge is in the band above it as a reader expects
     *     ({@code 0.3 / 0.1} is {@code 2.9999999999999996} in doubles, and 0.3 belongs in {@code [0.3, 0.4)})
     * @throws IllegalArgumentException when {@code s} is infinite or so far from 0 that the band's
     *     number does not fit in 2^53
     */
    static long band(double s, double w) {
        double q = s / w;
        if (!(Math.abs(q) < 0x1p53)) {
            throw new IllegalArgumentException(METRIC + ": score " + s + " cannot be put in a band " + w
                    + " wide; width bands need finite scores within 2^53 widths of 0");
        }
        double whole = Math.rint(q);
        return (long) (Math.abs(q - whole) <= 1e-9 * Math.max(1, Math.abs(q)) ? whole : Math.floor(q));
    }

    /**
     * @param score a finite score
     * @param width a band width
     * @return the bounds {@code [k·w, (k+1)·w)} of the width band holding {@code score}
     * @throws IllegalArgumentException as {@link #table} does for such a score
     */
    public static double[] widthBand(double score, double width) {
        long k = band(score, width);
        return new double[] {k * width, (k + 1) * width};
    }
}
