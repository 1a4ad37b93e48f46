package dev.scorecard.train.load;

import dev.scorecard.core.data.Dataset;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link CsvLoader#load}.
 *
 * @param dataset the typed columns and the target, rejected rows left out
 * @param report what was read, per column
 * @param rejects the rows left out, in file order, with their line and reason
 */
public record LoadResult(Dataset dataset, LoadReport report, List<RejectedRow> rejects) {
    /** Validates the result and copies the rejects. */
    public LoadResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(report, "report");
        rejects = List.copyOf(rejects);
    }
}
