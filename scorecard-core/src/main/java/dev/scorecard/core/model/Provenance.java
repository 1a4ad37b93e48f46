package dev.scorecard.core.model;

import java.util.Objects;

/**
 * Where a model comes from, so that it can be rebuilt and audited. No timestamps: the same data,
 * config and seed give a byte-identical model file.
 *
 * @param dataFile the training file name as given
 * @param dataSha256 SHA-256 of the training file's bytes
 * @param rowsRead data rows read
 * @param rowsRejected rows left out (bad target)
 * @param trainRows rows the model was fitted on
 * @param testRows rows held out
 * @param split how the rows were split, e.g. {@code random 0.7 stratified}
 * @param seed the random seed
 * @param config the effective configuration, as canonical JSON text
 */
public record Provenance(String dataFile, String dataSha256, long rowsRead, long rowsRejected, long trainRows,
        long testRows, String split, long seed, String config) {
    /** Checks the text fields are present. */
    public Provenance {
        Objects.requireNonNull(dataFile, "dataFile");
        Objects.requireNonNull(dataSha256, "dataSha256");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(config, "config");
    }
}
