package dev.scorecard.train.report;

import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.train.eval.CharacteristicDrift;
import dev.scorecard.train.eval.DriftLevel;
import dev.scorecard.train.eval.DriftThresholds;
import dev.scorecard.train.eval.PsiResult;
import dev.scorecard.train.eval.StabilityReport;
import dev.scorecard.train.monitor.AlertOn;
import dev.scorecard.train.monitor.CandidateDrift;
import dev.scorecard.train.monitor.MonitorResult;
import dev.scorecard.train.monitor.NonModelDrift;
import dev.scorecard.train.monitor.Performance;
import dev.scorecard.train.monitor.Period;
import dev.scorecard.train.report.html.Axis;
import dev.scorecard.train.report.html.BarChart;
import dev.scorecard.train.report.html.Block;
import dev.scorecard.train.report.html.Document;
import dev.scorecard.train.report.html.KeyValue;
import dev.scorecard.train.report.html.KeyValueList;
import dev.scorecard.train.report.html.Marker;
import dev.scorecard.train.report.html.Section;
import dev.scorecard.train.report.html.Table;
import dev.scorecard.train.report.html.ValueSeries;
import dev.scorecard.train.report.html.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The monitoring report of SPEC §9 as an HTML {@link Document}: a verdict (stable, warn or alert,
 * naming what drifted), the score PSI by baseline score bin with a chart of training against current
 * shares, the CSI table with rows flagged by level, each characteristic's bins then and now (shares,
 * WOE and its shift when the target is known), the CSI of the variables the model does not use (or
 * why it is unavailable), performance against training when the target is known, and, with
 * periods, the score PSI per period. Render it with
 * {@link dev.scorecard.train.report.html.HtmlRenderer}. Stateless and thread-safe.
 */
public final class MonitorReport {
    private final MonitorResult r;
    private final ScorecardModel model;
    private final SectionIds ids = new SectionIds();

    private MonitorReport(MonitorResult result, ScorecardModel model) {
        this.r = result;
        this.model = model;
    }

    /**
     * @param result what monitoring found
     * @param model the model monitored, whose baseline the result was measured against
     * @return the report
     */
    public static Document build(MonitorResult result, ScorecardModel model) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(model, "model");
        return new MonitorReport(result, model).document();
    }

    private Document document() {
        List<Section> sections = new ArrayList<>();
        sections.add(summary());
        sections.add(score());
        sections.add(characteristics());
        sections.add(nonModel());
        r.performance().ifPresent(p -> sections.add(performance(p)));
        if (!r.periods().isEmpty()) {
            sections.add(periods());
        }
        sections.add(modelSection());
        return new Document("Scorecard monitoring: " + model.name(), r.data() + " against the training baseline",
                List.of(new KeyValue("model", model.name() + " (" + model.createdWith() + ")"),
                        new KeyValue("current data", r.data()),
                        new KeyValue("level", r.worstLevel().name())),
                sections);
    }

    private Section summary() {
        StabilityReport s = r.overall();
        DriftLevel worst = r.worstLevel();
        List<Block> blocks = new ArrayList<>();
        blocks.add(verdict(worst));
        List<KeyValue> kv = new ArrayList<>();
        kv.add(new KeyValue("current data", r.data()));
        kv.add(new KeyValue("rows read", Figures.count(r.rowsRead())));
        kv.add(new KeyValue("rows rejected", Figures.count(r.rowsRejected())));
        kv.add(new KeyValue("score PSI", Figures.metric(s.scorePsi().value()) + " (" + StabilityBlocks.levelCell(s.scoreLevel())
                + ")"));
        kv.add(new KeyValue("highest CSI", EvaluationReport.worstCsi(s)));
        kv.add(new KeyValue("highest non-model CSI", r.nonModel().map(n -> n.worst()
                .map(c -> c.name() + " " + Figures.metric(c.csi().value()) + " (" + StabilityBlocks.levelCell(c.level()) + ")")
                .orElse(Figures.NONE)).orElse("unavailable for this model (retrain to get it)")));
        kv.add(new KeyValue("alerting on", r.alertOn() == AlertOn.ALL
                ? "every measure, the non-model CSI included (--alert-on all)"
                : "the score PSI and the characteristics' CSI (--alert-on model)"));
        kv.add(new KeyValue("thresholds", StabilityBlocks.thresholds(s.thresholds())));
        r.performance().ifPresent(p -> kv.add(new KeyValue("AUC now / at training", Figures.metric(p.auc()) + " / "
                + Figures.metric(p.trainingAuc()))));
        r.byColumn().ifPresent(c -> kv.add(new KeyValue("periods", r.periods().size() + " values of " + c
                + r.byCharacteristic().map(b -> " (" + b + " left out of their CSI)").orElse(""))));
        blocks.add(new KeyValueList(kv));
        return new Section(ids.fixed("summary"), "Summary", "", blocks);
    }

    private Verdict verdict(DriftLevel worst) {
        StabilityReport s = r.overall();
        List<String> lines = new ArrayList<>();
        for (DriftLevel level : new DriftLevel[] {DriftLevel.ALERT, DriftLevel.WARN}) {
            if (s.scoreLevel() == level) {
                lines.add(level.name() + ": score PSI " + Figures.metric(s.scorePsi().value()));
            }
            for (CharacteristicDrift c : s.characteristics()) {
                if (c.level() == level) {
                    lines.add(level.name() + ": " + c.name() + " CSI " + Figures.metric(c.csi().value()));
                }
            }
        }
        for (Period p : r.periods()) {
            DriftLevel pl = p.stability().worstLevel();
            if (pl != DriftLevel.STABLE && pl.compareTo(s.worstLevel()) > 0) {
                lines.add(pl.name() + " in period " + p.label() + ": " + measures(p.stability()));
            }
        }
        // Drift outside the model is always listed; whether it sets the outcome is --alert-on's choice.
        String counts = r.alertOn() == AlertOn.ALL ? "" : " (not in the model; alerts only with --alert-on all)";
        r.nonModel().ifPresent(n -> {
            for (DriftLevel level : new DriftLevel[] {DriftLevel.ALERT, DriftLevel.WARN}) {
                for (CandidateDrift c : n.variables()) {
                    if (c.level() == level) {
                        lines.add(level.name() + ": " + c.name() + " CSI " + Figures.metric(c.csi().value()) + counts);
                    }
                }
            }
        });
        DriftLevel overallOutside = r.nonModel().map(NonModelDrift::worstLevel).orElse(DriftLevel.STABLE);
        for (Period p : r.periods()) {
            Optional<CandidateDrift> w = p.nonModel().flatMap(NonModelDrift::worst);
            if (w.isPresent() && w.get().level() != DriftLevel.STABLE && w.get().level().compareTo(overallOutside) > 0) {
                lines.add(w.get().level().name() + " in period " + p.label() + ": highest non-model CSI " + w.get().name()
                        + " " + Figures.metric(w.get().csi().value()) + counts);
            }
        }
        return switch (worst) {
            case STABLE -> new Verdict(Verdict.Outcome.PASS, "Stable: no drift at or above the warning level ("
                    + Figures.fixed(s.thresholds().warn(), 2) + ")", lines);
            case WARN -> new Verdict(Verdict.Outcome.WARN, "Drift warning: " + names(DriftLevel.WARN)
                    + " at or above " + Figures.fixed(s.thresholds().warn(), 2), lines);
            case ALERT -> new Verdict(Verdict.Outcome.FAIL, "Drift alert: " + names(DriftLevel.ALERT)
                    + " at or above " + Figures.fixed(s.thresholds().alert(), 2), lines);
        };
    }

    /**
     * @return e.g. "score PSI 0.0213 (stable), highest CSI euribor3m 0.3100 (alert)": each measure with
     *     its own level, so that the period's level is not read as the score's
     */
    static String measures(StabilityReport s) {
        return "score PSI " + Figures.metric(s.scorePsi().value()) + " (" + StabilityBlocks.levelCell(s.scoreLevel())
                + "), highest CSI " + EvaluationReport.worstCsi(s) + s.worstCharacteristic()
                        .map(c -> " (" + StabilityBlocks.levelCell(c.level()) + ")").orElse("");
    }

    /** @return what reached the level overall (or, failing that, in some period), e.g. "score, duration" */
    private String names(DriftLevel level) {
        List<String> names = names(r.overall(), outside(r.nonModel()), level);
        if (names.isEmpty()) {
            for (Period p : r.periods()) {
                for (String n : names(p.stability(), outside(p.nonModel()), level)) {
                    String withPeriod = n + " (" + p.label() + ")";
                    if (!names.contains(withPeriod)) {
                        names.add(withPeriod);
                    }
                }
            }
        }
        return String.join(", ", names);
    }

    /** @return the non-model variables when they count toward the level, otherwise none */
    private List<CandidateDrift> outside(Optional<NonModelDrift> nonModel) {
        return r.alertOn() == AlertOn.ALL ? nonModel.map(NonModelDrift::variables).orElse(List.of()) : List.of();
    }

    private static List<String> names(StabilityReport s, List<CandidateDrift> outside, DriftLevel level) {
        List<String> names = new ArrayList<>();
        if (s.scoreLevel() == level) {
            names.add("score");
        }
        s.characteristics().stream().filter(c -> c.level() == level).forEach(c -> names.add(c.name()));
        outside.stream().filter(c -> c.level() == level).forEach(c -> names.add(c.name() + " (non-model)"));
        return names;
    }

    private Section score() {
        StabilityReport s = r.overall();
        return new Section(ids.fixed("score"), "Score stability", "The current scores in the training baseline's "
                + s.scorePsi().bins().size() + " score bins (deciles of the training scores).",
                List.of(StabilityBlocks.scorePsiTable(s, model.baseline()),
                        StabilityBlocks.scoreShareChart(s, model.baseline(), "current")));
    }

    private Section characteristics() {
        StabilityReport s = r.overall();
        List<Section> subs = new ArrayList<>();
        for (int k = 0; k < s.characteristics().size(); k++) {
            CharacteristicDrift c = s.characteristics().get(k);
            List<Block> blocks = new ArrayList<>();
            blocks.add(StabilityBlocks.characteristicBins(c, StabilityJson.baselineShares(model.baseline(), k, c)));
            if (c.currentWoe().isPresent()) {
                blocks.add(StabilityBlocks.woeChart(c));
            }
            String intro = "CSI " + Figures.metric(c.csi().value()) + " (" + StabilityBlocks.levelCell(c.level())
                    + "); missing " + Figures.percent(c.baselineMissingShare()) + " in training, "
                    + Figures.percent(c.missingShare()) + " now; " + Figures.count(c.unseen()) + " rows with a level "
                    + "never seen in training" + c.maxWoeShift().map(w -> "; largest WOE shift " + Figures.metric(w))
                            .orElse("") + ".";
            subs.add(new Section(ids.of("drift", c.name()), c.name(), intro, blocks));
        }
        String intro = "Each characteristic's bins now against training. The WOE shift needs the target in the "
                + "current data" + (s.characteristics().stream().anyMatch(c -> c.currentWoe().isPresent()) ? "."
                        : ", which it does not have, so it is not shown.");
        return new Section(ids.fixed("characteristics"), "Characteristic stability", intro,
                List.of(StabilityBlocks.csiTable(s), StabilityBlocks.csiChart(s)), subs);
    }

    private Section nonModel() {
        String id = ids.fixed("non-model");
        String title = "Variables outside the model";
        if (r.nonModel().isEmpty()) {
            String note = MonitorResult.NON_MODEL_UNAVAILABLE;
            return new Section(id, title, Character.toUpperCase(note.charAt(0)) + note.substring(1) + ".", List.of());
        }
        NonModelDrift n = r.nonModel().get();
        DriftThresholds t = r.overall().thresholds();
        String intro = "The candidates that training binned but the model does not use, against the training "
                + "distribution the model file keeps of them, by CSI from the highest. They do not move the score: a "
                + "shift here is a change in the population that the model cannot see. "
                + (r.alertOn() == AlertOn.ALL ? "They count toward the alert (--alert-on all)."
                        : "They count toward the alert only with --alert-on all.")
                + (n.absent().isEmpty() ? "" : " Not in the current file: " + String.join(", ", n.absent()) + ".");
        if (n.variables().isEmpty()) {
            return new Section(id, title, intro, List.of());
        }
        List<Table.Row> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] csi = new double[n.variables().size()];
        List<Section> subs = new ArrayList<>();
        for (int k = 0; k < csi.length; k++) {
            CandidateDrift c = n.variables().get(k);
            names.add(c.name());
            csi[k] = c.csi().value();
            rows.add(Table.Row.flagged(StabilityBlocks.status(c.level()), c.name(), Figures.metric(c.csi().value()),
                    StabilityBlocks.levelCell(c.level()), Figures.percent(c.baselineMissingShare()),
                    Figures.percent(c.missingShare()), Figures.count(c.unseen()), Figures.count(c.notNumbers())));
            // Bins only where there is something to see: the table above says the rest are stable.
            if (c.level() != DriftLevel.STABLE) {
                subs.add(new Section(ids.of("outside", c.name()), c.name(), "CSI " + Figures.metric(c.csi().value())
                        + " (" + StabilityBlocks.levelCell(c.level()) + "); not in the model.", List.of(candidateBins(c))));
            }
        }
        Table table = new Table("CSI per variable outside the model (" + StabilityBlocks.thresholds(t) + ")",
                List.of(Table.Column.left("variable"), Table.Column.right("CSI"), Table.Column.left("level"),
                        Table.Column.right("missing (train)"), Table.Column.right("missing (now)"),
                        Table.Column.right("unseen"), Table.Column.right("not numbers")),
                rows);
        BarChart chart = new BarChart("CSI per variable outside the model", "variable", names, Axis.from("CSI", 0),
                List.of(ValueSeries.of("CSI", csi)), Axis.auto(""), List.of(),
                List.of(Marker.horizontal(t.warn(), "warn"), Marker.horizontal(t.alert(), "alert")));
        return new Section(id, title, intro, List.of(table, chart), subs);
    }

    private static Table candidateBins(CandidateDrift c) {
        List<PsiResult.Bin> bins = c.csi().bins();
        List<Table.Row> rows = new ArrayList<>();
        for (int b = 0; b < c.binLabels().size(); b++) {
            double expected = c.trainingShares().get(b);
            double actual = b < bins.size() ? bins.get(b).actualShare() : Double.NaN;
            rows.add(Table.Row.of(c.binLabels().get(b), Figures.percent(expected), Figures.percent(actual),
                    StabilityBlocks.signed(100 * (actual - expected), 1),
                    Figures.metric(b < bins.size() ? bins.get(b).contribution() : Double.NaN)));
        }
        return new Table("Bins of " + c.name() + ": training vs now", List.of(Table.Column.left("bin"),
                Table.Column.right("training share"), Table.Column.right("current share"),
                Table.Column.right("change (pp)"), Table.Column.right("CSI contribution")), rows);
    }

    private Section performance(Performance p) {
        List<Table.Row> rows = List.of(
                Table.Row.of("AUC", Figures.metric(p.trainingAuc()), Figures.metric(p.auc()),
                        StabilityBlocks.signed(p.auc() - p.trainingAuc(), 4)),
                Table.Row.of("KS", Figures.metric(p.trainingKs()), Figures.metric(p.ks()),
                        StabilityBlocks.signed(p.ks() - p.trainingKs(), 4)),
                Table.Row.of("event rate", Figures.percent(p.trainingEventRate()), Figures.percent(p.eventRate()),
                        StabilityBlocks.signed(100 * (p.eventRate() - p.trainingEventRate()), 1) + " pp"));
        return new Section(ids.fixed("performance"), "Performance against training", Figures.count(p.rows())
                + " current rows with a known outcome, " + Figures.count(p.events()) + " events (" + model.event() + ").",
                List.of(new Table("Current against training", List.of(Table.Column.left("metric"),
                        Table.Column.right("training"), Table.Column.right("current"), Table.Column.right("change")),
                        rows)));
    }

    private Section periods() {
        List<String> labels = new ArrayList<>();
        double[] psi = new double[r.periods().size()];
        double[] csi = new double[psi.length];
        double[] outside = new double[psi.length];
        List<Table.Row> rows = new ArrayList<>();
        boolean auc = r.periods().stream().anyMatch(p -> p.performance().isPresent());
        boolean nonModel = r.nonModel().isPresent();
        for (int i = 0; i < psi.length; i++) {
            Period p = r.periods().get(i);
            StabilityReport s = p.stability();
            labels.add(p.label());
            psi[i] = s.scorePsi().value();
            csi[i] = s.worstCharacteristic().map(c -> c.csi().value()).orElse(0.0);
            // One level per measure: a single "level" column beside the score PSI read as the score's level
            // when it was a characteristic's.
            List<String> cells = new ArrayList<>(List.of(p.label(), Figures.count(p.rows()), Figures.metric(psi[i]),
                    StabilityBlocks.levelCell(s.scoreLevel()), EvaluationReport.worstCsi(s),
                    s.worstCharacteristic().map(c -> StabilityBlocks.levelCell(c.level())).orElse(Figures.NONE)));
            Optional<CandidateDrift> w = p.nonModel().flatMap(NonModelDrift::worst);
            outside[i] = w.map(c -> c.csi().value()).orElse(0.0);
            if (nonModel) {
                cells.add(w.map(c -> c.name() + " " + Figures.metric(c.csi().value())).orElse(Figures.NONE));
                cells.add(w.map(c -> StabilityBlocks.levelCell(c.level())).orElse(Figures.NONE));
            }
            if (auc) {
                cells.add(p.performance().map(Performance::auc).map(Figures::metric).orElse(Figures.NONE));
            }
            rows.add(new Table.Row(cells, StabilityBlocks.status(p.worstLevel(r.alertOn()))));
        }
        List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.left(r.byColumn().orElse("period")),
                Table.Column.right("rows"), Table.Column.right("score PSI"), Table.Column.left("score level"),
                Table.Column.left("highest CSI"), Table.Column.left("CSI level")));
        if (nonModel) {
            columns.add(Table.Column.left("highest non-model CSI"));
            columns.add(Table.Column.left("non-model level"));
        }
        if (auc) {
            columns.add(Table.Column.right("AUC"));
        }
        StabilityReport o = r.overall();
        List<ValueSeries> series = new ArrayList<>(List.of(ValueSeries.of("score PSI", psi),
                ValueSeries.of("highest CSI", csi)));
        if (nonModel) {
            series.add(ValueSeries.of("highest non-model CSI", outside));
        }
        // Periods are categories (months, cohorts), which a line chart's numeric x axis cannot label,
        // so the trend is drawn as bars with the thresholds as reference lines.
        BarChart chart = new BarChart("Score PSI and highest CSI per " + r.byColumn().orElse("period"),
                r.byColumn().orElse("period"), labels, Axis.from("PSI / CSI", 0),
                series, Axis.auto(""), List.of(),
                List.of(Marker.horizontal(o.thresholds().warn(), "warn"), Marker.horizontal(o.thresholds().alert(), "alert")));
        return new Section(ids.fixed("periods"), "Periods", "Drift of each value of " + r.byColumn().orElse("the period column")
                + " against the training baseline." + r.periodNote().map(n -> " Note: " + n + ".").orElse(""),
                List.of(chart, new Table("Per period", columns, rows)));
    }

    private Section modelSection() {
        Optional<String> trainMetrics = model.metrics().stream().filter(m -> m.split().equals("test")).findFirst()
                .or(() -> model.metrics().stream().findFirst())
                .map(m -> m.split() + ": AUC " + Figures.metric(m.auc()) + ", KS " + Figures.metric(m.ks()));
        List<KeyValue> kv = new ArrayList<>();
        kv.add(new KeyValue("model name", model.name()));
        kv.add(new KeyValue("created with", model.createdWith()));
        kv.add(new KeyValue("target", model.target() + " (event: " + model.event() + ")"));
        kv.add(new KeyValue("training data", model.provenance().dataFile() + " (SHA-256 " + model.provenance().dataSha256()
                + ")"));
        kv.add(new KeyValue("training rows", Figures.count(model.provenance().trainRows())));
        trainMetrics.ifPresent(m -> kv.add(new KeyValue("metrics at training", m)));
        kv.add(new KeyValue("characteristics", String.join(", ", model.characteristics().stream()
                .map(c -> c.name()).toList())));
        return new Section(ids.fixed("model"), "Model", "The model monitored; its training baseline is stored in the "
                + "model file.", List.of(new KeyValueList(kv)));
    }
}
