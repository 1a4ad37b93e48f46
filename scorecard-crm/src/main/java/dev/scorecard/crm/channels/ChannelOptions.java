package dev.scorecard.crm.channels;

import java.util.Objects;

/**
 * How channel scores are computed.
 *
 * @param minLeads a channel or sub-channel with fewer leads is flagged thin, and a thin sub-channel
 *     takes its channel's score; at least 1
 * @param mapping how a shrunk rate becomes a score from 0 to 10
 * @param level the probability inside the credible interval, above 0 and below 1 (0.9 for 90 %)
 */
public record ChannelOptions(int minLeads, ScoreMapping mapping, double level) {
    /** The default {@code minLeads}: about where a binomial rate's standard error stops swamping typical channel differences. */
    public static final int DEFAULT_MIN_LEADS = 30;
    /** The default credible level. */
    public static final double DEFAULT_LEVEL = 0.90;

    /** Checks the ranges, naming the command-line options. */
    public ChannelOptions {
        Objects.requireNonNull(mapping, "mapping");
        if (minLeads < 1) {
            throw new IllegalArgumentException("--min-leads: " + minLeads + " is out of range; expected 1 or more");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("--level: " + level + " is out of range; expected a probability above 0 and "
                    + "below 1 (0.9 for a 90 % interval)");
        }
    }

    /** @return 30 leads, rank mapping, 90 % intervals */
    public static ChannelOptions defaults() {
        return new ChannelOptions(DEFAULT_MIN_LEADS, ScoreMapping.rank(), DEFAULT_LEVEL);
    }
}
