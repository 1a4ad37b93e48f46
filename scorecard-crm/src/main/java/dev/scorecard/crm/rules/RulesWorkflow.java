package dev.scorecard.crm.rules;

import dev.scorecard.core.InputDataException;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventCodes;
import dev.scorecard.crm.events.EventCounts;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.EventSink;
import dev.scorecard.crm.events.EventTable;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.events.LogState;
import dev.scorecard.crm.features.FeaturesWorkflow;
import dev.scorecard.crm.features.LeadFeatures;
import dev.scorecard.crm.features.RunInputs;
import dev.scorecard.crm.spec.GradesCsv;
import dev.scorecard.train.io.CsvByteWriter;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import dev.scorecard.train.load.CsvRows;
import dev.scorecard.train.pipeline.RejectsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * {@code scorecard rules}: every lead's rule score as of an instant, from the leads, the event log, a
 * rules YAML and optionally the channel table, written with its explanation ledgers into one output
 * set. Events are held in memory as primitive columns (about 24 bytes each plus 4 per property),
 * grouped by lead and scored lead after lead.
 */
public final class RulesWorkflow {
    /** The scores file. */
    public static final String SCORES_CSV = "scores.csv";
    /** The grade distribution. */
    public static final String GRADES_CSV = "grades.csv";
    /** The explanations of the leads asked for. */
    public static final String EXPLAIN_CSV = "explain.csv";
    /** Grade movements since the previous run's scores. */
    public static final String MOVEMENTS_CSV = "movements.csv";
    /** Rejected event lines. */
    public static final String REJECTS_CSV = "rejects.csv";
    /** Rejected lead rows. */
    public static final String LEAD_REJECTS_CSV = "lead-rejects.csv";

    /**
     * @param leads the leads file
     * @param events the event log
     * @param rules the rules YAML
     * @param channels the channel table, if any
     * @param asOf the as-of instant as written
     * @param outDir where the outputs go
     * @param format delimiter, encoding and the zone from the command line
     * @param zoneGiven whether the command line gave the zone (it then beats the rules')
     * @param duplicates the command line's duplicate policy, if given
     * @param explain the lead ids to explain
     * @param previous the previous run's {@code scores.csv}, for the grade movements, if any
     * @param rejects where rejected event lines go (default {@code DIR/rejects.csv})
     * @param leadRejects where rejected lead rows go (default {@code DIR/lead-rejects.csv})
     * @param maxRejectShare the run fails when either file has more rejects than this share
     * @param state the incremental state directory: the run reads only the lines appended to the
     *     events file since the state's last night, and gives what a full read gives ({@link LogState})
     */
    public record Request(Path leads, Path events, Path rules, Optional<Path> channels, String asOf, Path outDir,
            InputFormat format, boolean zoneGiven, Optional<DuplicatePolicy> duplicates, List<String> explain,
            Optional<Path> previous, Optional<Path> rejects, Optional<Path> leadRejects, double maxRejectShare,
            Optional<Path> state) {
        /** Checks and copies. */
        public Request {
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(outDir, "outDir");
            explain = List.copyOf(explain);
            RejectsCheck.requireShare(maxRejectShare);
            Objects.requireNonNull(state, "state");
        }

        /** The request without a state directory. */
        public Request(Path leads, Path events, Path rules, Optional<Path> channels, String asOf, Path outDir,
                InputFormat format, boolean zoneGiven, Optional<DuplicatePolicy> duplicates, List<String> explain,
                Optional<Path> previous, Optional<Path> rejects, Optional<Path> leadRejects, double maxRejectShare) {
            this(leads, events, rules, channels, asOf, outDir, format, zoneGiven, duplicates, explain, previous, rejects,
                    leadRejects, maxRejectShare, Optional.empty());
        }

        /** @return the files a run may write */
        public List<Path> members() {
            return List.of(outDir.resolve(SCORES_CSV), outDir.resolve(GRADES_CSV), outDir.resolve(EXPLAIN_CSV),
                    outDir.resolve(MOVEMENTS_CSV), rejectsFile(), leadRejectsFile());
        }

        /** @return where rejected event lines go */
        public Path rejectsFile() {
            return rejects.orElse(outDir.resolve(REJECTS_CSV));
        }

        /** @return where rejected lead rows go */
        public Path leadRejectsFile() {
            return leadRejects.orElse(outDir.resolve(LEAD_REJECTS_CSV));
        }
    }

    /**
     * @param asOf the as-of instant, epoch milliseconds
     * @param zone the zone days were counted in
     * @param leadsRead lead rows read
     * @param leadsRejected lead rows rejected
     * @param leadsAfterAsOf leads created after the as-of instant (no score)
     * @param scored leads scored; {@code leadsRead = scored + leadsAfterAsOf + leadsRejected}
     * @param events the event log's counts
     * @param withoutChannelScore scored leads whose channel the table has no score for (they start at 0)
     * @param grades the grades, best first, and how many leads got each
     * @param gradeCounts leads per grade, in the order of {@code grades}
     * @param unusedTypes event types the rules name that no line of the log had
     * @param movements with {@code previous}: leads whose grade rose, fell, stayed, and that are new
     * @param written the files written
     * @param state with a state directory: how the night read the log
     */
    public record Outcome(long asOf, ZoneId zone, long leadsRead, long leadsRejected, long leadsAfterAsOf, long scored,
            EventCounts events, long withoutChannelScore, List<String> grades, long[] gradeCounts, List<String> unusedTypes,
            Optional<long[]> movements, List<Path> written, Optional<StateRead> state) {
    }

    /**
     * How a night with a state directory read the log.
     *
     * @param newLines the lines it read
     * @param full why it read the whole log, or empty when it read only the lines appended since the last night
     */
    public record StateRead(long newLines, Optional<String> full) {
    }

    private RulesWorkflow() {
    }

    /**
     * @param request what to score
     * @param progress gets the event lines read so far
     * @return the counts and the files written
     * @throws InputDataException for bad input, naming the file, line and column or the YAML key
     */
    public static Outcome run(Request request, LongConsumer progress) {
        RuleSpec spec = RuleSpec.read(request.rules());
        Optional<ChannelStart> channels = request.channels().map(ChannelStart::read);
        Optional<Map<String, String>> previous = request.previous().map(RulesWorkflow::previousGrades);
        Path dir = request.outDir();
        Optional<LogState> state = request.state().map(LogState::open);
        try (OutputSet set = OutputSet.of(request.members())) {
            RunInputs in = new RunInputs(spec.features().orElse(null), spec.zone(), spec.duplicates(), request.format(),
                    request.zoneGiven(), request.duplicates(), set, request.rejectsFile(), request.leadRejectsFile());
            long asOf = FeaturesWorkflow.asOf(request.asOf(), in.format);
            Optional<Set<String>> known = spec.eventTypes().map(Set::copyOf)
                    .or(() -> spec.features().flatMap(f -> f.eventTypes()).map(Set::copyOf));
            LeadTable leads;
            LogState.Night night = null;
            if (state.isPresent()) {
                // The leads file is parsed on another core while the state's columns load (they need the
                // leads only to map lead indices, at the end): a night spends about a second on each.
                FutureTask<LeadTable> parse = start("rules-leads", () -> in.leads(request.leads()));
                try {
                    night = state.get().read(request.events(), () -> done(parse), new EventLog.Options(in.format, asOf,
                            in.duplicates, known, CompiledRules.properties(List.of(spec))), progress);
                } catch (RuntimeException | Error e) {
                    awaitQuietly(parse); // its rejects file is closed with the output set: not while it writes
                    throw e;
                }
                leads = done(parse);
            } else {
                leads = in.leads(request.leads());
            }
            CompiledRules rules = CompiledRules.compile(spec, leads, spec.features().orElse(null), channels.isPresent());
            for (String id : request.explain()) {
                if (leads.indexOf(id) < 0) {
                    throw new IllegalArgumentException("--explain: lead '" + id + "' is not in " + request.leads());
                }
            }
            EventTable table;
            EventCodes log;
            LeadFeatures features;
            EventCounts counts;
            Optional<StateRead> stateRead = Optional.empty();
            FutureTask<Void> replay = null;
            if (night != null) {
                table = night.events();
                log = night.codes();
                EventCodes codes = night.codes();
                features = spec.features().map(f -> LeadFeatures.of(f, rules.usedFeatures, leads, codes, asOf,
                        in.zone)).orElse(null);
                if (features != null) {
                    // on another core while this one counts, binds and groups by lead: they only read the table
                    LeadFeatures f = features;
                    EventTable t = table;
                    replay = start("rules-features", () -> {
                        t.replay(f, asOf);
                        return null;
                    });
                }
                counts = night.counts(asOf);
                RejectsStream rejects = null;
                for (LogState.Row r : night.rows()) {
                    if (r.listedAsOf(asOf)) {
                        rejects = rejects == null ? in.eventRejects(night.header()) : rejects;
                        rejects.addRendered(r.rendered());
                    }
                }
                stateRead = Optional.of(new StateRead(night.newLines(), night.full()));
            } else {
                EventLog full = in.open(request.events(), leads, asOf, known, rules.properties);
                EventTable t = new EventTable(rules.properties.size());
                LeadFeatures f = spec.features().map(x -> LeadFeatures.of(x, rules.usedFeatures, leads, full, asOf,
                        in.zone)).orElse(null);
                EventSink sink = f == null ? t : (lead, type, time, value, props) -> {
                    t.accept(lead, type, time, value, props);
                    f.accept(lead, type, time, value, props);
                };
                counts = full.read(sink, in::eventRejects, progress);
                table = t;
                log = full;
                features = f;
            }
            rules.bind(log);
            Start start = Start.of(channels, leads, spec, asOf);
            // One scorer per core, each scoring a block of leads at a time; the blocks are written in lead order.
            LeadScorer[] scorers = new LeadScorer[Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()))];
            for (int k = 0; k < scorers.length; k++) {
                scorers[k] = new LeadScorer(rules, table, leads, features, start.cents(), start.score(), asOf, in.zone);
            }
            LeadScorer scorer = scorers[0];
            int[][] grouped = table.byLead(leads.size());
            int[] starts = grouped[0];
            int[] order = grouped[1];
            if (replay != null) {
                done(replay); // the scorers read the features
            }
            long[] gradeCounts = new long[spec.grades().size()];
            long[] scored = new long[2];
            List<String> gradeNames = spec.grades().stream().map(RuleSpec.Grade::name).toList();
            // from-grade x to-grade, the last row for leads the previous run did not score (or whose grade is not one now)
            long[][] moves = new long[gradeNames.size() + 1][gradeNames.size()];
            set.write(dir.resolve(SCORES_CSV), stream -> {
                CsvByteWriter w = new CsvByteWriter(stream);
                header(w, rules);
                w.flush();
                Block[] blocks = new Block[scorers.length];
                for (int k = 0; k < blocks.length; k++) {
                    blocks[k] = new Block(gradeNames.size());
                }
                for (int from = 0; from < leads.size(); from += scorers.length * Block.LEADS) {
                    int first = from;
                    IntStream.range(0, scorers.length).parallel().forEach(k -> blocks[k].score(scorers[k], rules,
                            leads, order, starts, asOf, previous, gradeNames, first + k * Block.LEADS,
                            Math.min(leads.size(), first + (k + 1) * Block.LEADS)));
                    for (Block b : blocks) {
                        b.rows.writeTo(stream);
                        scored[0] += b.scored;
                        scored[1] += b.later;
                        for (int g = 0; g < gradeCounts.length; g++) {
                            gradeCounts[g] += b.grades[g];
                        }
                        for (int f = 0; f < moves.length; f++) {
                            for (int t = 0; t < gradeCounts.length; t++) {
                                moves[f][t] += b.moves[f][t];
                            }
                        }
                    }
                }
            });
            List<Path> written = new ArrayList<>(List.of(dir.resolve(SCORES_CSV)));
            set.write(dir.resolve(GRADES_CSV), stream -> GradesCsv.write(stream, spec.bands(), gradeCounts, scored[0]));
            written.add(dir.resolve(GRADES_CSV));
            Optional<long[]> movements = Optional.empty();
            if (previous.isPresent()) {
                set.write(dir.resolve(MOVEMENTS_CSV), stream -> writeMovements(stream, gradeNames, moves));
                written.add(dir.resolve(MOVEMENTS_CSV));
                long[] m = new long[4];
                for (int f = 0; f <= gradeNames.size(); f++) {
                    for (int t = 0; t < gradeNames.size(); t++) {
                        m[f == gradeNames.size() ? 3 : t < f ? 0 : t > f ? 1 : 2] += moves[f][t];
                    }
                }
                movements = Optional.of(m);
            }
            if (!request.explain().isEmpty()) {
                set.write(dir.resolve(EXPLAIN_CSV), stream -> {
                    CsvByteWriter w = new CsvByteWriter(stream);
                    Explanation.header(w);
                    for (String id : request.explain()) {
                        int i = leads.indexOf(id);
                        if (leads.createdAt(i) > asOf) {
                            continue; // no score yet: nothing to explain
                        }
                        Explanation e = new Explanation(id, rules, table, log, in.zone);
                        scorer.score(i, order, starts[i], starts[i + 1], e);
                        e.write(w, scorer);
                    }
                    w.flush();
                });
                written.add(dir.resolve(EXPLAIN_CSV));
            }
            in.closeRejects(written);
            in.checkShares(leads, request.events(), counts.rejected(), counts.read(), request.maxRejectShare(),
                    dir.resolve(SCORES_CSV));
            set.commit();
            if (state.isPresent()) {
                state.get().commit(); // after the outputs: a run stopped in between reads the same lines again
            }
            Set<String> unused = new LinkedHashSet<>(spec.types());
            for (int t = 0; t < log.typeCount(); t++) {
                unused.remove(log.typeName(t));
            }
            return new Outcome(asOf, in.zone, leads.rowsRead(), leads.rowsRejected(), scored[1], scored[0], counts,
                    start.missing(), spec.grades().stream().map(RuleSpec.Grade::name).toList(), gradeCounts,
                    List.copyOf(unused), movements, written, stateRead);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            state.ifPresent(LogState::close);
        }
    }

    /** @return the task, started on a thread of its own */
    private static <T> FutureTask<T> start(String name, java.util.concurrent.Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** @return what the task gave, its exception rethrown as it was thrown */
    private static <T> T done(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the leads file was read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void awaitQuietly(FutureTask<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the failure already on its way wins
        }
    }

    /**
     * Each lead's start value from the channel table.
     *
     * @param cents the start in hundredths, by lead; null without a table
     * @param score the channel score 0–10, NaN where the table has none; null without a table
     * @param missing leads created by the as-of instant whose channel the table has no score for
     */
    record Start(long[] cents, double[] score, long missing) {
        static Start of(Optional<ChannelStart> channels, LeadTable leads, RuleSpec spec, long asOf) {
            if (channels.isEmpty()) {
                return new Start(null, null, 0);
            }
            int[] s = channels.get().scores(leads);
            long[] cents = new long[s.length];
            double[] score = new double[s.length];
            long missing = 0;
            for (int i = 0; i < s.length; i++) {
                score[i] = s[i] < 0 ? Double.NaN : s[i];
                cents[i] = s[i] < 0 ? 0 : Math.round(s[i] * 10 * 100 * spec.channelWeight());
                if (s[i] < 0 && leads.createdAt(i) <= asOf) {
                    missing++;
                }
            }
            return new Start(cents, score, missing);
        }
    }

    /**
     * The scores of a block of consecutive leads, as rows and counts; one per scoring thread, reused
     * block after block, since its megabyte buffer is a humongous object for G1 and allocating one per
     * block set off a concurrent collection every few hundred milliseconds.
     */
    private static final class Block {
        static final int LEADS = 8192;
        final java.io.ByteArrayOutputStream rows = new java.io.ByteArrayOutputStream(1 << 20);
        final long[] grades;
        final long[][] moves;
        long scored;
        long later;

        Block(int grades) {
            this.grades = new long[grades];
            this.moves = new long[grades + 1][grades];
        }

        /** Scores leads {@code [from, to)} into this block, emptied first. */
        void score(LeadScorer scorer, CompiledRules rules, LeadTable leads, int[] order, int[] starts, long asOf,
                Optional<Map<String, String>> previous, List<String> gradeNames, int from, int to) {
            rows.reset();
            Arrays.fill(grades, 0);
            for (long[] m : moves) {
                Arrays.fill(m, 0);
            }
            scored = 0;
            later = 0;
            if (from >= to) {
                return;
            }
            CsvByteWriter w = new CsvByteWriter(rows);
            try {
                for (int i = from; i < to; i++) {
                    if (leads.createdAt(i) > asOf) {
                        later++;
                        continue;
                    }
                    scorer.score(i, order, starts[i], starts[i + 1], LeadScorer.Ledger.NONE);
                    row(w, leads.id(i), scorer, rules);
                    grades[scorer.grade]++;
                    if (previous.isPresent()) {
                        int f = gradeNames.indexOf(previous.get().getOrDefault(leads.id(i), ""));
                        moves[f < 0 ? gradeNames.size() : f][scorer.grade]++;
                    }
                    scored++;
                }
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @return lead id to grade from a previous run's scores */
    private static Map<String, String> previousGrades(Path file) {
        Map<String, String> out = new HashMap<>();
        try (CsvRows rows = CsvRows.open(file, Optional.empty(), StandardCharsets.UTF_8)) {
            int id = rows.header().indexOf(EventLog.LEAD);
            int grade = rows.header().indexOf("grade");
            if (id < 0 || grade < 0) {
                throw new InputDataException(file.toString(), rows.headerLine(), null, "--previous: expected the scores.csv"
                        + " of an earlier rules run, with lead_id and grade (its header: " + String.join(", ",
                                rows.header()) + ")");
            }
            while (rows.next()) {
                if (rows.fieldCount() != rows.header().size()) {
                    throw new InputDataException(file.toString(), rows.line(), null, "expected " + rows.header().size()
                            + " fields as in the header, found " + rows.fieldCount());
                }
                out.put(rows.field(id), rows.field(grade));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void writeMovements(java.io.OutputStream stream, List<String> grades, long[][] moves) throws IOException {
        CsvByteWriter w = new CsvByteWriter(stream);
        w.row(List.of("from", "to", "leads"));
        for (int f = 0; f <= grades.size(); f++) {
            for (int t = 0; t < grades.size(); t++) {
                if (moves[f][t] == 0) {
                    continue;
                }
                w.field(f == grades.size() ? "(new)" : grades.get(f));
                w.comma();
                w.field(grades.get(t));
                w.comma();
                w.number(moves[f][t]);
                w.endRow();
            }
        }
        w.flush();
    }

    private static void header(CsvByteWriter w, CompiledRules rules) throws IOException {
        List<String> names = new ArrayList<>(List.of(EventLog.LEAD, "score100", "score10", "grade", "tier", "stage",
                "follow_up", "tags", "channel_points"));
        rules.levelNames.forEach(l -> names.add("points_" + l));
        names.addAll(List.of("condition_points", "total_cap", "clamp"));
        w.row(names);
    }

    private static void row(CsvByteWriter w, String id, LeadScorer s, CompiledRules rules) throws IOException {
        w.field(id);
        w.comma();
        Cents.write(w, s.score);
        w.comma();
        w.number(s.score10);
        w.comma();
        w.field(rules.spec.grades().get(s.grade).name());
        w.comma();
        w.field(s.tier);
        w.comma();
        w.field(s.stage);
        w.comma();
        w.field(s.status);
        w.comma();
        w.field(String.join(";", s.tags));
        w.comma();
        Cents.write(w, s.channel);
        for (long l : s.level) {
            w.comma();
            Cents.write(w, l);
        }
        w.comma();
        Cents.write(w, s.conditions);
        w.comma();
        Cents.write(w, s.totalCap);
        w.comma();
        Cents.write(w, s.clamp);
        w.endRow();
    }

}
