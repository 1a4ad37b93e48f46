package dev.scorecard.train.pipeline;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.ReasonBaseline;
import dev.scorecard.core.Scorecard;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.core.data.BinaryTarget;
import dev.scorecard.core.model.Baseline;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.train.eval.DriftThresholds;
import dev.scorecard.train.eval.Metrics;
import dev.scorecard.train.eval.ScoredSample;
import dev.scorecard.train.eval.StabilityReport;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.monitor.AlertOn;
import dev.scorecard.train.monitor.CandidateCounts;
import dev.scorecard.train.monitor.MonitorResult;
import dev.scorecard.train.monitor.NonModelDrift;
import dev.scorecard.train.monitor.Performance;
import dev.scorecard.train.monitor.Period;
import dev.scorecard.train.monitor.PeriodOrder;
import dev.scorecard.train.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * What {@code scorecard monitor} does (SPEC §9): stream this period's leads through the model and
 * compare them with the training baseline stored in the model file (no other file needed): score
 * PSI, CSI, WOE shift, missing shares and unseen levels per characteristic, and, when the target is
 * present, AUC, KS and event rate against training; optionally per value of a {@code --by} column.
 * When the model file keeps the baseline of the candidates it does not use, their CSI too, apart.
 * Writes the report; the caller turns an alert into exit code 3.
 */
public final class MonitorWorkflow {
    /** The rejects file's name in the output folder, unless one is given. */
    public static final String REJECTS_CSV = "rejects.csv";

    /**
     * @param model the model file
     * @param current the current CSV
     * @param target the target column, when the outcome is known
     * @param by a column whose values (e.g. months) split the rows into periods
     * @param outDir where the report goes (created when absent)
     * @param thresholds when PSI and CSI warn and alert
     * @param rejectsFile where rejected rows go (default {@code OUT/rejects.csv})
     * @param maxRejectShare the run fails when more rows than this share are rejected
     * @param ignoreChecksum load a model whose checksum does not match
     * @param delimiter the input delimiter, or empty to detect it
     * @param encoding the input's encoding when it has no byte order mark
     * @param alertOn whether the non-model variables' CSI alerts too
     * @param labels the file's own target values, when they differ from the model's
     * @param dialect {@code --no-header}, {@code --names}, {@code --trim}; what they leave open, as the model was trained
     */
    public record Request(Path model, Path current, Optional<String> target, Optional<String> by, Path outDir,
            DriftThresholds thresholds, Optional<Path> rejectsFile, double maxRejectShare, boolean ignoreChecksum,
            Optional<Character> delimiter, Charset encoding, AlertOn alertOn, TargetLabels labels, InputDialect dialect) {
        /** Checks nothing is null and the reject share is a share. */
        public Request {
            Objects.requireNonNull(dialect, "dialect");
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(encoding, "encoding");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(thresholds, "thresholds");
            Objects.requireNonNull(alertOn, "alertOn");
            RejectsCheck.requireShare(maxRejectShare);
        }

        /** A request that reads the target with the model's own labels. */
        public Request(Path model, Path current, Optional<String> target, Optional<String> by, Path outDir,
                DriftThresholds thresholds, Optional<Path> rejectsFile, double maxRejectShare, boolean ignoreChecksum,
                Optional<Character> delimiter, Charset encoding, AlertOn alertOn) {
            this(model, current, target, by, outDir, thresholds, rejectsFile, maxRejectShare, ignoreChecksum, delimiter,
                    encoding, alertOn, TargetLabels.ofModel());
        }

        /** A request that reads the file as the model's training file was read (header, trimming). */
        public Request(Path model, Path current, Optional<String> target, Optional<String> by, Path outDir,
                DriftThresholds thresholds, Optional<Path> rejectsFile, double maxRejectShare, boolean ignoreChecksum,
                Optional<Character> delimiter, Charset encoding, AlertOn alertOn, TargetLabels labels) {
            this(model, current, target, by, outDir, thresholds, rejectsFile, maxRejectShare, ignoreChecksum, delimiter,
                    encoding, alertOn, labels, InputDialect.AS_TRAINED);
        }
    }

    /**
     * @param result what was found
     * @param model the model monitored
     * @param written the report files
     * @param rejectsFile the rejects file, when rows were rejected
     */
    public record Outcome(MonitorResult result, ScorecardModel model, List<Path> written, Optional<Path> rejectsFile) {
        /** Copies the list. */
        public Outcome {
            written = List.copyOf(written);
        }
    }

    private MonitorWorkflow() {
    }

    /**
     * @param request what to monitor
     * @param progress told the number of rows read so far, every 16,384 rows
     * @return what was found and written
     */
    public static Outcome run(Request request, LongConsumer progress) {
        return Outputs.commitAfter(members(request), set -> run(request, progress, set));
    }

    /** @return the files a run of {@code request} writes: the reports and the rejects file */
    public static List<Path> members(Request request) {
        return Outputs.reportsAndRejects(request.outDir(), ReportWriter.monitorFiles(), rejectsPath(request));
    }

    private static Path rejectsPath(Request request) {
        return request.rejectsFile().orElse(request.outDir().resolve(REJECTS_CSV));
    }

    /**
     * Runs into a set the caller commits, with other outputs of its own (as {@code demo} does).
     *
     * @param set an open set holding {@link #members(Request)}
     * @return what was found and written
     */
    public static Outcome run(Request request, LongConsumer progress, OutputSet set) {
        Path rejectsPath = rejectsPath(request);
        Scorecard scorecard = Scorecard.load(ModelFolder.tidied(request.model()), !request.ignoreChecksum());
        ScorecardModel model = scorecard.model();
        List<ScoringPass.TextColumn> texts = new ArrayList<>();
        request.target().ifPresent(t -> texts.add(new ScoringPass.TextColumn(t, "--target")));
        request.by().ifPresent(b -> texts.add(new ScoringPass.TextColumn(b, "--by")));
        Optional<TargetText> target = request.target().map(t -> TargetText.of(t, model, request.labels()));
        int bySlot = request.target().isPresent() ? 1 : 0;
        ScoredSample all = new ScoredSample(model);
        Map<String, ScoredSample> periods = new HashMap<>();
        List<Baseline.Candidate> candidates = model.baseline().candidates().orElse(List.of());
        List<ScoringPass.ValueColumn> values = candidates.stream()
                .map(c -> new ScoringPass.ValueColumn(c.name(), c.type())).toList();
        double[] numbers = new double[candidates.size()];
        String[] badNumbers = new String[candidates.size()];
        String[] levels = new String[candidates.size()];
        boolean[] present = new boolean[candidates.size()];
        CandidateCounts allCandidates = null;
        Map<String, CandidateCounts> periodCandidates = new HashMap<>();
        long rejected;
        Optional<Path> rejectsFile;
        long rows;
        String advice;
        try (ScoringPass pass = ScoringPass.open(scorecard, request.current(), request.delimiter(), request.encoding(), request.dialect(),
                texts, values, 0, ReasonBaseline.MAX, progress, set, rejectsPath)) {
            for (int k = 0; k < present.length; k++) {
                present[k] = pass.has(k);
            }
            allCandidates = new CandidateCounts(candidates, present, model.missingValues());
            while (pass.next()) {
                // An unknown outcome does not stop a row counting for stability; it only leaves it out of
                // the performance figures.
                int event = target.map(t -> t.read(pass.text(0))).orElse(ScoredSample.NO_TARGET);
                if (event == TargetText.INVALID) {
                    pass.reject(target.get().problem());
                    continue;
                }
                all.add(pass.result(), event);
                for (int k = 0; k < present.length; k++) {
                    if (present[k]) {
                        boolean numeric = candidates.get(k).type() == VariableType.NUMERIC;
                        numbers[k] = numeric ? pass.number(k) : Double.NaN;
                        badNumbers[k] = numeric ? pass.badNumber(k) : null;
                        levels[k] = numeric ? null : pass.level(k);
                    }
                }
                allCandidates.add(numbers, badNumbers, levels);
                if (request.by().isPresent()) {
                    String label = pass.text(bySlot);
                    String period = label.isBlank() ? PeriodOrder.MISSING : label;
                    periods.computeIfAbsent(period, k -> new ScoredSample(model)).add(pass.result(), event);
                    periodCandidates.computeIfAbsent(period, k -> new CandidateCounts(candidates, present,
                            model.missingValues())).add(numbers, badNumbers, levels);
                }
            }
            rows = pass.rows();
            rejected = pass.rejected();
            rejectsFile = pass.rejectsFile();
            advice = pass.encodingAdvice();
        } catch (IOException e) {
            throw new InputDataException(request.current().toString(), 0, null, "cannot read: " + e.getMessage());
        }
        RejectsCheck.settle(set, request.current().toString(), rejectsFile, rejected, rows, all.size(),
                request.maxRejectShare(), "scored", advice);
        // A --by column that is a characteristic puts each period in its own bins of it, so its CSI per
        // period would alert every time while saying nothing about drift: it is left out there.
        Optional<String> byCharacteristic = request.by()
                .filter(b -> model.characteristics().stream().anyMatch(c -> c.name().equals(b)));
        boolean stored = model.baseline().candidates().isPresent();
        // The same holds for a --by column that is a variable the model does not use.
        Optional<String> byCandidate = request.by().filter(b -> candidates.stream().anyMatch(c -> c.name().equals(b)));
        List<Period> byPeriod = new ArrayList<>();
        for (String label : PeriodOrder.sort(periods.keySet())) {
            ScoredSample s = periods.get(label);
            StabilityReport stability = StabilityReport.of(s, request.thresholds());
            Optional<NonModelDrift> outside = Optional.of(periodCandidates.get(label)).filter(c -> stored)
                    .map(c -> c.drift(request.thresholds()))
                    .map(d -> byCandidate.map(d::without).orElse(d));
            byPeriod.add(new Period(label, s.size(), byCharacteristic.map(stability::without).orElse(stability),
                    performance(s, model), outside));
        }
        Optional<NonModelDrift> nonModel = stored && all.size() > 0
                ? Optional.of(allCandidates.drift(request.thresholds())) : Optional.empty();
        MonitorResult result = new MonitorResult(request.current().getFileName().toString(), rows, rejected,
                StabilityReport.of(all, request.thresholds()), performance(all, model), request.by(), byCharacteristic,
                byPeriod, nonModel, request.alertOn());
        List<Path> written = ReportWriter.writeMonitor(result, model, request.outDir(), set);
        return new Outcome(result, model, written, rejectsFile);
    }

    /** AUC, KS and event rate of the rows whose outcome is known, when they hold both classes. */
    static Optional<Performance> performance(ScoredSample s, ScorecardModel model) {
        byte[] events = s.events();
        double[] p = s.probabilities();
        int known = 0;
        for (byte e : events) {
            if (e != ScoredSample.NO_TARGET) {
                known++;
            }
        }
        if (known == 0) {
            return Optional.empty();
        }
        double[] kp = new double[known];
        byte[] ky = new byte[known];
        int j = 0;
        int ev = 0;
        for (int i = 0; i < events.length; i++) {
            if (events[i] != ScoredSample.NO_TARGET) {
                kp[j] = p[i];
                ky[j] = events[i];
                ev += events[i];
                j++;
            }
        }
        if (ev == 0 || ev == known) {
            return Optional.empty();
        }
        BinaryTarget y = BinaryTarget.of(model.target(), model.event(), ky);
        SplitMetrics train = model.metrics().stream().filter(m -> m.split().equals("train")).findFirst()
                .orElse(model.metrics().get(0));
        return Optional.of(new Performance(known, ev, Metrics.auc(kp, y), Metrics.ks(kp, y).ks(),
                (double) train.events() / train.rows(), train.auc(), train.ks()));
    }
}
