/**
 * Loading CSV files into typed columns: {@link dev.scorecard.train.load.CsvLoader} reads a file as
 * {@link dev.scorecard.train.load.CsvLoadOptions} say and returns a
 * {@link dev.scorecard.train.load.LoadResult}: the {@code Dataset}, a
 * {@link dev.scorecard.train.load.LoadReport} with per-column types, missing-token counts and the
 * {@link dev.scorecard.train.load.NonNumericCells} that decided a type, and the
 * {@link dev.scorecard.train.load.RejectedRow}s left out (SPEC §2, §13).
 *
 * <h2>Decisions where the spec is silent</h2>
 * <ul>
 *   <li>Blank lines (nothing between two line breaks) are skipped, also in a one-column file; they
 *       still count for line numbers, which are physical 1-based lines where a record starts.
 *   <li>Missing tokens are compared with the cell's value after CSV unquoting, so {@code "NA"} is as
 *       missing as {@code NA}. A custom token list replaces the defaults (add {@code ""} to keep
 *       empty cells missing).
 *   <li>Header names are kept as written (no trimming); only a BOM is removed from the first.
 *   <li>{@link dev.scorecard.train.load.CsvDialect} covers files that need help: no header (the
 *       first line is data, the columns named by {@code names}), and {@code trim}, which removes the
 *       spaces and tabs around unquoted fields and header names before types, missing tokens and
 *       levels are looked at (quoted fields keep theirs). Without {@code trim}, an inferred
 *       categorical column whose every value is a number once trimmed is reported in
 *       {@code LoadReport.warnings()}, naming the file, the column and an example with its line.
 *   <li>Numbers are plain decimals only ({@code StrictNumberParser}); underflow rounds to zero,
 *       overflow is not a number; {@code -0} stays {@code -0.0}.
 *   <li>Target values are compared as raw text ({@code 1.0} is not {@code 1}). With
 *       {@code positive} and more than one other value, the most frequent other value is the
 *       non-event and rows with any further value are rejected.
 *   <li>Missing-token counts cover every data row read, rejected rows included; categorical levels
 *       are in order of first appearance among the rows kept.
 *   <li>SPEC §2 makes a column numeric "when every non-missing value parses as a number"; one typo
 *       then silently turned a numeric variable into levels. A column is numeric when at most
 *       {@code min(max(5, floor(n / 1000)), floor(n / 10))} of its {@code n} non-missing cells are
 *       not numbers, counted over every row read; the rows of those cells are rejected
 *       ({@code column 'age': value 'abc' is not a number}, the reason {@code score} gives), and
 *       a forced numeric column rejects every such row. A row with several problems is rejected
 *       once: bytes first, then the first such cell in column order, then the target.
 *   <li>The file is read again when a column inferred numeric from the first 1000 rows turns out
 *       to hold more text later than it may, and when rows are rejected (to give their text without
 *       keeping every row's text in memory); the input must therefore be a regular file. Gzip is
 *       decompressed on a second thread.
 *   <li>Files are UTF-8 unless {@code CsvLoadOptions.encoding()} says otherwise; a UTF-8 or UTF-16
 *       byte order mark wins over it. A data row holding bytes that are not text in the encoding
 *       (in any column) is rejected with the column and the byte offset in the (gunzipped) file;
 *       in the rejects file each such byte is U+FFFD ({@code DecodingReader}).
 *   <li>A gzip file may hold several members one after the other; all are read, and anything after
 *       the last member that is not a valid member is an error ({@code GzipMembers}).
 * </ul>
 *
 * <p>Everything but the public types is package-private: the strict number parser, the delimiter
 * detector, the dictionary encoder and the passes over the file.
 */
package dev.scorecard.train.load;
