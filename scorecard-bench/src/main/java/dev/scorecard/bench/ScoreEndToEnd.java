package dev.scorecard.bench;

import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.train.load.CsvRows;
import dev.scorecard.train.pipeline.ScoreWorkflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SPEC §12's "CLI score within 1.5× the time to merely parse the file", as a ratio from one JVM:
 * the baseline streams every row of the file through {@link CsvRows} (the scorer's own reader) and
 * touches every field; then the same file is scored. Each is run {@code RUNS} times, alternating.
 * {@code java -Xmx256m -cp scorecard-bench/target/benchmarks.jar dev.scorecard.bench.ScoreEndToEnd MODEL FILE [RUNS]}
 */
public final class ScoreEndToEnd {
    private ScoreEndToEnd() {
    }

    /** @param args model file, data file, optional number of runs (default 3) */
    public static void main(String[] args) throws IOException {
        Path model = Path.of(args[0]);
        Path data = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path out = Files.createTempFile("scored", ".csv");
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            long rows = 0;
            long chars = 0;
            try (CsvRows r = CsvRows.open(data, Optional.empty(), StandardCharsets.UTF_8)) {
                while (r.next()) {
                    rows++;
                    for (int i = 0; i < r.fieldCount(); i++) {
                        chars += r.field(i).length();
                    }
                }
            }
            long t1 = System.nanoTime();
            ScoreWorkflow.Outcome o = ScoreWorkflow.run(new ScoreWorkflow.Request(model, data, out, List.of(), List.of(), 4,
                    ReasonBaseline.MAX, ScoreWorkflow.Format.CSV, false, false, Optional.empty(), 0.01, false, Optional.empty(),
                    StandardCharsets.UTF_8), n -> { });
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d: parse %d rows (%d chars) %.2f s; score %d rows %.2f s; ratio %.2f%n", run,
                    rows, chars, (t1 - t0) / 1e9, o.scored(), (t2 - t1) / 1e9, (double) (t2 - t1) / (t1 - t0));
        }
        Files.deleteIfExists(out);
    }
}
