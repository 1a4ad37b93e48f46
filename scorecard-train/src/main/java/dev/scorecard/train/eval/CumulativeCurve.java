package dev.scorecard.train.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The cumulative shares of events and of non-events from the highest score down, one point per
 * distinct score: the ROC curve (false positive rate against true positive rate) and the KS chart
 * (both rates against the score) in one. Made by {@link Curves#cumulative}.
 *
 * <p>Point {@code i} stands for the cut-off "flag every row scoring at least {@code score(i)}": its
 * true positive rate is the share of events scoring at least that, its false positive rate the share
 * of non-events. Rows with equal scores are never split, so each point moves both rates at once.
 * Scores strictly decrease along the curve, both rates never decrease, and the last point is
 * {@code (1, 1)}; the origin {@code (0, 0)}, "flag nothing", is implied and not stored (a chart
 * starts its line there).
 *
 * <p>Immutable and thread-safe; primitive arrays inside, so a curve over a million distinct scores
 * costs a few arrays rather than a million objects. {@link #points()} gives records for reports.
 */
public final class CumulativeCurve {
    private final double[] scores;
    private final int[] cumEvents;
    private final int[] cumNonEvents;
    private final int totalEvents;
    private final int totalNonEvents;
    private final int ksIndex;

    CumulativeCurve(double[] scores, int[] cumEvents, int[] cumNonEvents, int totalEvents, int totalNonEvents) {
        this.scores = scores;
        this.cumEvents = cumEvents;
        this.cumNonEvents = cumNonEvents;
        this.totalEvents = totalEvents;
        this.totalNonEvents = totalNonEvents;
        // |TPR − FPR| compared as |cumE·N − cumN·E|, exact in longs; of equal gaps the lowest score
        // (the last point) wins, as Metrics.ks reports the lowest threshold.
        long best = -1;
        int at = 0;
        for (int i = 0; i < scores.length; i++) {
            long gap = gap(i);
            if (gap >= best) {
                best = gap;
                at = i;
            }
        }
        this.ksIndex = at;
    }

    private long gap(int i) {
        return Math.abs((long) cumEvents[i] * totalNonEvents - (long) cumNonEvents[i] * totalEvents);
    }

    /** @return the number of points, at least 1 */
    public int size() {
        return scores.length;
    }

    /**
     * @param i a point, {@code 0 .. size()-1}
     * @return its score; scores strictly decrease with {@code i}
     */
    public double score(int i) {
        return scores[i];
    }

    /**
     * @param i a point, {@code 0 .. size()-1}
     * @return the true positive rate: the share of all events scoring at least {@code score(i)}
     */
    public double truePositiveRate(int i) {
        return (double) cumEvents[i] / totalEvents;
    }

    /**
     * @param i a point, {@code 0 .. size()-1}
     * @return the false positive rate: the share of all non-events scoring at least {@code score(i)}
     */
    public double falsePositiveRate(int i) {
        return (double) cumNonEvents[i] / totalNonEvents;
    }

    /**
     * The point where the two rates are furthest apart, where a KS chart marks the statistic; of
     * several such points, the one with the lowest score. Thinning always keeps it.
     *
     * @return its index
     */
    public int ksIndex() {
        return ksIndex;
    }

    /**
     * @return the KS statistic, {@code |truePositiveRate − falsePositiveRate|} at {@link #ksIndex()}:
     *     the same value as {@link Metrics#ks}. Their scores differ by one step: this point's score is
     *     the lowest one flagged, {@code Metrics.ks}'s the highest one not flagged, the next distinct
     *     score down. (When the KS is 0, the KS point is the last one.)
     */
    public double ks() {
        return (double) gap(ksIndex) / ((double) totalEvents * totalNonEvents);
    }

    /**
     * @param i a point, {@code 0 .. size()-1}
     * @return the point as a record
     */
    public Point point(int i) {
        return new Point(scores[i], truePositiveRate(i), falsePositiveRate(i));
    }

    /** @return every point, highest score first */
    public List<Point> points() {
        List<Point> out = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            out.add(point(i));
        }
        return List.copyOf(out);
    }

    /**
     * At most {@code maxPoints} of these points, for a chart. The first point, the last point (1, 1)
     * and the {@link #ksIndex() KS point} are always kept. The others are spread evenly along the
     * curve's length: with {@code b} points left to place, the {@code k}-th ({@code k = 1..b}) is the
     * first point whose progress {@code truePositiveRate + falsePositiveRate} (0 at the origin, 2 at
     * the end) reaches {@code 2k / (b + 1)}. Points picked twice count once, so the result may have
     * fewer than {@code maxPoints} points. Deterministic: the same curve always thins the same way.
     *
     * @param maxPoints the most points to keep, at least 3
     * @return this curve when it has at most {@code maxPoints} points, else a thinned copy with its KS
     *     point at the same score
     * @throws IllegalArgumentException when {@code maxPoints} is below 3
     */
    public CumulativeCurve thin(int maxPoints) {
        if (maxPoints < 3) {
            throw new IllegalArgumentException("maxPoints must be at least 3 (first, last and KS point), got "
                    + maxPoints);
        }
        int n = scores.length;
        if (n <= maxPoints) {
            return this;
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        keep[ksIndex] = true;
        int mandatory = ksIndex == 0 || ksIndex == n - 1 ? 2 : 3;
        int placed = maxPoints - mandatory;
        int i = 0;
        for (int k = 1; k <= placed; k++) {
            double target = 2.0 * k / (placed + 1);
            while (truePositiveRate(i) + falsePositiveRate(i) < target) {
                i++;
            }
            keep[i] = true;
        }
        int kept = 0;
        for (boolean b : keep) {
            kept += b ? 1 : 0;
        }
        double[] s = new double[kept];
        int[] e = new int[kept];
        int[] ne = new int[kept];
        int j = 0;
        for (int p = 0; p < n; p++) {
            if (keep[p]) {
                s[j] = scores[p];
                e[j] = cumEvents[p];
                ne[j] = cumNonEvents[p];
                j++;
            }
        }
        return new CumulativeCurve(s, e, ne, totalEvents, totalNonEvents);
    }

    /**
     * @param i a point, {@code 0 .. size()-1}
     * @return the share of events among the rows scoring at least {@code score(i)}: the precision of that cut-off
     */
    public double precision(int i) {
        return (double) cumEvents[i] / ((long) cumEvents[i] + cumNonEvents[i]);
    }

    /**
     * The area under the precision–recall curve as average precision, {@code Σ (R_i − R_{i−1}) P_i}
     * with {@code R_{−1} = 0}: each cut-off's precision weighted by the recall it adds. Tied scores
     * form one cut-off, as in scikit-learn's {@code average_precision_score}, which this equals; unlike
     * the trapezoidal area it does not interpolate precision, which would be optimistic.
     *
     * @return the average precision, in (0, 1]; NaN when there are no events
     */
    public double averagePrecision() {
        if (totalEvents == 0) {
            return Double.NaN;
        }
        double sum = 0;
        int previous = 0;
        for (int i = 0; i < scores.length; i++) {
            sum += (double) (cumEvents[i] - previous) * precision(i);
            previous = cumEvents[i];
        }
        return sum / totalEvents;
    }

    /** @return the number of points and the KS, for debugging */
    @Override
    public String toString() {
        return "CumulativeCurve[" + scores.length + " points, ks " + ks() + " at score " + scores[ksIndex] + "]";
    }

    /**
     * One point of the curve.
     *
     * @param score the cut-off: rows scoring at least this are flagged
     * @param truePositiveRate the share of events flagged, in {@code [0, 1]}
     * @param falsePositiveRate the share of non-events flagged, in {@code [0, 1]}
     */
    public record Point(double score, double truePositiveRate, double falsePositiveRate) {
        /** Checks that the score is a number and both rates are shares. */
        public Point {
            if (Double.isNaN(score)) {
                throw new IllegalArgumentException("score must not be NaN");
            }
            if (!(truePositiveRate >= 0 && truePositiveRate <= 1)) {
                throw new IllegalArgumentException("truePositiveRate must be between 0 and 1, got " + truePositiveRate);
            }
            if (!(falsePositiveRate >= 0 && falsePositiveRate <= 1)) {
                throw new IllegalArgumentException("falsePositiveRate must be between 0 and 1, got "
                        + falsePositiveRate);
            }
        }
    }
}
