package dev.scorecard.cli.option;

import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.config.ScorecardConfig;
import picocli.CommandLine.Option;

/**
 * The points scale on the command line, each option overriding the config's {@code training.scaling}
 * key of the same meaning, so that the credit convention needs no YAML file.
 */
public final class ScalingOverrides {
    @Option(names = "--higher-score-means", paramLabel = "WHAT",
            description = "event (default: a high score means likely an event, e.g. a lead that converts) or "
                    + "non-event (the credit convention: a high score is a good applicant, the event being a default).")
    String higherScoreMeans;

    @Option(names = "--base-points", paramLabel = "POINTS", description = "The score at the base odds (default 600).")
    Double basePoints;

    @Option(names = "--base-odds", paramLabel = "ODDS",
            description = "The odds that score the base points, in the direction of --higher-score-means (default 1).")
    Double baseOdds;

    @Option(names = "--pdo", paramLabel = "POINTS", description = "Points to double the odds (default 20).")
    Double pdo;

    /**
     * @param c the config as read
     * @return the config with these options laid over its scaling
     * @throws IllegalArgumentException naming the option, for a value out of range
     */
    public ScorecardConfig apply(ScorecardConfig c) {
        ScalingOptions s = c.training().scaling();
        try {
            if (higherScoreMeans != null) {
                s = s.withHigherScoreMeans(ScoreDirection.fromConfig(higherScoreMeans));
            }
            if (basePoints != null) {
                s = s.withBasePoints(basePoints);
            }
            if (baseOdds != null) {
                s = s.withBaseOdds(baseOdds);
            }
            if (pdo != null) {
                s = s.withPdo(pdo);
            }
        } catch (IllegalArgumentException e) {
            // The record and the config names speak of keys; on the command line the option is the name.
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^higherScoreMeans", "--higher-score-means")
                    .replaceFirst("^basePoints", "--base-points").replaceFirst("^baseOdds", "--base-odds")
                    .replaceFirst("^pdo", "--pdo"), e);
        }
        return c.withTraining(c.training().withScaling(s));
    }
}
