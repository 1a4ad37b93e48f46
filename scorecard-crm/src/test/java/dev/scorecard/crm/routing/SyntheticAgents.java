package dev.scorecard.crm.routing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A call centre with known agent skill: per agent a true multiplier on the grades' base conversion
 * rates and a kind. Skilled agents convert 1.6 times the base, weak ones 0.5 times; lucky agents are
 * average (1.0) but are handed mostly top-grade leads, so their raw conversion rate is the highest
 * while their leads explain it. Writes {@code agents.csv} (agent_id, capacity, team) and
 * {@code outcomes.csv} (lead_id, agent_id, grade, assigned_at, contacted, converted) over six months.
 */
final class SyntheticAgents {
    static final String[] GRADES = {"A", "B", "C", "D"};
    static final double[] BASE = {0.30, 0.12, 0.05, 0.015};
    private static final double[] MIX = {0.10, 0.20, 0.30, 0.40};
    private static final double[] LUCKY_MIX = {0.40, 0.30, 0.20, 0.10};
    static final String SKILLED = "skilled";
    static final String WEAK = "weak";
    static final String LUCKY = "lucky";
    static final String AVERAGE = "average";

    /** Per agent id its kind and multiplier, in the agents file's order. */
    final Map<String, String> kind = new LinkedHashMap<>();
    final Map<String, Double> multiplier = new LinkedHashMap<>();
    final Path agentsFile;
    final Path outcomesFile;

    private SyntheticAgents(Path agentsFile, Path outcomesFile) {
        this.agentsFile = agentsFile;
        this.outcomesFile = outcomesFile;
    }

    /**
     * @param dir where the files go
     * @param seed the seed
     * @param agents how many agents: 6 skilled, 6 weak, 6 lucky, the rest average (at least 18)
     * @param leadsPerAgent the mean number of leads per agent (each between 0.8 and 1.2 times it)
     */
    static SyntheticAgents write(Path dir, long seed, int agents, int leadsPerAgent) throws IOException {
        SyntheticAgents world = new SyntheticAgents(dir.resolve("agents.csv"), dir.resolve("outcomes.csv"));
        List<String> kinds = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            kinds.add(a < 6 ? SKILLED : a < 12 ? WEAK : a < 18 ? LUCKY : AVERAGE);
        }
        Collections.shuffle(kinds, new Random(seed));
        SplittableRandom rnd = new SplittableRandom(seed);
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(world.agentsFile, StandardCharsets.UTF_8)) {
            w.write("agent_id,capacity,team\n");
            for (int a = 0; a < agents; a++) {
                String id = String.format(java.util.Locale.ROOT, "ag%02d", a);
                String k = kinds.get(a);
                world.kind.put(id, k);
                world.multiplier.put(id, k.equals(SKILLED) ? 1.6 : k.equals(WEAK) ? 0.5 : 1.0);
                w.write(id + "," + (50 + rnd.nextInt(51)) + ",t" + (a % 4) + "\n");
            }
        }
        long start = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
        long span = 183L * 86_400_000L;
        int lead = 0;
        try (BufferedWriter w = Files.newBufferedWriter(world.outcomesFile, StandardCharsets.UTF_8)) {
            w.write("lead_id,agent_id,grade,assigned_at,contacted,converted\n");
            for (Map.Entry<String, String> agent : world.kind.entrySet()) {
                double[] mix = agent.getValue().equals(LUCKY) ? LUCKY_MIX : MIX;
                double m = world.multiplier.get(agent.getKey());
                int n = (int) Math.round(leadsPerAgent * (0.8 + 0.4 * rnd.nextDouble()));
                for (int i = 0; i < n; i++) {
                    int g = draw(rnd, mix);
                    boolean converted = rnd.nextDouble() < Math.min(0.95, BASE[g] * m);
                    boolean contacted = converted || rnd.nextDouble() < 0.6;
                    w.write(String.format(java.util.Locale.ROOT, "L%07d,%s,%s,%s,%d,%d%n", lead++, agent.getKey(), GRADES[g],
                            Instant.ofEpochMilli(start + (long) (rnd.nextDouble() * span)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), contacted ? 1 : 0,
                            converted ? 1 : 0));
                }
            }
        }
        return world;
    }

    private static int draw(SplittableRandom rnd, double[] mix) {
        double u = rnd.nextDouble();
        for (int g = 0; g < mix.length - 1; g++) {
            u -= mix[g];
            if (u < 0) {
                return g;
            }
        }
        return mix.length - 1;
    }
}
