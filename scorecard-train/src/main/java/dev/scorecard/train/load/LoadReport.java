package dev.scorecard.train.load;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the loader read, for the user and for the rejects file.
 *
 * @param file the file as given
 * @param delimiter the field delimiter used (given or detected)
 * @param encoding the encoding the file was read in: the one asked for, or its byte order mark's
 * @param rowsRead data rows read (the header and blank lines not counted)
 * @param rowsRejected data rows left out of the dataset; {@code rowsRead - rowsRejected} rows remain
 * @param rowsUndecodable how many of the rejected rows held bytes that are not text in the encoding
 * @param columns one report per loaded column (features, ids and the target), in file order;
 *     excluded columns have none
 * @param header every header name in file order (after BOM removal and naming of empty names),
 *     which is also the order of {@link RejectedRow#fields()}; without a header, the names given
 * @param warnings what the user should know about how the file was read, each naming the file and the
 *     column, e.g. a column of numbers padded with spaces loaded as categorical (suggesting {@code --trim})
 */
public record LoadReport(String file, char delimiter, Charset encoding, long rowsRead, long rowsRejected,
        long rowsUndecodable, List<ColumnReport> columns, List<String> header, List<String> warnings) {
    /** Validates the report and copies the lists. */
    public LoadReport {
        Objects.requireNonNull(file, "file");
        if (rowsRejected < 0 || rowsRejected > rowsRead) {
            throw new IllegalArgumentException("rowsRejected " + rowsRejected + " outside 0.." + rowsRead);
        }
        Objects.requireNonNull(encoding, "encoding");
        if (rowsUndecodable < 0 || rowsUndecodable > rowsRejected) {
            throw new IllegalArgumentException("rowsUndecodable " + rowsUndecodable + " outside 0.." + rowsRejected);
        }
        columns = List.copyOf(columns);
        header = List.copyOf(header);
        warnings = List.copyOf(warnings);
    }

    /** A report without warnings. */
    public LoadReport(String file, char delimiter, Charset encoding, long rowsRead, long rowsRejected,
            long rowsUndecodable, List<ColumnReport> columns, List<String> header) {
        this(file, delimiter, encoding, rowsRead, rowsRejected, rowsUndecodable, columns, header, List.of());
    }

    /** @return the report of the column with this name, if it was loaded */
    public Optional<ColumnReport> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
