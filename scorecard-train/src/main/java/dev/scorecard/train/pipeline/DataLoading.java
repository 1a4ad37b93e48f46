package dev.scorecard.train.pipeline;

import dev.scorecard.core.InputDataException;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.load.CsvLoader;
import dev.scorecard.train.load.Encodings;
import dev.scorecard.train.load.LoadReport;
import dev.scorecard.train.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The loading step every workflow shares: load with progress, create the output folder, write the
 * rejects file into the run's output set when rows were rejected, and fail when they exceed the
 * allowed share.
 */
final class DataLoading {
    /** What was loaded and where the rejects went. */
    record Loaded(LoadResult result, Optional<Path> rejectsFile) {
    }

    private DataLoading() {
    }

    /**
     * @param set the run's outputs, holding {@code rejectsPath}; committed when the rejects are over
     *     the share, so that the folder then holds this run's rejects and nothing of an earlier run
     */
    static Loaded load(Path data, CsvLoadOptions options, Path outDir, OutputSet set, Path rejectsPath,
            double maxRejectShare, BinWorkflow.Listener listener) {
        long size = sizeOf(data);
        LoadResult loaded = CsvLoader.load(data, options, read -> listener.loadProgress(read, size));
        listener.loaded(loaded.report());
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new InputDataException(outDir.toString(), 0, null, "cannot create the output folder: " + e.getMessage());
        }
        Optional<Path> rejects = Optional.empty();
        LoadReport report = loaded.report();
        if (!loaded.rejects().isEmpty()) {
            Path file = Outputs.writeRejects(set, rejectsPath, report.header(), loaded.rejects());
            rejects = Optional.of(file);
            double share = (double) report.rowsRejected() / report.rowsRead();
            if (share > maxRejectShare) {
                Outputs.commit(set);
                throw new InputDataException(data.toString(), 0, null, String.format(Locale.ROOT,
                        "%d of %d rows (%.2f %%) were rejected, over --max-reject-share %s; see %s%s",
                        report.rowsRejected(), report.rowsRead(), 100 * share, maxRejectShare, file,
                        Encodings.adviceFor(report.rowsUndecodable(), report.rowsRejected(), report.encoding())));
            }
        }
        return new Loaded(loaded, rejects);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // the loader reports a missing or unreadable file with its own message
        }
    }
}
