package dev.scorecard.core.model;

import java.util.Arrays;

/**
 * The 0–10 standard score (SPEC §5): 10 × the share of training rows that scored at most a given
 * score, to one decimal. Holds the training scores' distinct values with their cumulative shares (at
 * most {@value #MAX_POINTS} of them; beyond, evenly spaced ranks).
 *
 * @param scores distinct training scores, increasing
 * @param shares share of training rows scoring at most each of them, increasing, the last 1
 */
public record ScoreScale(double[] scores, double[] shares) {
    /** The most points kept. */
    public static final int MAX_POINTS = 1001;

    /** Copies and checks the arrays. */
    public ScoreScale {
        scores = scores.clone();
        shares = shares.clone();
        if (scores.length != shares.length || scores.length == 0) {
            throw new IllegalArgumentException("score10 needs as many shares as scores, at least one");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i]) || (i > 0 && !(scores[i] > scores[i - 1]))
                    || !(shares[i] >= 0 && shares[i] <= 1) || (i > 0 && shares[i] < shares[i - 1])) {
                throw new IllegalArgumentException("score10: scores must increase strictly and shares must not decrease (at " + i + ")");
            }
        }
    }

    /** @return the scale of these training scores */
    public static ScoreScale of(double[] trainingScores) {
        double[] sorted = trainingScores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double[] distinct = new double[n];
        double[] cumulative = new double[n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (i + 1 == n || sorted[i + 1] != sorted[i]) {
                distinct[d] = sorted[i];
                cumulative[d] = (double) (i + 1) / n;
                d++;
            }
        }
        if (d > MAX_POINTS) {
            double[] s = new double[MAX_POINTS];
            double[] c = new double[MAX_POINTS];
            for (int k = 0; k < MAX_POINTS; k++) {
                int at = (int) ((long) k * (d - 1) / (MAX_POINTS - 1));
                s[k] = distinct[at];
                c[k] = cumulative[at];
            }
            return new ScoreScale(s, c);
        }
        return new ScoreScale(Arrays.copyOf(distinct, d), Arrays.copyOf(cumulative, d));
    }

    /** @return 10 × the share of training rows scoring at most {@code score}, rounded to one decimal */
    public double score10(double score) {
        int i = Arrays.binarySearch(scores, score);
        int at = i >= 0 ? i : -i - 2;
        double share = at < 0 ? 0 : shares[at];
        return Math.round(share * 100) / 10.0;
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public double[] shares() {
        return shares.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreScale s && Arrays.equals(scores, s.scores) && Arrays.equals(shares, s.shares);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scores) + Arrays.hashCode(shares);
    }

    @Override
    public String toString() {
        return "ScoreScale[" + scores.length + " points]";
    }
}
