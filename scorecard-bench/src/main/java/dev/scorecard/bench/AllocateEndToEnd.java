package dev.scorecard.bench;

import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.routing.AllocateWorkflow;
import dev.scorecard.crm.routing.AllocationOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Issue 16's "handles 100k leads × 500 agents in ≤ 10 s": the whole {@code allocate} run (read the
 * leads, agents and history, estimate the rates, solve exactly, write the outputs) on seeded files of
 * that size: 10 teams, a skill asked by 10 % of the leads and held by a fifth of the agents, a
 * language asked by 10 % and spoken by a third, capacities 150-250 (total about 100k), 200k history
 * rows, a 5 % top-grade floor.
 * {@code java -Xmx2g -cp "scorecard-bench/target/benchmarks.jar:scorecard-cli/target/lib/*"
 * dev.scorecard.bench.AllocateEndToEnd [LEADS] [AGENTS] [RUNS]}
 */
public final class AllocateEndToEnd {
    private static final String[] GRADES = {"A", "B", "C", "D"};

    private AllocateEndToEnd() {
    }

    /** @param args optional leads (default 100000), agents (default 500), runs (default 3) */
    public static void main(String[] args) throws IOException {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("allocate-bench");
        SplittableRandom rnd = new SplittableRandom(16);
        Path agentsFile = dir.resolve("agents.csv");
        double[] skill = new double[agents];
        try (BufferedWriter w = Files.newBufferedWriter(agentsFile, StandardCharsets.UTF_8)) {
            w.write("agent_id,capacity,team,skills,languages\n");
            for (int a = 0; a < agents; a++) {
                skill[a] = 0.6 + 0.8 * rnd.nextDouble();
                w.write(String.format(Locale.ROOT, "ag%04d,%d,t%d,%s,%s%n", a, (150 + rnd.nextInt(101)) * leads / 100_000,
                        a % 10, rnd.nextInt(5) == 0 ? "visa" : "", rnd.nextInt(3) == 0 ? "en;zh" : "en"));
            }
        }
        Path leadsFile = dir.resolve("leads.csv");
        try (BufferedWriter w = Files.newBufferedWriter(leadsFile, StandardCharsets.UTF_8)) {
            w.write("lead_id,grade,score100,skill,language\n");
            for (int i = 0; i < leads; i++) {
                int g = grade(rnd);
                double score = (3 - g) * 25 + rnd.nextInt(250) / 10.0;
                w.write(String.format(Locale.ROOT, "L%07d,%s,%.1f,%s,%s%n", i, GRADES[g], score,
                        rnd.nextInt(10) == 0 ? "visa" : "", rnd.nextInt(10) == 0 ? "zh" : ""));
            }
        }
        Path historyFile = dir.resolve("history.csv");
        double[] base = {0.30, 0.12, 0.05, 0.015};
        try (BufferedWriter w = Files.newBufferedWriter(historyFile, StandardCharsets.UTF_8)) {
            w.write("agent_id,grade,converted\n");
            for (int r = 0; r < 2 * leads; r++) {
                int a = rnd.nextInt(agents);
                int g = grade(rnd);
                w.write(String.format(Locale.ROOT, "ag%04d,%s,%d%n", a, GRADES[g],
                        rnd.nextDouble() < Math.min(1, base[g] * skill[a]) ? 1 : 0));
            }
        }
        AllocationOptions options = new AllocationOptions(List.of(GRADES), 20, 0.05);
        for (int run = 1; run <= runs; run++) {
            Path out = dir.resolve("out" + run);
            long t0 = System.nanoTime();
            AllocateWorkflow.Outcome o = AllocateWorkflow.run(new AllocateWorkflow.Request(leadsFile, agentsFile,
                    Optional.of(historyFile), out, options, InputFormat.DEFAULT, 0.01));
            System.out.printf(Locale.ROOT, "run %d: %d leads to %d agents (%d assigned, %d unassigned) in %.2f s;"
                    + " expected %.1f (without the floor %.1f), greedy %.1f, round robin %.1f%n", run, o.leadsRead(),
                    o.agents(), o.assigned(), o.unassigned(), (System.nanoTime() - t0) / 1e9, o.expected(),
                    o.expectedWithoutFloor(), o.expectedGreedy(),
                    o.expectedRoundRobin());
        }
        System.out.printf(Locale.ROOT, "peak heap %d MB (sum of the pools' peaks)%n", FeaturesEndToEnd.peakHeap() >> 20);
        FeaturesEndToEnd.delete(dir);
    }

    /** A grade with shares 5, 15, 30, 50 %. */
    private static int grade(SplittableRandom rnd) {
        int u = rnd.nextInt(100);
        return u < 5 ? 0 : u < 20 ? 1 : u < 50 ? 2 : 3;
    }
}
