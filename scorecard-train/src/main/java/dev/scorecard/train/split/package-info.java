/**
 * Dividing a dataset's rows into train and test (SPEC §4): a {@link dev.scorecard.train.split.Split}
 * holds the row indices of each part, made by
 * {@link dev.scorecard.train.split.StratifiedSplitter} ({@code --split 0.7 --seed 42}) or
 * {@link dev.scorecard.train.split.TimeSplitter} ({@code --time-column COL --oot-from DATE}), and
 * picks the parts out of the dataset with {@code trainOf}/{@code testOf}.
 *
 * <h2>A separate test file ({@code --test FILE})</h2>
 * Nothing here handles it: it is a loader concern. The command line loads the training file first,
 * then loads the test file with {@code CsvLoadOptions.withTypes} set to the type of every feature
 * column as loaded from the training file (its {@code LoadReport}), and the same target, event value,
 * missing tokens, excluded and id columns. Forcing the types keeps a column that is numeric in training from
 * being inferred categorical from a few odd test values (or the reverse), which would make the test
 * rows unscorable; a test value that does not fit the forced type is then reported as bad input at
 * its line and column rather than silently changing the column.
 *
 * <h2>Decisions where the spec is silent</h2>
 * <ul>
 *   <li>The stratified split puts exactly {@code Math.round(trainShare × count)} events, and as many
 *       non-events by the same rule, in train; the algorithm and its generator (SplitMix64, written
 *       out here rather than taken from the JDK) are fixed so a seed gives the same split on every
 *       JDK; a golden test guards them.
 *   <li>A split that leaves train or test without rows is an error; one that leaves a part with a
 *       single class (a tiny event count) is not, and shows up when that part is evaluated.
 *   <li>Out-of-time: ISO-8601 date, date-time and year-month texts may be mixed; each stands for its
 *       first instant. A row without a time is an error, not a silent train row.
 * </ul>
 */
package dev.scorecard.train.split;
