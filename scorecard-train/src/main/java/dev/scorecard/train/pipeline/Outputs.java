package dev.scorecard.train.pipeline;

import dev.scorecard.core.InputDataException;
import dev.scorecard.train.io.AtomicOutput;
import dev.scorecard.train.io.RejectsWriter;
import dev.scorecard.train.load.LoadResult;
import java.io.IOException;
import java.nio.file.Path;

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
        try {
            RejectsWriter.write(file, loaded.report().header(), loaded.rejects());
        } catch (IOException e) {
            throw new InputDataException(file.toString(), 0, null, "cannot write the rejects file: " + e.getMessage());
        }
    }
}
