package dev.scorecard.crm.channels;

import java.util.Locale;

/**
 * How a shrunk conversion rate becomes a whole initial score from 0 to 10.
 *
 * <ul>
 *   <li>{@code rank}: by the rate's position among the channels' shrunk rates, 0 for the lowest and
 *       10 for the highest: {@code p = (below + (equal − 1) / 2) / (m − 1)} for {@code m} channels, of
 *       which {@code below} have a lower rate and {@code equal} the same one, so tied channels share a
 *       mid-rank and a rate between two channels lies halfway between their positions; clamped to
 *       [0, 1]; one channel alone is at 0.5.</li>
 *   <li>{@code linear}: {@code p = (rate − low) / (high − low)}, clamped to [0, 1], so a rate at or below
 *       the low anchor scores 0 and one at or above the high anchor 10.</li>
 * </ul>
 * The score is {@code floor(10 p + 0.5)}: halves round up, the same on every run.
 *
 * @param kind rank or linear
 * @param low the rate that scores 0 ({@code linear}; 0 for {@code rank})
 * @param high the rate that scores 10 ({@code linear}; 1 for {@code rank})
 */
public record ScoreMapping(Kind kind, double low, double high) {
    /** The highest score. */
    public static final int MAX_SCORE = 10;

    /** The two mappings. */
    public enum Kind {
        /** By rank among the channels. */
        RANK,
        /** Linearly between two anchors. */
        LINEAR;

        /**
         * @param text {@code rank} or {@code linear}
         * @return the kind
         * @throws IllegalArgumentException listing the allowed values
         */
        public static Kind fromConfig(String text) {
            for (Kind k : values()) {
                if (k.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a mapping; expected rank or linear");
        }
    }

    /** Checks the anchors: rates with low below high. */
    public ScoreMapping {
        java.util.Objects.requireNonNull(kind, "kind");
        if (!(low >= 0 && high <= 1 && low < high)) {
            throw new IllegalArgumentException("anchors " + low + "," + high
                    + ": expected two rates from 0 to 1, the first below the second (e.g. 0.01,0.2)");
        }
    }

    /** @return the rank mapping */
    public static ScoreMapping rank() {
        return new ScoreMapping(Kind.RANK, 0, 1);
    }

    /** @return the linear mapping between rates {@code low} (score 0) and {@code high} (score 10) */
    public static ScoreMapping linear(double low, double high) {
        return new ScoreMapping(Kind.LINEAR, low, high);
    }

    /**
     * @param rate a shrunk rate
     * @param channelRates the channels' shrunk rates, sorted ascending (used by {@code rank})
     * @return the score, 0 to 10
     */
    int score(double rate, double[] channelRates) {
        double p;
        if (kind == Kind.LINEAR) {
            p = (rate - low) / (high - low);
        } else {
            int m = channelRates.length;
            if (m <= 1) {
                p = 0.5;
            } else {
                int below = lowerBound(channelRates, rate);
                int equal = lowerBound(channelRates, Math.nextUp(rate)) - below;
                p = (below + (equal - 1) / 2.0) / (m - 1);
            }
        }
        p = Math.max(0, Math.min(1, p));
        return (int) Math.floor(MAX_SCORE * p + 0.5);
    }

    /** @return how many of the sorted values are below {@code x} */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return e.g. {@code rank}, {@code linear 0.01 to 0.2} */
    String describe() {
        return kind == Kind.RANK ? "rank" : "linear " + dev.scorecard.core.internal.DoubleFormat.format(low) + " to "
                + dev.scorecard.core.internal.DoubleFormat.format(high);
    }
}
