package dev.scorecard.train.pipeline;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.train.load.RejectedRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code evaluate} and {@code monitor} do with the rows a pass could not use: write them to the
 * rejects file, then fail when they exceed the allowed share or when no row was usable at all.
 */
final class RejectsCheck {
    private RejectsCheck() {
    }

    /**
     * @param data the input file, named in errors
     * @param file where the rejects go
     * @param header the input's header
     * @param rejects the rejected rows
     * @param rows data rows read
     * @param used rows that were used
     * @param maxShare the largest share of rows that may be rejected
     * @param verb what happened to the used rows, for messages: {@code evaluated}, {@code scored}
     * @param advice what to add to the over-the-share message, e.g. the {@code --encoding} advice; may be empty
     * @return the rejects file, when rows were rejected
     * @throws InputDataException over the share, or when no row was used
     */
    static Optional<Path> settle(Path data, Path file, List<String> header, List<RejectedRow> rejects, long rows, long used,
            double maxShare, String verb, String advice) {
        Optional<Path> written = rejects.isEmpty() ? Optional.empty() : Optional.of(Outputs.writeRejects(file, header, rejects));
        if (rows > 0 && (double) rejects.size() / rows > maxShare) {
            throw new InputDataException(data.toString(), 0, null, String.format(Locale.ROOT,
                    "%d of %d rows (%.2f %%) could not be %s, over --max-reject-share %s; see %s%s", rejects.size(), rows,
                    100.0 * rejects.size() / rows, verb, DoubleFormat.format(maxShare), file, advice));
        }
        if (used == 0) {
            throw new InputDataException(data.toString(), 0, null, "no row could be " + verb
                    + written.map(f -> "; see " + f).orElse(""));
        }
        return written;
    }
}
