package dev.scorecard.train.pipeline;

import dev.scorecard.core.InputDataException;
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
 * rejects file when rows were rejected, and fail when they exceed the allowed share.
 */
final class DataLoading {
    /** What was loaded and where the rejects went. */
    record Loaded(LoadResult result, Optional<Path> rejectsFile) {
    }

    private DataLoading() {
    }

    static Loaded load(Path data, CsvLoadOptions options, Path outDir, Optional<Path> rejectsFile, String rejectsName,
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
            Path file = rejectsFile.orElse(outDir.resolve(rejectsName));
            Outputs.writeRejects(file, loaded);
            rejects = Optional.of(file);
            double share = (double) report.rowsRejected() / report.rowsRead();
            if (share > maxRejectShare) {
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
