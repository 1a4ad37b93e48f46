package dev.scorecard.cli.command;

import dev.scorecard.cli.option.ModelOptions;
import dev.scorecard.cli.option.OutputOptions;
import dev.scorecard.cli.option.PathCollisions;
import dev.scorecard.cli.option.RowOptions;
import dev.scorecard.cli.option.TargetLabelOptions;
import dev.scorecard.train.eval.CharacteristicDrift;
import dev.scorecard.train.eval.DriftLevel;
import dev.scorecard.train.eval.DriftThresholds;
import dev.scorecard.train.eval.StabilityReport;
import dev.scorecard.train.monitor.AlertOn;
import dev.scorecard.train.monitor.CandidateDrift;
import dev.scorecard.train.monitor.DriftAlertException;
import dev.scorecard.train.monitor.MonitorResult;
import dev.scorecard.train.monitor.NonModelDrift;
import dev.scorecard.train.monitor.Period;
import dev.scorecard.train.pipeline.MonitorWorkflow;
import dev.scorecard.train.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scorecard monitor}: compare current leads with the training baseline stored in the model. */
@Command(name = "monitor",
        mixinStandardHelpOptions = true,
        header = "Monitor a live model for drift against its training.",
        description = "Monitor a live model: score PSI, CSI, WOE shift, missing shares and unseen levels of the "
            + "current file against the training baseline stored in the model (no other file needed), and AUC, "
            + "KS and event rate against training when --target is given. In a section of its own, the CSI of "
            + "every variable that training binned but the model does not use (a model trained before this was "
            + "stored: retrain it). Writes OUT/report.html and report.json.",
        footer = {"", "Examples:",
            "  scorecard monitor --model model.json --current leads_2026_11.csv \\",
            "      --out out/monitor",
            "  scorecard monitor --model model.json --current leads.csv \\",
            "      --target converted --by month --out out/monitor",
            "  scorecard monitor --model model.json --current leads_2026_11.csv \\",
            "      --alert-on all --out out/monitor",
            "", ExitCodes.HEADING, ExitCodes.OK, ExitCodes.INTERNAL_ERROR, ExitCodes.BAD_INPUT_OR_MODEL,
            ExitCodes.DRIFT_ALERT},
        sortOptions = false)
public final class MonitorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--current", required = true, paramLabel = "FILE", description = "The current CSV file (.csv or .csv.gz).")
    Path current;

    @Option(names = "--target", paramLabel = "COL", description = "The target column, when outcomes are known.")
    String target;

    @Mixin
    TargetLabelOptions labels;

    @Option(names = "--by", paramLabel = "COL", description = "Report PSI per value of this column too (e.g. month).")
    String by;

    @Option(names = "--warn", paramLabel = "PSI", defaultValue = "0.10", description = "Warning level (default ${DEFAULT-VALUE}).")
    double warn;

    @Option(names = "--alert", paramLabel = "PSI", defaultValue = "0.25", description = "Alert level (default ${DEFAULT-VALUE}).")
    double alert;

    @Option(names = "--alert-on", paramLabel = "WHAT", defaultValue = "model",
            description = "What exits 3 at or above --alert: model (the score PSI and the characteristics' CSI) or all "
                + "(also the CSI of the variables the model does not use). Default ${DEFAULT-VALUE}.")
    String alertOn;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created when absent).")
    Path out;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    RowOptions rows;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> written = new ArrayList<>(ReportWriter.monitorFiles());
        if (rows.rejects == null) {
            written.add(MonitorWorkflow.REJECTS_CSV);
        }
        PathCollisions.of().input("--model", modelOptions.model).input("--current", current)
                .folder("--out", out, written).output("--rejects", rows.rejects).check();
        DriftThresholds thresholds;
        try {
            thresholds = new DriftThresholds(warn, alert);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--warn/--alert: " + e.getMessage());
        }
        AlertOn on = AlertOn.fromConfig(alertOn);
        MonitorWorkflow.Request request = new MonitorWorkflow.Request(modelOptions.model, current, Optional.ofNullable(target),
                Optional.ofNullable(by), out, thresholds, Optional.ofNullable(rows.rejects), rows.maxRejectShare, modelOptions.ignoreChecksum,
                rows.delimiter(), rows.encoding(), on, labels.labels(), rows.dialect.forModel());
        MonitorWorkflow.Outcome o;
        try (Progress progress = Progress.start(output.quiet)) {
            progress.counter("Scoring", " rows");
            o = MonitorWorkflow.run(request, progress::step);
        }
        MonitorResult r = o.result();
        if (!output.quiet) {
            stdout.printf(Locale.ROOT, "%d rows: %d scored, %d rejected%n", r.rowsRead(), r.rowsRead() - r.rowsRejected(),
                    r.rowsRejected());
            StabilityReport s = r.overall();
            stdout.printf(Locale.ROOT, "score PSI %.4f (%s)%n", s.scorePsi().value(), level(s.scoreLevel()));
            for (CharacteristicDrift c : s.characteristics()) {
                if (c.level() != DriftLevel.STABLE) {
                    stdout.printf(Locale.ROOT, "  CSI %-30s %.4f (%s)%n", c.name(), c.csi().value(), level(c.level()));
                }
            }
            nonModel(r, stdout);
            r.performance().ifPresent(p -> stdout.println(ConsoleText.wrapAfter(String.format(Locale.ROOT,
                    "performance: AUC %.4f (training %.4f)  KS %.4f (training %.4f)  event rate %.4f (training %.4f)",
                    p.auc(), p.trainingAuc(), p.ks(), p.trainingKs(), p.eventRate(), p.trainingEventRate()), 13, "  ")));
            r.periodNote().ifPresent(n -> stdout.println(ConsoleText.wrap("note: " + n, 6)));
            for (Period p : r.periods()) {
                stdout.println(ConsoleText.wrapAfter(periodLine(p), 4, "; "));
            }
            o.rejectsFile().ifPresent(f -> stdout.println("rejected rows: " + f));
            stdout.println(ConsoleText.wrapList("wrote " + String.join(", ", o.written().stream().map(Path::toString).toList()), 6));
        }
        stdout.flush();
        if (r.worstLevel() == DriftLevel.ALERT) {
            throw new DriftAlertException(alertMessage(r, thresholds, out));
        }
        return 0;
    }

    /** The non-model section: its warnings and alerts by CSI, or why there is none. */
    private static void nonModel(MonitorResult r, PrintWriter stdout) {
        if (r.nonModel().isEmpty()) {
            stdout.println(ConsoleText.wrap("note: " + MonitorResult.NON_MODEL_UNAVAILABLE, 6));
            return;
        }
        NonModelDrift n = r.nonModel().get();
        List<CandidateDrift> drifted = n.variables().stream().filter(c -> c.level() != DriftLevel.STABLE).toList();
        if (drifted.isEmpty()) {
            stdout.println(ConsoleText.wrap("non-model variables: " + n.variables().size() + ", none at or above the warning"
                    + " level" + n.worst().map(c -> String.format(Locale.ROOT, " (highest CSI %.4f %s)", c.csi().value(),
                            c.name())).orElse(""), 2));
        } else {
            stdout.printf(Locale.ROOT, "non-model variables (binned in training, not in the model): %d of %d drift%n",
                    drifted.size(), n.variables().size());
            for (CandidateDrift c : drifted) {
                stdout.printf(Locale.ROOT, "  CSI %-30s %.4f (%s)%n", c.name(), c.csi().value(), level(c.level()));
            }
        }
        if (!n.absent().isEmpty()) {
            stdout.println(ConsoleText.wrapList("non-model variables not in the current file: " + String.join(", ", n.absent()),
                    2));
        }
        if (r.alertOn() == AlertOn.MODEL && r.nonModelLevel() == DriftLevel.ALERT && r.modelLevel() != DriftLevel.ALERT) {
            stdout.println(ConsoleText.wrapAfter("note: only variables outside the model alert, which does not change the"
                    + " exit code; --alert-on all makes it 3", 6, "; "));
        }
    }

    /**
     * @return e.g. {@code "  may: 2291 rows, score PSI 0.0213 (stable); worst CSI 0.3100 euribor3m (alert);
     *     worst non-model CSI 1.2000 nr.employed (alert)"}: each measure with its own level, so a stable
     *     score is never shown beside a CSI's alert
     */
    static String periodLine(Period p) {
        StabilityReport s = p.stability();
        String line = String.format(Locale.ROOT, "  %s: %d rows, score PSI %.4f (%s)", p.label(), p.rows(),
                s.scorePsi().value(), level(s.scoreLevel()));
        return line + s.worstCharacteristic().map(c -> String.format(Locale.ROOT, "; worst CSI %.4f %s (%s)",
                c.csi().value(), c.name(), level(c.level()))).orElse("")
                + p.nonModel().flatMap(NonModelDrift::worst).map(c -> String.format(Locale.ROOT,
                        "; worst non-model CSI %.4f %s (%s)", c.csi().value(), c.name(), level(c.level()))).orElse("");
    }

    private static String level(DriftLevel l) {
        return l.name().toLowerCase(Locale.ROOT);
    }

    static String alertMessage(MonitorResult r, DriftThresholds t, Path out) {
        List<String> what = new ArrayList<>();
        StabilityReport s = r.overall();
        if (s.scoreLevel() == DriftLevel.ALERT) {
            what.add(String.format(Locale.ROOT, "score PSI %.4f", s.scorePsi().value()));
        }
        for (CharacteristicDrift c : s.characteristics()) {
            if (c.level() == DriftLevel.ALERT) {
                what.add(String.format(Locale.ROOT, "%s CSI %.4f", c.name(), c.csi().value()));
            }
        }
        boolean outside = r.alertOn() == AlertOn.ALL;
        if (outside) {
            for (CandidateDrift c : r.nonModel().map(NonModelDrift::variables).orElse(List.of())) {
                if (c.level() == DriftLevel.ALERT) {
                    what.add(String.format(Locale.ROOT, "%s CSI %.4f (non-model)", c.name(), c.csi().value()));
                }
            }
        }
        for (Period p : r.periods()) {
            StabilityReport ps = p.stability();
            if (p.worstLevel(r.alertOn()) == DriftLevel.ALERT) {
                // Name the measures that alerted, as the period line does, not just the period.
                List<String> measures = new ArrayList<>();
                if (ps.scoreLevel() == DriftLevel.ALERT) {
                    measures.add(String.format(Locale.ROOT, "score PSI %.4f", ps.scorePsi().value()));
                }
                ps.worstCharacteristic().filter(c -> c.level() == DriftLevel.ALERT).ifPresent(c -> measures.add(
                        String.format(Locale.ROOT, "worst CSI %.4f %s", c.csi().value(), c.name())));
                if (outside) {
                    p.nonModel().flatMap(NonModelDrift::worst).filter(c -> c.level() == DriftLevel.ALERT).ifPresent(c ->
                            measures.add(String.format(Locale.ROOT, "worst non-model CSI %.4f %s", c.csi().value(),
                                    c.name())));
                }
                what.add("period " + p.label() + " (" + String.join(", ", measures) + ")");
            }
        }
        return String.format(Locale.ROOT, "drift alert (at or above %s): %s; see %s", dev.scorecard.core.internal.DoubleFormat
                .format(t.alert()), String.join(", ", what), out.resolve("report.html"));
    }
}
