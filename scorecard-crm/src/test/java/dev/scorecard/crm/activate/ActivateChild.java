package dev.scorecard.crm.activate;

import dev.scorecard.crm.events.InputFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A night of activation in a JVM of its own, for {@link ActivateKillTest} to kill. */
public final class ActivateChild {
    private ActivateChild() {
    }

    /**
     * @param args plans, leads, scores, events, as-of, out, state
     */
    public static void main(String[] args) {
        ActivateWorkflow.run(new ActivateWorkflow.Request(Path.of(args[0]), Path.of(args[1]), List.of(Path.of(args[2])),
                Optional.of(Path.of(args[3])), Optional.empty(), args[4], Path.of(args[5]), Path.of(args[6]),
                InputFormat.DEFAULT, false, 0.5));
    }
}
