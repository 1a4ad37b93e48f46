package dev.scorecard.train.pipeline;

import dev.scorecard.core.InputDataException;
import dev.scorecard.train.io.AtomicOutput;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsWriter;
import dev.scorecard.train.load.RejectedRow;
import dev.scorecard.train.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A workflow's writes into its {@link OutputSet}, with failures turned into one clear error naming
 * the file.
 */
final class Outputs {
    private Outputs() {
    }

    /** Runs one workflow into a set of its own and commits it when the workflow returns. */
    static <T> T commitAfter(List<Path> members, Function<OutputSet, T> run) {
        try (OutputSet set = OutputSet.of(members)) {
            T outcome = run.apply(set);
            commit(set);
            return outcome;
        }
    }

    /** @return the files {@code names} in {@code dir}, then the rejects file */
    static List<Path> reportsAndRejects(Path dir, List<String> names, Path rejects) {
        List<Path> members = new ArrayList<>(ReportWriter.paths(dir, names));
        members.add(rejects);
        return members;
    }

    static Path write(OutputSet set, Path file, AtomicOutput.TextContent content) {
        try {
            return set.writeText(file, content);
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }

    static Path writeBytes(OutputSet set, Path file, AtomicOutput.StreamContent content) {
        try {
            return set.write(file, content);
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }

    /** Writes the rejects file into the set, the error naming the file. */
    static Path writeRejects(OutputSet set, Path file, List<String> header, List<RejectedRow> rejects) {
        try {
            return RejectsWriter.write(set, file, header, rejects);
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot write the rejects file: " + e.getMessage());
        }
    }

    /** Puts the set in place, the error naming the first member. */
    static void commit(OutputSet set) {
        try {
            set.commit();
        } catch (IOException e) {
            throw new InputDataException(set.members().get(0).getParent().toString(), 0, null,
                    "cannot put the outputs in place: " + e.getMessage());
        }
    }
}
