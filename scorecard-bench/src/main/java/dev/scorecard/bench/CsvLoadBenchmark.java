package dev.scorecard.bench;

import dev.scorecard.train.load.CsvDialect;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.load.CsvLoader;
import dev.scorecard.train.load.LoadResult;
import java.io.IOException;
import java.nio.file.Path;
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

/** Loading the synthetic CSV into typed columns (file in the page cache after the first iteration). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class CsvLoadBenchmark {
    @Param("1000000")
    long rows;

    /** {@code --trim} on or off: the default (off) must cost nothing, on a file without padding it should cost little. */
    @Param({"false", "true"})
    boolean trim;

    Path file;
    CsvLoadOptions options;

    @Setup(Level.Trial)
    public void file() throws IOException {
        file = BenchData.fromSystemProperties().syntheticLeads(rows, 42);
        options = CsvLoadOptions.defaults("target").withDialect(CsvDialect.DEFAULT.withTrim(trim));
    }

    @Benchmark
    public LoadResult load() {
        return CsvLoader.load(file, options);
    }
}
