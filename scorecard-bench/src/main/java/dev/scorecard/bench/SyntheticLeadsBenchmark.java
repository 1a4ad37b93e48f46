package dev.scorecard.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The synthetic generator's own speed, into a discarding stream (no disk): tells how much of the time
 * to write a benchmark file is generation and formatting. Also proves the JMH build works end to end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SyntheticLeadsBenchmark {
    @Param("100000")
    long rows;

    @Param("1")
    int threads;

    @Benchmark
    public SyntheticLeads.Summary generate() throws IOException {
        return SyntheticLeads.write(new SyntheticLeads.Options(rows, 42, threads), OutputStream.nullOutputStream());
    }
}
