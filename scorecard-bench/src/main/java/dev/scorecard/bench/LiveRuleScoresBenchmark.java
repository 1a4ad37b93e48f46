package dev.scorecard.bench;

import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.rules.LiveRuleScores;
import dev.scorecard.crm.synth.CrmGenerator;
import dev.scorecard.crm.synth.CrmGeneratorOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live rule score on one thread: {@link LiveRuleScores#accept} over the events of a generated
 * CRM dataset ({@value #LEADS} leads, the generator's default of 20 event lines each, read once into
 * memory, in file order: unsorted), then {@link LiveRuleScores#score} of every lead as of the end.
 * Rules: {@code examples/crm/live-rules.yaml}. Time per invocation; the events and leads fed are
 * printed at set-up, so events/s = events / time. Run from the repository's root (or give
 * {@code -Dscorecard.repo=DIR}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LiveRuleScoresBenchmark {
    static final int LEADS = 100_000;

    Path dir;
    String[] leadIds;
    String[] types;
    long[] times;
    double[] values;
    int size;
    long asOf;
    LiveRuleScores live;
    Path rules;
    String[] allLeads;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("live-bench-");
        new CrmGenerator(CrmGeneratorOptions.of(LEADS).withSeed(11)).generate(dir, (p, d, t) -> { });
        rules = Path.of(System.getProperty("scorecard.repo", "."), "examples/crm/live-rules.yaml");
        List<String> ids = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("leads.csv"), StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                ids.add(line.substring(0, line.indexOf(',')));
            }
        }
        java.util.Set<String> known = new java.util.HashSet<>(ids);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("events.csv"), StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                if (f.length == 5 && known.contains(f[0]) && f[2].length() >= 19) {
                    rows.add(f);
                }
            }
        }
        size = rows.size();
        leadIds = new String[size];
        types = new String[size];
        times = new long[size];
        values = new double[size];
        for (int i = 0; i < size; i++) {
            String[] f = rows.get(i);
            leadIds[i] = f[0];
            types[i] = f[1];
            long t;
            try {
                t = OffsetDateTime.parse(f[2]).toInstant().toEpochMilli();
            } catch (RuntimeException e) {
                t = 0; // a malformed time: not fed
            }
            double v;
            try {
                v = f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]);
            } catch (NumberFormatException e) {
                t = 0; // one of the export's malformed lines: not fed
                v = Double.NaN;
            }
            times[i] = t;
            values[i] = v;
            asOf = Math.max(asOf, t);
        }
        allLeads = ids.toArray(new String[0]);
        System.out.println("live rule scores: " + size + " events, " + allLeads.length + " leads");
    }

    @Setup(Level.Invocation)
    public void open() {
        live = LiveRuleScores.open(rules, dir.resolve("leads.csv"), Optional.empty(), InputFormat.DEFAULT);
    }

    /** Feeds every event. */
    @Benchmark
    public long acceptAll() {
        long n = 0;
        for (int i = 0; i < size; i++) {
            if (times[i] != 0 && live.accept(leadIds[i], types[i], times[i], values[i], Map.of())) {
                n++;
            }
        }
        return n;
    }

    /** Feeds every event, then scores every lead as of the last event's instant. */
    @Benchmark
    public long acceptAllThenScoreAll() {
        long sum = acceptAll();
        for (String id : allLeads) {
            sum += live.score(id, asOf).map(LiveRuleScores.Score::cents).orElse(0L);
        }
        return sum;
    }
}
