package dev.scorecard.train.trainer;

import dev.scorecard.core.data.Dataset;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the training rows came from, for the model's provenance: a file name and the SHA-256 of its
 * bytes, or a name and a digest of the columns for data built in memory.
 *
 * @param dataFile the data's name, e.g. the file name as given
 * @param dataSha256 SHA-256 of the data, lower-case hex
 * @param rowsRead data rows read
 * @param rowsRejected rows read but left out (e.g. a bad target)
 */
public record DataSource(String dataFile, String dataSha256, long rowsRead, long rowsRejected) {
    /** Checks the fields. */
    public DataSource {
        Objects.requireNonNull(dataFile, "dataFile");
        Objects.requireNonNull(dataSha256, "dataSha256");
        if (rowsRead < 0 || rowsRejected < 0 || rowsRejected > rowsRead) {
            throw new IllegalArgumentException("rows: " + rowsRejected + " rejected of " + rowsRead
                    + " read is impossible");
        }
    }

    /**
     * @param name what to call the data in the model's provenance (and the model, unless the config
     *     names it)
     * @param data the rows
     * @return a source whose digest is {@link DatasetDigest#sha256(Dataset)} and whose rows were all used
     */
    public static DataSource inMemory(String name, Dataset data) {
        return new DataSource(name, DatasetDigest.sha256(data), data.rowCount(), 0);
    }

    /** @return the data's name without {@code .csv.gz}, {@code .gz} or {@code .csv} */
    String baseName() {
        for (String ext : new String[] {".csv.gz", ".gz", ".csv"}) {
            if (dataFile.toLowerCase(Locale.ROOT).endsWith(ext)) {
                return dataFile.substring(0, dataFile.length() - ext.length());
            }
        }
        return dataFile;
    }
}
