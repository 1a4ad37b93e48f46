package dev.scorecard.cli.option;

import dev.scorecard.train.config.EvaluationConfig;
import dev.scorecard.train.eval.CutoffOptions;
import picocli.CommandLine.Option;

/**
 * How the cut-off table bands the score, on {@code train} and {@code evaluate}: {@code --cutoff-bands N}
 * or {@code --cutoff-width W}, never both (the commands declare it as an exclusive
 * {@code @ArgGroup}, so picocli refuses both with a usage error). Either overrides the config's
 * {@code cutoffs}.
 */
public final class CutoffChoice {
    /** The number of equal-frequency bands, or null. */
    @Option(names = "--cutoff-bands", paramLabel = "N",
            description = "Cut-off table (cutoffs.csv): N bands of about equal rows (default 10).")
    public Integer bands;

    /** The band width in points, or null. */
    @Option(names = "--cutoff-width", paramLabel = "W",
            description = "Cut-off table: bands W points wide, [k*W, (k+1)*W), instead of equal-frequency bands.")
    public Double width;

    /**
     * @param choice the group as parsed, null when neither option was given
     * @param config the evaluation options so far (the config's)
     * @return them with the command line's cut-off bands, when given
     * @throws IllegalArgumentException naming the option when its value is out of range
     */
    public static EvaluationConfig apply(CutoffChoice choice, EvaluationConfig config) {
        if (choice == null) {
            return config;
        }
        // The options' message names the config key (cutoffs.bands); here the user typed the option.
        return config.withCutoffs(choice.bands != null
                ? OptionValue.checked("--cutoff-bands", "cutoffs.bands", () -> CutoffOptions.bands(choice.bands))
                : OptionValue.checked("--cutoff-width", "cutoffs.width", () -> CutoffOptions.width(choice.width)));
    }
}
