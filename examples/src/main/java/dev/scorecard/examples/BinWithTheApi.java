package dev.scorecard.examples;

import dev.scorecard.core.binning.Bin;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.binning.Monotonic;
import dev.scorecard.core.binning.NumericBinner;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.load.CsvLoader;
import dev.scorecard.train.binning.BinningProcess;
import dev.scorecard.train.binning.VariableResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binning from Java instead of the command line: load a CSV into typed columns, bin one variable
 * with chosen options, then bin every variable as {@code scorecard bin} does.
 *
 * <p>Run from the repository root:
 * {@code java -cp "examples/target/classes:scorecard-cli/target/lib/*" dev.scorecard.examples.BinWithTheApi}
 */
public final class BinWithTheApi {
    private BinWithTheApi() {
    }

    /** @param args optional path to germancredit.csv */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "datasets/germancredit/germancredit.csv");
        System.out.print(run(file));
    }

    /** @return the report the example prints */
    public static String run(Path file) {
        StringBuilder out = new StringBuilder();
        // 1. Load: types are inferred, the event is 'bad' (SPEC §2 would infer it too).
        Dataset data = CsvLoader.load(file, CsvLoadOptions.defaults("creditability").withPositive("bad")).dataset();

        // 2. One variable: event rate falling with age, at most 5 bins.
        NumericColumn age = (NumericColumn) data.feature("age_in_years").orElseThrow();
        BinningOptions options = BinningOptions.defaults().withMonotonic(Monotonic.DESCENDING).withMaxBins(5);
        Binning ageBins = new NumericBinner(options).fit(age, data.target(), List.of());
        out.append(String.format(Locale.ROOT, "age_in_years: IV %.4f, trend %s%n", ageBins.iv(),
                ageBins.trend().configName()));
        for (Bin b : ageBins.bins()) {
            out.append(String.format(Locale.ROOT, "  %-14s %5d rows  event rate %.3f  WOE %+.4f%n", b.label(),
                    b.count(), b.eventRate(), b.woe()));
        }
        // Scoring-time lookup: which bin does a 41-year-old fall in?
        out.append("  age 41 falls in ").append(ageBins.bins().get(ageBins.binOf(41)).label()).append('\n');

        // 3. Every variable, in parallel, with the defaults.
        List<VariableResult> all = new BinningProcess(ScorecardConfig.empty(), new BinsSpec(Map.of()), 2)
                .fit(data, "no bins file", done -> { });
        long strong = all.stream().filter(r -> r.iv() >= 0.1).count();
        out.append(String.format(Locale.ROOT, "%d variables binned, %d with IV >= 0.1%n", all.size(), strong));
        return out.toString();
    }
}
