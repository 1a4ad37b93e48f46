package dev.scorecard.train.pipeline;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.train.io.OutputSet;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code evaluate}, {@code monitor} and the lead side's commands do once a pass has written its
 * rejects into the run's output set: fail when they exceed the allowed share or when no row was
 * usable at all. A failed run still commits its set, which then holds the rejects file alone: the
 * reports of an earlier run are removed rather than left beside rejects they do not belong to.
 * Public for the lead side's commands, which apply the same rules to the files they read.
 */
public final class RejectsCheck {
    private RejectsCheck() {
    }

    /**
     * Every workflow's request checks {@code --max-reject-share} here, so that a library caller and every
     * command refuse a value that would let any number of rows be rejected.
     *
     * @param maxRejectShare the largest share of rows that may be rejected
     * @throws IllegalArgumentException naming the option, when the share is not from 0 to 1
     */
    public static void requireShare(double maxRejectShare) {
        if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
            throw new IllegalArgumentException("--max-reject-share: " + maxRejectShare
                    + " is out of range; expected a share from 0 to 1 (0.05 for 5 %)");
        }
    }

    /**
     * @param set the run's outputs, committed when the run fails here
     * @param data the input, named in errors
     * @param rejectsFile the rejects file, when rows were rejected
     * @param rejected rows rejected
     * @param rows data rows read
     * @param used rows that were used
     * @param maxShare the largest share of rows that may be rejected
     * @param verb what happened to the used rows, for messages: {@code evaluated}, {@code scored}
     * @param advice what to add to the over-the-share message, e.g. the {@code --encoding} advice; may be empty
     * @throws InputDataException over the share, or when no row was used
     */
    public static void settle(OutputSet set, String data, Optional<Path> rejectsFile, long rejected, long rows, long used,
            double maxShare, String verb, String advice) {
        if (rows > 0 && (double) rejected / rows > maxShare) {
            Outputs.commit(set);
            throw new InputDataException(data, 0, null, String.format(Locale.ROOT,
                    "%d of %d rows (%.2f %%) could not be %s, over --max-reject-share %s; see %s%s", rejected, rows,
                    100.0 * rejected / rows, verb, DoubleFormat.format(maxShare), rejectsFile.orElseThrow(), advice));
        }
        if (used == 0) {
            Outputs.commit(set);
            throw new InputDataException(data, 0, null, "no row could be " + verb
                    + rejectsFile.map(f -> "; see " + f).orElse(""));
        }
    }
}
