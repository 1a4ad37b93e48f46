package dev.scorecard.core;

import dev.scorecard.core.internal.StrictNumberParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reusable, mutable result of {@link Scorecard#scoreInto}: a streaming scorer keeps one per thread
 * and scores millions of rows without allocating a result per row. Not thread-safe; the values are
 * those of the last row scored into it.
 */
public final class ScoreBuffer {
    /** {@link #bin} of a missing value that scored neutrally: training saw no missing value. */
    public static final int NEUTRAL_MISSING = -2;
    /** {@link #bin} of a level training never saw, scored neutrally: the characteristic has no else bin. */
    public static final int NEUTRAL_UNSEEN = -3;

    double score;
    double probability;
    String grade;
    final double[] points;
    final double[] woe;
    final int[] bins;
    final boolean[] missing;
    final double[] losses;
    final boolean[] picked;
    final String[] reasons;
    int reasonCount;
    final List<String> warnings = new ArrayList<>(2);
    private char[] scratch = new char[64];

    /**
     * @param characteristics the scorecard's number of characteristics
     * @param maxReasons the most reason codes that will be asked for
     */
    public ScoreBuffer(int characteristics, int maxReasons) {
        points = new double[characteristics];
        woe = new double[characteristics];
        bins = new int[characteristics];
        missing = new boolean[characteristics];
        losses = new double[characteristics];
        picked = new boolean[characteristics];
        reasons = new String[maxReasons];
    }

    /** @return the score */
    public double score() {
        return score;
    }

    /** @return the event probability */
    public double probability() {
        return probability;
    }

    /** @return the grade */
    public String grade() {
        return grade;
    }

    /** @return how many reason codes the last row has */
    public int reasonCount() {
        return reasonCount;
    }

    /** @return reason code {@code i} (0-based, below {@link #reasonCount()}) */
    public String reason(int i) {
        if (i >= reasonCount) {
            throw new IndexOutOfBoundsException("reason " + i + " of " + reasonCount);
        }
        return reasons[i];
    }

    /** @return the points of characteristic {@code k}: those the score adds up */
    public double points(int k) {
        return points[k];
    }

    /**
     * @param k a characteristic, in model order
     * @return the WOE of the bin the row fell in, the one the probability adds up; 0 for a value
     *     scored neutrally ({@link #NEUTRAL_MISSING}, {@link #NEUTRAL_UNSEEN})
     */
    public double woe(int k) {
        return woe[k];
    }

    /**
     * @param k a characteristic, in model order
     * @return the index of the bin the row fell in, in the characteristic's bin order (that of the
     *     model file and of its baseline shares), or {@link #NEUTRAL_MISSING} or {@link #NEUTRAL_UNSEEN}
     */
    public int bin(int k) {
        return bins[k];
    }

    /**
     * @param k a characteristic, in model order
     * @return whether the row's value was missing, wherever it went: to the missing bin, to the regular
     *     bin binning merged the missing values into, or to neutral points ({@link #NEUTRAL_MISSING})
     */
    public boolean missing(int k) {
        return missing[k];
    }

    /** @return the warnings of the last row (a live view; copy it to keep it) */
    public List<String> warnings() {
        return warnings;
    }

    /** Parses text strictly through a reused character buffer, so no array is allocated per value. */
    double parseNumber(String text) {
        int n = text.length();
        if (n > scratch.length) {
            scratch = new char[Math.max(n, scratch.length * 2)];
        }
        text.getChars(0, n, scratch, 0);
        return StrictNumberParser.parse(scratch, 0, n);
    }

    void reset() {
        warnings.clear();
        reasonCount = 0;
        Arrays.fill(picked, false);
    }
}
