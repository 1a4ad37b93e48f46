package dev.scorecard.train.pipeline;

import dev.scorecard.core.InputDataException;
import dev.scorecard.train.io.AtomicOutput;
import dev.scorecard.train.io.RejectsWriter;
import dev.scorecard.train.load.LoadResult;
import dev.scorecard.train.load.RejectedRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Atomic writes of a workflow's files, with failures turned into one clear error naming the file. */
final class Outputs {
    private Outputs() {
    }

    static Path write(Path file, AtomicOutput.TextContent content) {
        try {
            AtomicOutput.writeText(file, content);
            return file;
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }

    static Path writeBytes(Path file, AtomicOutput.StreamContent content) {
        try {
            AtomicOutput.write(file, content);
            return file;
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }

    static void writeRejects(Path file, LoadResult loaded) {
        writeRejects(file, loaded.report().header(), loaded.rejects());
    }

    /** Writes the rejects file (its folder created when absent), the error naming the file. */
    static Path writeRejects(Path file, List<String> header, List<RejectedRow> rejects) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            RejectsWriter.write(file, header, rejects);
            return file;
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot write the rejects file: " + e.getMessage());
        }
    }
}
