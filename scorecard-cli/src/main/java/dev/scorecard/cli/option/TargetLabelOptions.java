package dev.scorecard.cli.option;

import dev.scorecard.train.pipeline.TargetLabels;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The file's own target values, for {@code evaluate} and {@code monitor}, when they are not the model's. */
public final class TargetLabelOptions {
    @Option(names = "--positive", paramLabel = "VALUE",
            description = "The file's target value for the event, when it is not written as in training "
                    + "(e.g. '>50K.' for '>50K'). Default: the model's.")
    String positive;

    @Option(names = "--negative", paramLabel = "VALUE",
            description = "The file's target value for the non-event. Default: the model's; with --positive alone, "
                    + "the first other value.")
    String negative;

    /** @return the labels to read the target with */
    public TargetLabels labels() {
        return new TargetLabels(Optional.ofNullable(positive), Optional.ofNullable(negative));
    }
}
