package dev.scorecard.cli.option;

import dev.scorecard.core.internal.ConfigNames;
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
        // The record speaks of keys (pdo: 0 is out of range); on the command line the option is the name.
        if (higherScoreMeans != null) {
            s = s.withHigherScoreMeans(ConfigNames.parse("--higher-score-means", ScoreDirection.values(),
                    ScoreDirection::configName, higherScoreMeans));
        }
        if (basePoints != null) {
            ScalingOptions t = s;
            s = OptionValue.checked("--base-points", "basePoints", () -> t.withBasePoints(basePoints));
        }
        if (baseOdds != null) {
            ScalingOptions t = s;
            s = OptionValue.checked("--base-odds", "baseOdds", () -> t.withBaseOdds(baseOdds));
        }
        if (pdo != null) {
            ScalingOptions t = s;
            s = OptionValue.checked("--pdo", "pdo", () -> t.withPdo(pdo));
        }
        return c.withTraining(c.training().withScaling(s));
    }
}
