package dev.scorecard.cli.option;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --max-reject-share} is a share: refused at the option, so that {@code 2} or {@code 50} never means "anything goes". */
final class MaxRejectShare {
    private MaxRejectShare() {
    }

    static double checked(CommandSpec spec, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-reject-share: "
                    + share + " is out of range; expected a share from 0 to 1 (0.05 for 5 %)");
        }
        return share;
    }
}
