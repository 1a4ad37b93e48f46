package dev.scorecard.crm.channels;

import java.util.Objects;

/**
 * One row of {@code channels.csv}: a channel (empty {@code subChannel}), a channel's sub-channel, or
 * the {@code (unseen)} row.
 *
 * @param channel the channel
 * @param subChannel the sub-channel, or empty
 * @param leads leads counted
 * @param conversions of which converted
 * @param rawRate conversions / leads, or NaN for the {@code (unseen)} row
 * @param shrunkRate the posterior mean
 * @param lower the credible interval's lower end
 * @param upper the credible interval's upper end
 * @param thin fewer leads than {@code minLeads}
 * @param score the initial score, 0 to 10
 * @param source where the score comes from
 */
public record ChannelRow(String channel, String subChannel, long leads, long conversions, double rawRate, double shrunkRate,
        double lower, double upper, boolean thin, int score, ScoreSource source) {
    /** Checks the names and the score. */
    public ChannelRow {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(subChannel, "subChannel");
        Objects.requireNonNull(source, "source");
        if (score < 0 || score > ScoreMapping.MAX_SCORE) {
            throw new IllegalArgumentException("score " + score + " is not from 0 to 10");
        }
    }

    ChannelRow withScore(int newScore, ScoreSource newSource) {
        return new ChannelRow(channel, subChannel, leads, conversions, rawRate, shrunkRate, lower, upper, thin, newScore,
                newSource);
    }
}
