package dev.scorecard.bench;

import dev.scorecard.core.binning.BinsSpec;
import dev.scorecard.train.config.ScorecardConfig;
import dev.scorecard.train.load.CsvLoadOptions;
import dev.scorecard.train.load.CsvLoader;
import dev.scorecard.train.load.LoadResult;
import dev.scorecard.train.binning.BinningProcess;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Cold, single-shot timing of what {@code scorecard bin} does, split into load and binning, in a
 * fresh JVM: {@code java -Xmx1g -cp scorecard-bench/target/benchmarks.jar dev.scorecard.bench.BinEndToEnd FILE TARGET [RUNS]}.
 * The first run includes JIT warm-up, as a user's single run does; later runs show the warm figure.
 */
public final class BinEndToEnd {
    private BinEndToEnd() {
    }

    /** @param args file, target column, optional number of runs (default 3) */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String target = args[1];
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            LoadResult loaded = CsvLoader.load(file, CsvLoadOptions.defaults(target));
            long t1 = System.nanoTime();
            int binned = new BinningProcess(ScorecardConfig.empty(), new BinsSpec(Map.of()), threads)
                    .fit(loaded.dataset(), "none", done -> { }).size();
            long t2 = System.nanoTime();
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "run %d: %d rows x %d variables: load %.2f s + bin %.2f s = %.2f s (%d threads, heap used %d MB of max %d MB)%n",
                    run, loaded.dataset().rowCount(), binned, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, threads,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        }
    }
}
