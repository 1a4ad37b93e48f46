package dev.scorecard.bench;

import dev.scorecard.core.binning.BinningOptions;
import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.core.binning.Binning;
import dev.scorecard.core.binning.CategoricalBinner;
import dev.scorecard.core.binning.NumericBinner;
import dev.scorecard.core.data.CategoricalColumn;
import dev.scorecard.core.data.Dataset;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.load.CsvLoader;
import dev.scorecard.train.binning.BinningProcess;
import dev.scorecard.train.binning.VariableResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The binning kernel on the synthetic lead data, columns already in memory: one numeric column
 * (sort, pre-bin, exact merge under AUTO, i.e. four trends), one categorical column, and all 35
 * variables through {@link BinningProcess} on 1 and 2 threads. CSV loading is measured apart, in
 * {@link CsvLoadBenchmark}, so that the end-to-end figure can be split.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BinningBenchmark {
    @Param("1000000")
    long rows;

    @Param({"1", "2"})
    int threads;

    Dataset data;
    NumericColumn numeric;
    CategoricalColumn categorical;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path file = BenchData.fromSystemProperties().syntheticLeads(rows, 42);
        data = CsvLoader.load(file, CsvLoadOptions.defaults("target")).dataset();
        numeric = (NumericColumn) data.feature("x01").orElseThrow();
        categorical = (CategoricalColumn) data.feature("c4").orElseThrow();
    }

    @Benchmark
    public List<VariableResult> allVariables() {
        return new BinningProcess(ScorecardConfig.empty(), new BinsSpec(Map.of()), threads)
                .fit(data, "none", done -> { });
    }

    @Benchmark
    public Binning oneNumericColumn() {
        return new NumericBinner(BinningOptions.defaults()).fit(numeric, data.target(), List.of());
    }

    @Benchmark
    public Binning oneCategoricalColumn() {
        return new CategoricalBinner(BinningOptions.defaults()).fit(categorical, data.target());
    }
}
