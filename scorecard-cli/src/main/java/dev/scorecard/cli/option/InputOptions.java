package dev.scorecard.cli.option;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How to read a data file: the options every command that loads a CSV shares. */
public final class InputOptions {
    /** The CSV file. */
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file with a header row (.csv or .csv.gz); see --no-header.")
    public Path data;

    /** The target column, overriding the config. */
    @Option(names = "--target", paramLabel = "COL", description = "The binary target column.")
    public String target;

    /** The event value. */
    @Option(names = "--positive", paramLabel = "VALUE",
            description = "The target value that marks the event. Default: 1, yes, true or bad when the column holds exactly two values.")
    public String positive;

    /** The config file. */
    @Option(names = "--config", paramLabel = "FILE.yaml", description = "Config file; options given here override it.")
    public Path config;

    /** Field delimiter. */
    @Option(names = "--delimiter", paramLabel = "CHAR", description = "Field delimiter (',', ';', '\\t' or '|'). Default: detected.")
    public String delimiter;

    /** The input's encoding, overriding the config. */
    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Encoding of the data when it has no byte order mark, e.g. GB18030, windows-1252 (default UTF-8).")
    public String encoding;

    /** No header, names, trimming. */
    @Mixin
    public DialectOptions dialect;

    /** Missing tokens. */
    @Option(names = "--missing-values", split = ",", paramLabel = "TOKEN",
            description = "Cell texts that mean missing, replacing the defaults (empty, NA, N/A, null, NULL, NaN, nan).")
    public List<String> missingValues;

    /** Columns never used as features. */
    @Option(names = "--exclude", split = ",", paramLabel = "COL", description = "Columns that are never features.")
    public List<String> exclude;

    /** Identifier columns. */
    @Option(names = "--id", split = ",", paramLabel = "COL", description = "Identifier columns: kept in outputs, never features.")
    public List<String> id;

    /** Where rejected rows go. */
    @Option(names = "--rejects", paramLabel = "FILE", description = {"Where rejected rows go, with line and reason: a missing or"
            + " unexpected target, text in a numeric column (a column stays numeric with at most 5, or 0.1 %%, such cells;"
            + " force a type with types: in the config), bytes not in the encoding. Default: OUT/rejects.csv."})
    public Path rejects;

    /** Reject threshold. */
    @Option(names = "--max-reject-share", paramLabel = "SHARE", defaultValue = "0.01",
            description = "Fail when more than this share of rows is rejected (default ${DEFAULT-VALUE}).")
    public double maxRejectShare;
}
