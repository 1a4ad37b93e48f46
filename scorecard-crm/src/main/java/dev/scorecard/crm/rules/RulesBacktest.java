package dev.scorecard.crm.rules;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.crm.events.DuplicatePolicy;
import dev.scorecard.crm.events.EventCounts;
import dev.scorecard.crm.events.EventLog;
import dev.scorecard.crm.events.EventTable;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.features.LeadFeatures;
import dev.scorecard.crm.features.RunInputs;
import dev.scorecard.train.eval.Metrics;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.pipeline.RejectsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * {@code scorecard rules backtest}: replays a rule set (and optionally a proposed one) night after
 * night and measures how well each night's score ranks the leads that convert in the horizon that
 * follows. A night's population is the leads created by its as-of instant and not converted by then;
 * its target is a conversion after the instant and at most the horizon (calendar days in the zone)
 * later. The log is read once, up to the last night; each night scores from the events before it.
 */
public final class RulesBacktest {
    /** Per night and rule set. */
    public static final String BACKTEST_CSV = "backtest.csv";
    /** Conversion by grade, per night and over all nights. */
    public static final String GRADES_CSV = "backtest-grades.csv";
    /** The page. */
    public static final String BACKTEST_HTML = "backtest.html";
    /** Which rules carry signal, per rule set. */
    public static final String RULES_CSV = "backtest-rules.csv";

    /**
     * @param leads the leads file, with {@code converted_at}
     * @param events the event log
     * @param rules the rule set
     * @param compare a proposed rule set to replay beside it, if any
     * @param channels the channel table, if any
     * @param from the first night (a date: its start in the zone)
     * @param to the last night, inclusive
     * @param everyDays days between nights
     * @param horizonDays the days after a night in which a conversion counts
     * @param outDir where the outputs go
     * @param format delimiter, encoding and the command line's zone
     * @param zoneGiven whether the command line gave the zone
     * @param duplicates the command line's duplicate policy, if given
     * @param rejects where rejected event lines go (default {@code DIR/rejects.csv})
     * @param leadRejects where rejected lead rows go (default {@code DIR/lead-rejects.csv})
     * @param maxRejectShare the run fails when either file has more rejects than this share
     */
    public record Request(Path leads, Path events, Path rules, Optional<Path> compare, Optional<Path> channels,
            LocalDate from, LocalDate to, int everyDays, int horizonDays, Path outDir, InputFormat format, boolean zoneGiven,
            Optional<DuplicatePolicy> duplicates, Optional<Path> rejects, Optional<Path> leadRejects, double maxRejectShare) {
        /** Checks the dates and steps. */
        public Request {
            Objects.requireNonNull(leads, "leads");
            Objects.requireNonNull(outDir, "outDir");
            Nights.check(from, to, everyDays, horizonDays);
            RejectsCheck.requireShare(maxRejectShare);
        }

        /** @return the files a run may write */
        public List<Path> members() {
            return List.of(outDir.resolve(BACKTEST_CSV), outDir.resolve(GRADES_CSV), outDir.resolve(BACKTEST_HTML),
                    outDir.resolve(RULES_CSV),
                    rejects.orElse(outDir.resolve(RulesWorkflow.REJECTS_CSV)),
                    leadRejects.orElse(outDir.resolve(RulesWorkflow.LEAD_REJECTS_CSV)));
        }
    }

    /**
     * One night of one rule set.
     *
     * @param night the night's date
     * @param rules {@code rules} or {@code compare}
     * @param leads leads in the night's population
     * @param converters of them, those that converted in the horizon
     * @param auc the score's AUC, NaN when the night has one class only
     * @param ks the score's KS, NaN likewise
     * @param gradeLeads leads per grade, best first
     * @param gradeConverters converters per grade
     */
    public record Night(LocalDate night, String rules, long leads, long converters, double auc, double ks,
            long[] gradeLeads, long[] gradeConverters) {
        /** @return the best grade's conversion rate over the night's, NaN when either is undefined */
        public double topGradeLift() {
            if (leads == 0 || converters == 0 || gradeLeads[0] == 0) {
                return Double.NaN;
            }
            return ((double) gradeConverters[0] / gradeLeads[0]) / ((double) converters / leads);
        }
    }

    /**
     * Whether one rule of a rule set carries signal over the lead-nights (the nights pooled). A rule's
     * contribution on a lead-night is what it added to the score: a points rule's event type its points
     * after decay and the type's daily and total caps (before its level's and the total cap); a
     * condition its points when it held, or 1 when it held and gives none; the channel start its points.
     *
     * @param rule the event type, the condition's name, or {@code channel}
     * @param kind {@code points}, {@code condition} or {@code channel}
     * @param leadNights lead-nights measured (a sample by a fixed hash of lead and night when there are
     *     very many)
     * @param with those it contributed on
     * @param convertersWith of them, those that converted in the horizon
     * @param iv the information value of its contribution (optimal bins down to 1 % of the rows, or half
     *     the rule's share when it adds to fewer)
     * @param auc the AUC of its contribution alone, NaN with one class
     * @param aucChange the score's AUC (before clamping) less its AUC without this rule's contribution
     */
    public record RuleEvidence(String rule, String kind, long leadNights, long with, long convertersWith, double iv,
            double auc, double aucChange) {
        /**
         * @return {@code never contributes}, or the information value's usual band: {@code not predictive}
         *     below 0.02, {@code weak} below 0.1, {@code medium} below 0.3, else {@code strong}
         */
        public String verdict() {
            if (with == 0) {
                return "never contributes";
            }
            return iv < 0.02 ? "not predictive" : iv < 0.1 ? "weak" : iv < 0.3 ? "medium" : "strong";
        }
    }

    /**
     * @param nights every night of each rule set, the rule set first
     * @param overall the nights pooled, per rule set: night is the first night's date
     * @param grades the grade names of each rule set
     * @param signal per rule set, each rule's evidence
     * @param events the log's counts
     * @param incompleteHorizon nights whose horizon ends after the last event or conversion in the data
     * @param written the files written
     */
    public record Outcome(List<Night> nights, List<Night> overall, List<List<String>> grades,
            List<List<RuleEvidence>> signal, EventCounts events, List<LocalDate> incompleteHorizon, List<Path> written) {
    }

    private RulesBacktest() {
    }

    /**
     * @param request what to replay
     * @param progress gets the event lines read, then nothing
     * @return the nights and what was written
     * @throws InputDataException for bad input, naming the file, line and column or the YAML key
     */
    public static Outcome run(Request request, LongConsumer progress) {
        List<RuleSpec> specs = new ArrayList<>(List.of(RuleSpec.read(request.rules())));
        request.compare().ifPresent(c -> specs.add(RuleSpec.read(c)));
        List<String> names = request.compare().isPresent() ? List.of("rules", "compare") : List.of("rules");
        Optional<ChannelStart> channels = request.channels().map(ChannelStart::read);
        List<String> properties;
        try {
            properties = CompiledRules.properties(specs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--compare: " + e.getMessage());
        }
        RuleSpec first = specs.get(0);
        if (specs.size() > 1 && !specs.get(1).zone().equals(first.zone())) {
            throw new IllegalArgumentException("--compare: the rules files count days in different zones (" + first.zone()
                    .map(ZoneId::getId).orElse("none given") + ", " + specs.get(1).zone().map(ZoneId::getId)
                    .orElse("none given") + "); give them one, or --timezone");
        }
        Path dir = request.outDir();
        Path rejectsFile = request.rejects().orElse(dir.resolve(RulesWorkflow.REJECTS_CSV));
        Path leadRejectsFile = request.leadRejects().orElse(dir.resolve(RulesWorkflow.LEAD_REJECTS_CSV));
        try (OutputSet set = OutputSet.of(request.members())) {
            Nights data = Nights.read("a backtest", specs, properties, channels.isPresent(), request.leads(),
                    request.events(), request.from(), request.to(), request.everyDays(), request.format(),
                    request.zoneGiven(), request.duplicates(), set, rejectsFile, leadRejectsFile, progress);
            ZoneId zone = data.zone;
            List<LocalDate> dates = data.dates;
            LeadTable leads = data.leads;
            List<CompiledRules> compiled = data.compiled;
            EventTable table = data.table;
            EventLog log = data.log;
            EventCounts counts = data.counts;
            int[][] grouped = data.grouped;
            RunInputs in = data.in;
            List<Night> nights = new ArrayList<>();
            List<LocalDate> incomplete = new ArrayList<>();
            long reach = data.reach;
            List<Scored> pooled = new ArrayList<>();
            List<long[][]> pooledGrades = new ArrayList<>();
            for (int r = 0; r < specs.size(); r++) {
                pooled.add(new Scored());
                pooledGrades.add(new long[2][specs.get(r).grades().size()]);
            }
            long leadNights = 0;
            for (LocalDate d : dates) {
                long asOf = data.instant(d);
                for (int i = 0; i < leads.size(); i++) {
                    leadNights += data.inNight(i, asOf) ? 1 : 0;
                }
            }
            List<RuleSignal> signals = new ArrayList<>();
            for (CompiledRules c : compiled) {
                signals.add(new RuleSignal(c, channels.isPresent(), leadNights));
            }
            List<RulesWorkflow.Start> starts = new ArrayList<>(); // a lead's start does not depend on the night
            for (RuleSpec spec : specs) {
                starts.add(RulesWorkflow.Start.of(channels, leads, spec, Long.MAX_VALUE));
            }
            for (int night = 0; night < dates.size(); night++) {
                LocalDate d = dates.get(night);
                long asOf = data.instant(d);
                long end = data.instant(d.plusDays(request.horizonDays()));
                if (end > reach) {
                    incomplete.add(d);
                }
                for (int r = 0; r < specs.size(); r++) {
                    RuleSpec spec = specs.get(r);
                    LeadFeatures f = null;
                    if (spec.features().isPresent()) {
                        f = LeadFeatures.of(spec.features().get(), compiled.get(r).usedFeatures, leads, log, asOf, zone);
                        table.replay(f, asOf);
                    }
                    RulesWorkflow.Start start = starts.get(r);
                    LeadScorer scorer = new LeadScorer(compiled.get(r), table, leads, f, start.cents(), start.score(), asOf,
                            zone);
                    int g = spec.grades().size();
                    long[] gradeLeads = new long[g];
                    long[] gradeConverters = new long[g];
                    Scored scored = new Scored();
                    for (int i = 0; i < leads.size(); i++) {
                        if (!data.inNight(i, asOf)) {
                            continue;
                        }
                        scorer.score(i, grouped[1], grouped[0][i], grouped[0][i + 1], LeadScorer.Ledger.NONE);
                        byte target = data.target(i, end);
                        scored.add(scorer.score / 100.0, target);
                        signals.get(r).add(scorer, i, night, target);
                        gradeLeads[scorer.grade]++;
                        gradeConverters[scorer.grade] += target;
                    }
                    nights.add(night(d, names.get(r), scored, gradeLeads, gradeConverters));
                    pooled.get(r).addAll(scored);
                    for (int k = 0; k < g; k++) {
                        pooledGrades.get(r)[0][k] += gradeLeads[k];
                        pooledGrades.get(r)[1][k] += gradeConverters[k];
                    }
                }
            }
            List<Night> overall = new ArrayList<>();
            for (int r = 0; r < specs.size(); r++) {
                overall.add(night(dates.get(0), names.get(r), pooled.get(r), pooledGrades.get(r)[0],
                        pooledGrades.get(r)[1]));
            }
            List<List<String>> grades = specs.stream().map(s -> s.grades().stream().map(RuleSpec.Grade::name).toList())
                    .toList();
            List<List<RuleEvidence>> signal = signals.stream().map(RuleSignal::rows).toList();
            List<Path> written = new ArrayList<>();
            written.add(set.write(dir.resolve(BACKTEST_CSV), out -> BacktestFiles.writeNights(out, nights, overall)));
            written.add(set.write(dir.resolve(RULES_CSV), out -> BacktestFiles.writeRules(out, names, signal)));
            written.add(set.write(dir.resolve(GRADES_CSV), out -> BacktestFiles.writeGrades(out, nights, overall, grades)));
            String html = dev.scorecard.train.report.html.HtmlRenderer.render(BacktestPage.build(request, zone, nights,
                    overall, grades, signal, incomplete));
            written.add(set.writeText(dir.resolve(BACKTEST_HTML), w -> w.write(html)));
            in.closeRejects(written);
            in.checkShares(leads, request.events(), counts.rejected(), counts.read(), request.maxRejectShare(),
                    dir.resolve(BACKTEST_CSV));
            set.commit();
            return new Outcome(nights, overall, grades, signal, counts, incomplete, written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Night night(LocalDate d, String rules, Scored scored, long[] gradeLeads, long[] gradeConverters) {
        double[] s = java.util.Arrays.copyOf(scored.scores, scored.size);
        byte[] t = java.util.Arrays.copyOf(scored.targets, scored.size);
        long converters = 0;
        for (byte b : t) {
            converters += b;
        }
        double auc = Double.NaN;
        double ks = Double.NaN;
        if (converters > 0 && converters < s.length) {
            BinaryTarget target = BinaryTarget.of("converted", "1", t);
            auc = Metrics.auc(s, target);
            ks = Metrics.ks(s, target).ks();
        }
        return new Night(d, rules, s.length, converters, auc, ks, gradeLeads.clone(), gradeConverters.clone());
    }

    /** Scores and targets, growing as primitive arrays. */
    private static final class Scored {
        double[] scores = new double[1024];
        byte[] targets = new byte[1024];
        int size;

        void add(double score, byte target) {
            if (size == scores.length) {
                scores = java.util.Arrays.copyOf(scores, size * 2);
                targets = java.util.Arrays.copyOf(targets, size * 2);
            }
            scores[size] = score;
            targets[size++] = target;
        }

        void addAll(Scored other) {
            for (int i = 0; i < other.size; i++) {
                add(other.scores[i], other.targets[i]);
            }
        }
    }

}
