package dev.scorecard.bench;

import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.features.FeaturesWorkflow;
import dev.scorecard.train.load.CsvRows;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 13's "features over 1M leads × 20M events with 30 features in at most 30 s with -Xmx2g",
 * beside a baseline from the same JVM: streaming every line of the events file through the
 * project's CSV reader and touching every field. Prints the wall time of each and the peak heap
 * after the runs.
 * {@code java -Xmx2g -cp "scorecard-bench/target/benchmarks.jar:scorecard-cli/target/lib/*"
 * dev.scorecard.bench.FeaturesEndToEnd LEADS EVENTS SPEC AS_OF [RUNS]}
 */
public final class FeaturesEndToEnd {
    private FeaturesEndToEnd() {
    }

    /** @param args leads file, events file, spec, as-of, optional number of runs (default 3) */
    public static void main(String[] args) throws IOException {
        Path leads = Path.of(args[0]);
        Path events = Path.of(args[1]);
        Path spec = Path.of(args[2]);
        String asOf = args[3];
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Path dir = Files.createTempDirectory("features-bench");
        Path out = dir.resolve("features.csv");
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            long lines = 0;
            long chars = 0;
            try (CsvRows r = CsvRows.open(events, Optional.empty(), StandardCharsets.UTF_8)) {
                while (r.next()) {
                    lines++;
                    for (int i = 0; i < r.fieldCount(); i++) {
                        chars += r.field(i).length();
                    }
                }
            }
            long t1 = System.nanoTime();
            FeaturesWorkflow.Outcome o = FeaturesWorkflow.run(new FeaturesWorkflow.Request(leads, events, spec, asOf, out,
                    InputFormat.DEFAULT, false, Optional.empty(), Optional.empty(), Optional.empty(), 0.01), n -> { });
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d: parse %d lines (%d chars) %.2f s; features %d rows x %d events used %.2f s;"
                    + " ratio %.2f%n", run, lines, chars, (t1 - t0) / 1e9, o.rows(), o.events().used(), (t2 - t1) / 1e9,
                    (double) (t2 - t1) / (t1 - t0));
        }
        System.out.printf(Locale.ROOT, "peak heap %d MB (sum of the pools' peaks)%n", peakHeap() >> 20);
        delete(dir);
    }

    /** @return the sum of the heap pools' peak use, in bytes */
    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Deletes a folder and everything under it. */
    static void delete(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
