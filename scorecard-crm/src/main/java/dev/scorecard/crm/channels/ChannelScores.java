package dev.scorecard.crm.channels;

import java.util.List;

/**
 * The channel table: every row of {@code channels.csv} and the priors they were shrunk with.
 *
 * @param rows each channel followed by its sub-channels, by name, then the {@code (unseen)} row
 * @param priorMean the channels' prior mean, the rate of a channel not in the history
 * @param priorConcentration the channels' prior α + β, in leads; infinite when the channels were pooled
 * @param subChannelConcentration the sub-channels' prior α + β around their channel's shrunk rate;
 *     infinite when they were pooled with their channel (or there are none)
 * @param pooled whether the channels were taken to share one rate
 */
public record ChannelScores(List<ChannelRow> rows, double priorMean, double priorConcentration,
        double subChannelConcentration, boolean pooled) {
    /** The channel name of the row for channels not in the history. */
    public static final String UNSEEN = ScoreOverrides.UNSEEN;

    /** Copies the rows. */
    public ChannelScores {
        rows = List.copyOf(rows);
    }

    /** @return the channels' own rows (no sub-channels, no {@code (unseen)} row) */
    public List<ChannelRow> channels() {
        return rows.stream().filter(r -> r.subChannel().isEmpty() && !r.channel().equals(UNSEEN)).toList();
    }
}
