package dev.scorecard.bench;

import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.rules.RulesWorkflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 14's "rules on 1M leads × 20M events in at most 60 s with -Xmx2g": the whole rules run (read,
 * score, write) with the given rules file, as often as asked, with the peak heap after the runs.
 * {@code java -Xmx2g -cp "scorecard-bench/target/benchmarks.jar:scorecard-cli/target/lib/*"
 * dev.scorecard.bench.RulesEndToEnd LEADS EVENTS RULES AS_OF [RUNS]}
 */
public final class RulesEndToEnd {
    private RulesEndToEnd() {
    }

    /** @param args leads file, events file, rules file, as-of, optional number of runs (default 3) */
    public static void main(String[] args) throws IOException {
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Path dir = Files.createTempDirectory("rules-bench");
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            RulesWorkflow.Outcome o = RulesWorkflow.run(new RulesWorkflow.Request(Path.of(args[0]), Path.of(args[1]),
                    Path.of(args[2]), Optional.empty(), args[3], dir, InputFormat.DEFAULT, false, Optional.empty(), List.of(),
                    Optional.empty(), Optional.empty(), Optional.empty(), 0.01), n -> { });
            System.out.printf(Locale.ROOT, "run %d: %d leads scored from %d events used in %.2f s%n", run, o.scored(),
                    o.events().used(), (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "peak heap %d MB (sum of the pools' peaks)%n", FeaturesEndToEnd.peakHeap() >> 20);
        FeaturesEndToEnd.delete(dir);
    }
}
