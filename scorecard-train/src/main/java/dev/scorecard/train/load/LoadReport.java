package dev.scorecard.train.load;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the loader read, for the user and for the rejects file.
 *
 * @param file the file as given
 * @param delimiter the field delimiter used (given or detected)
 * @param rowsRead data rows read (the header and blank lines not counted)
 * @param rowsRejected data rows left out of the dataset; {@code rowsRead - rowsRejected} rows remain
 * @param columns one report per loaded column (features, ids and the target), in file order;
 *     excluded columns have none
 * @param header every header name in file order (after BOM removal and naming of empty names),
 *     which is also the order of {@link RejectedRow#fields()}
 */
public record LoadReport(String file, char delimiter, long rowsRead, long rowsRejected, List<ColumnReport> columns,
        List<String> header) {
    /** Validates the report and copies the lists. */
    public LoadReport {
        Objects.requireNonNull(file, "file");
        if (rowsRejected < 0 || rowsRejected > rowsRead) {
            throw new IllegalArgumentException("rowsRejected " + rowsRejected + " outside 0.." + rowsRead);
        }
        columns = List.copyOf(columns);
        header = List.copyOf(header);
    }

    /** @return the report of the column with this name, if it was loaded */
    public Optional<ColumnReport> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
