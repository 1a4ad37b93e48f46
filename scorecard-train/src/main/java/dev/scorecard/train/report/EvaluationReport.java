package dev.scorecard.train.report;

import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.core.model.Provenance;
import dev.scorecard.core.model.ScorecardModel;
import dev.scorecard.core.model.SplitMetrics;
import dev.scorecard.core.model.Coefficient;
import dev.scorecard.core.model.ScalingOptions;
import dev.scorecard.core.model.ScoreDirection;
import dev.scorecard.train.challenger.ChallengerFit;
import dev.scorecard.train.config.ConfigYaml;
import dev.scorecard.train.challenger.ChallengerKind;
import dev.scorecard.train.trainer.CvResult;
import dev.scorecard.train.trainer.CvTrial;
import dev.scorecard.train.eval.DriftLevel;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.GateResult;
import dev.scorecard.train.eval.StabilityReport;
import dev.scorecard.train.report.html.Block;
import dev.scorecard.train.report.html.Document;
import dev.scorecard.train.report.html.KeyValue;
import dev.scorecard.train.report.html.KeyValueList;
import dev.scorecard.train.report.html.Paragraph;
import dev.scorecard.train.report.html.Preformatted;
import dev.scorecard.train.report.html.Section;
import dev.scorecard.train.report.html.Status;
import dev.scorecard.train.report.html.Table;
import dev.scorecard.train.report.html.Verdict;
import dev.scorecard.train.select.SelectionRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The evaluation report of SPEC §8 as an HTML {@link Document}: what an analyst reads before a
 * scorecard goes live. Sections, in order: summary (the go-live verdict when gates are set, the
 * data, headline metrics per evaluation and the challenger), the points table, the coefficients,
 * the variable selection ({@code train} only), the characteristics' bins, performance per
 * evaluation (ROC, KS, gains and lift, the cut-off table, score distribution, grades, calibration),
 * stability against the training baseline, and provenance. Render it with
 * {@link dev.scorecard.train.report.html.HtmlRenderer}.
 *
 * <p>Numbers are written with fixed decimals in {@code Locale.ROOT}: AUC, KS, Gini, PSI and CSI
 * with four, shares and rates as percentages with one. The document depends only on the input, so
 * the same input gives the same page. Stateless and thread-safe.
 */
public final class EvaluationReport {
    /** A fall in AUC from the first evaluation to the gated one above which the summary points it out. */
    private static final double OVERFIT_AUC_DROP = 0.05;

    private final ReportInput in;
    private final ScorecardModel model;
    private final SectionIds ids = new SectionIds();

    private EvaluationReport(ReportInput in) {
        this.in = in;
        this.model = in.model();
    }

    /**
     * @param input what to report
     * @return the report
     */
    public static Document build(ReportInput input) {
        Objects.requireNonNull(input, "input");
        return new EvaluationReport(input).document();
    }

    private Document document() {
        List<Section> sections = new ArrayList<>();
        sections.add(summary());
        sections.add(points());
        sections.add(coefficients());
        if (!in.selection().isEmpty()) {
            sections.add(selection());
        }
        in.cv().ifPresent(cv -> sections.add(crossValidation(cv)));
        CharacteristicSections characteristics = new CharacteristicSections(model, in.selection(), ids);
        String charId = ids.fixed("characteristics");
        sections.add(in.variables().isEmpty() ? characteristics.modelCharacteristics(charId, in.gated())
                : characteristics.candidates(charId, in.variables()));
        sections.add(performance());
        sections.add(stability());
        sections.add(provenance());
        List<KeyValue> meta = new ArrayList<>();
        meta.add(new KeyValue("model", model.name() + " (" + model.createdWith() + ")"));
        meta.add(new KeyValue("data", in.dataFile() + in.testFile().map(t -> ", test file " + t).orElse("")));
        meta.add(new KeyValue("target", model.target() + " = " + model.event() + " is the event; a higher score means "
                + (direction() == ScoreDirection.EVENT ? "more likely " : "less likely ") + model.event()));
        if (!in.gates().isEmpty()) {
            meta.add(new KeyValue("go-live gates", in.gatesPassed() ? "PASS" : "FAIL"));
        }
        // The training report and an evaluation's look alike; the title says which one this is.
        String title = (in.command().equals("train") ? "Training report: " : "Evaluation report: ") + model.name();
        return new Document(title, "scorecard " + in.command() + " \u2014 "
                + in.evaluations().stream().map(e -> e.name() + " (" + Figures.count(e.rows()) + " rows)")
                        .collect(Collectors.joining(", ")), meta, sections);
    }

    private ScoreDirection direction() {
        return model.scaling().higherScoreMeans();
    }

    // ---------------------------------------------------------------- summary

    private Section summary() {
        List<Block> blocks = new ArrayList<>();
        Evaluation gated = in.gated();
        if (in.gates().isEmpty()) {
            blocks.add(new Paragraph("No go-live gates are set. Set them in the config (e.g. gates: {minAuc: 0.70, "
                    + "minKs: 0.30, maxPsi: 0.10}) to have this report say PASS or FAIL."));
        } else {
            blocks.add(verdict(gated));
            blocks.add(gateTable());
        }
        List<KeyValue> data = new ArrayList<>();
        data.add(new KeyValue("data file", in.dataFile()));
        in.testFile().ifPresent(t -> data.add(new KeyValue("test file", t)));
        data.add(new KeyValue("rows read", Figures.count(in.rowsRead())));
        data.add(new KeyValue("rows rejected", Figures.count(in.rowsRejected())
                + (in.rowsRead() > 0 ? " (" + Figures.percent((double) in.rowsRejected() / in.rowsRead()) + ")" : "")));
        data.add(new KeyValue("rows evaluated", in.evaluations().stream()
                .map(e -> e.name() + " " + Figures.count(e.rows())).collect(Collectors.joining(" \u00b7 "))));
        data.add(new KeyValue("event rate (" + model.event() + ")", in.evaluations().stream()
                .map(e -> e.name() + " " + Figures.percent(e.eventRate())).collect(Collectors.joining(" \u00b7 "))));
        data.add(new KeyValue("characteristics", model.characteristics().size() + (in.variables().isEmpty() ? ""
                : " of " + in.variables().size() + " candidate variables")));
        blocks.add(new KeyValueList(data));
        blocks.add(metricsTable());
        Evaluation first = in.evaluations().get(0);
        if (first != gated && first.auc() - gated.auc() > OVERFIT_AUC_DROP) {
            blocks.add(new Paragraph("The AUC falls by " + Figures.metric(first.auc() - gated.auc()) + " from "
                    + first.name() + " to " + gated.name() + ": the model ranks the rows it was fitted on markedly better "
                    + "than new ones, so judge it on " + gated.name() + "."));
        }
        in.challenger().ifPresent(c -> blocks.add(new Paragraph(challengerSentence(c, gated))));
        StabilityReport s = gated.stability();
        if (s.worstLevel() != DriftLevel.STABLE) {
            List<String> drifted = new ArrayList<>();
            if (s.scoreLevel() != DriftLevel.STABLE) {
                drifted.add("the score (PSI " + Figures.metric(s.scorePsi().value()) + ")");
            }
            s.characteristics().stream().filter(c -> c.level() != DriftLevel.STABLE)
                    .forEach(c -> drifted.add(c.name() + " (CSI " + Figures.metric(c.csi().value()) + ")"));
            blocks.add(new Paragraph("Stability: the " + gated.name() + " rows have drifted from the training baseline "
                    + "at level " + s.worstLevel().name() + ": " + String.join(", ", drifted) + ". See Stability."));
        }
        return new Section(ids.fixed("summary"), "Summary", "", blocks);
    }

    private Verdict verdict(Evaluation gated) {
        List<GateResult> failed = in.gates().stream().filter(g -> !g.passed()).toList();
        if (failed.isEmpty()) {
            return new Verdict(Verdict.Outcome.PASS, "All " + in.gates().size() + " go-live gates passed on the "
                    + gated.name() + " rows", List.of());
        }
        List<String> lines = new ArrayList<>();
        for (GateResult g : failed) {
            lines.add(describe(g));
        }
        return new Verdict(Verdict.Outcome.FAIL, failed.size() + " of " + in.gates().size()
                + " go-live gates failed on the " + gated.name() + " rows", lines);
    }

    /** @return e.g. {@code minAuc: 0.6812 is below the minimum 0.7000} */
    static String describe(GateResult g) {
        boolean max = g.gate().startsWith("max");
        return g.gate() + ": " + Figures.metric(g.actual()) + (g.passed() ? (max ? " is within the maximum "
                : " meets the minimum ") : (max ? " is above the maximum " : " is below the minimum "))
                + Figures.metric(g.threshold());
    }

    private Table gateTable() {
        List<Table.Row> rows = new ArrayList<>();
        for (GateResult g : in.gates()) {
            rows.add(Table.Row.flagged(g.passed() ? Status.OK : Status.FAIL, g.gate(), Figures.metric(g.threshold()),
                    Figures.metric(g.actual()), g.passed() ? "pass" : "FAIL"));
        }
        return new Table("Go-live gates on the " + in.gated().name() + " rows", List.of(Table.Column.left("gate"),
                Table.Column.right("threshold"), Table.Column.right("actual"), Table.Column.left("result")), rows);
    }

    private Table metricsTable() {
        List<Table.Row> rows = new ArrayList<>();
        for (Evaluation e : in.evaluations()) {
            StabilityReport s = e.stability();
            rows.add(Table.Row.of(e.name(), Figures.count(e.rows()), Figures.count(e.events()),
                    Figures.percent(e.eventRate()), Figures.metric(e.auc()), Figures.metric(e.ks().ks()),
                    Figures.points(e.ksScore()), Figures.metric(e.gini()),
                    Figures.metric(s.scorePsi().value()) + " (" + StabilityBlocks.levelCell(s.scoreLevel()) + ")"));
        }
        if (!in.command().equals("train")) { // beside what the model achieved when it was trained
            for (SplitMetrics m : model.metrics()) {
                rows.add(Table.Row.of(m.split() + " at training", Figures.count(m.rows()), Figures.count(m.events()),
                        m.rows() == 0 ? Figures.NONE : Figures.percent((double) m.events() / m.rows()),
                        Figures.metric(m.auc()), Figures.metric(m.ks()), Figures.NONE, Figures.metric(m.gini()),
                        Figures.NONE));
            }
        }
        in.challenger().ifPresent(c -> rows.add(Table.Row.of("challenger " + c.kind().configName() + " ("
                + in.gated().name() + ")", Figures.count(in.gated().rows()), Figures.count(in.gated().events()),
                Figures.percent(in.gated().eventRate()), Figures.metric(c.testAuc()), Figures.metric(c.testKs().ks()),
                Figures.NONE, Figures.metric(c.testGini()), Figures.NONE)));
        return new Table("Headline metrics", List.of(Table.Column.left("evaluation"), Table.Column.right("rows"),
                Table.Column.right("events"), Table.Column.right("event rate"), Table.Column.right("AUC"),
                Table.Column.right("KS"), Table.Column.right("KS at score"), Table.Column.right("Gini"),
                Table.Column.right("score PSI")), rows);
    }

    /** @return e.g. "A gradient-boosted model on the same rows reaches AUC 0.79; the scorecard gives up 0.01 …" */
    static String challengerSentence(ChallengerFit c, Evaluation gated) {
        String what = c.kind() == ChallengerKind.GBM ? "A gradient-boosted model" : "A random forest";
        double gap = c.testAuc() - gated.auc();
        String head = what + " (" + c.kind().configName() + ", " + c.features().size() + " raw features) on the same "
                + gated.name() + " rows reaches AUC " + Figures.metric(c.testAuc()) + " (KS " + Figures.metric(c.testKs().ks())
                + "; " + Figures.metric(c.trainAuc()) + " on its own training rows)";
        if (gap > 0) {
            return head + "; the scorecard, at AUC " + Figures.metric(gated.auc()) + ", gives up " + Figures.metric(gap)
                    + " of AUC for interpretability.";
        }
        return head + "; the scorecard, at AUC " + Figures.metric(gated.auc()) + ", does as well or better (by "
                + Figures.metric(-gap) + "), so interpretability costs nothing here.";
    }

    // ---------------------------------------------------------------- the model

    private Section points() {
        ScalingOptions sc = model.scaling();
        List<Table.Row> rows = new ArrayList<>();
        rows.add(Table.Row.flagged(Status.OK, "(base points)", "", "", "", "", Figures.points(model.basePoints())));
        double min = model.basePoints();
        double max = model.basePoints();
        boolean oneNeutral = model.characteristics().stream().mapToDouble(Characteristic::neutralPoints).distinct()
                .count() <= 1;
        for (Characteristic c : model.characteristics()) {
            double lo = c.neutralPoints();
            double hi = c.neutralPoints();
            boolean first = true;
            for (ModelBin b : c.bins()) {
                rows.add(Table.Row.of(first ? c.name() : "", BinText.full(b.label(), b.kind(), b.categories()),
                        Figures.count(b.count()), Double.isNaN(b.eventRate()) ? Figures.NONE : Figures.percent(b.eventRate()),
                        Figures.fixed(b.woe(), 4), Figures.points(b.points())));
                first = false;
                lo = Math.min(lo, b.points());
                hi = Math.max(hi, b.points());
            }
            if (!oneNeutral) {
                rows.add(Table.Row.of("", "(no bin: missing or unseen value)", "", "", Figures.fixed(0, 4),
                        Figures.points(c.neutralPoints())));
            }
            min += lo;
            max += hi;
        }
        boolean up = sc.higherScoreMeans() == ScoreDirection.EVENT;
        String intro = "A row's score is the base points plus, for each characteristic, the points of the bin its "
                + "value falls in" + (oneNeutral && !model.characteristics().isEmpty() ? "; a missing or unseen value "
                        + "without a bin of its own gets " + Figures.points(model.characteristics().get(0).neutralPoints())
                        + " points (WOE 0)" : "")
                + ". A higher score means " + (up ? "more" : "less") + " likely " + model.event() + ": "
                + Figures.points(sc.basePoints()) + " points where the odds " + (up ? "of " : "against ") + model.event()
                + " are " + Figures.points(sc.baseOdds()) + " to 1, and every " + Figures.points(sc.pdo())
                + " points double them. Scores run from " + Figures.points(min) + " to " + Figures.points(max) + ". Count "
                + "and event rate are those of the training rows in each bin.";
        return new Section(ids.fixed("scorecard"), "Scorecard points", intro, List.of(new Table("Points table",
                List.of(Table.Column.left("characteristic"), Table.Column.left("bin"), Table.Column.right("count"),
                        Table.Column.right("event rate"), Table.Column.right("WOE"), Table.Column.right("points")),
                rows)));
    }

    private Section coefficients() {
        List<Table.Row> rows = new ArrayList<>();
        for (Coefficient c : model.coefficients()) {
            rows.add(Table.Row.of(c.name(), Figures.fixed(c.estimate(), 4), Figures.fixed(c.standardError(), 4),
                    Figures.fixed(c.z(), 2), Figures.pValue(c.pValue())));
        }
        return new Section(ids.fixed("coefficients"), "Coefficients", "The logistic regression of the event on each "
                + "characteristic's WOE. With WOE positive for more events, every coefficient should be positive.",
                List.of(new Table("Logistic regression", List.of(Table.Column.left("variable"),
                        Table.Column.right("estimate"), Table.Column.right("std. error"), Table.Column.right("z"),
                        Table.Column.right("p-value")), rows)));
    }

    private Section selection() {
        List<Table.Row> rows = new ArrayList<>();
        long selected = 0;
        for (SelectionRow r : in.selection()) {
            selected += r.selected() ? 1 : 0;
            rows.add(new Table.Row(List.of(r.variable(), Figures.metric(r.iv()), r.selected() ? "selected" : "removed",
                    r.step(), r.reason()), r.selected() ? Status.OK : Status.NONE));
        }
        return new Section(ids.fixed("selection"), "Variable selection", selected + " of " + in.selection().size()
                + " candidate variables were selected; each removed one names the step and the values compared.",
                List.of(new Table("Selection", List.of(Table.Column.left("variable"), Table.Column.right("IV"),
                        Table.Column.left("status"), Table.Column.left("step"), Table.Column.left("reason")), rows)));
    }

    private Section crossValidation(CvResult cv) {
        List<Table.Row> rows = new ArrayList<>();
        for (CvTrial t : cv.trials()) {
            rows.add(new Table.Row(List.of(t.knob(), DoubleFormat.format(t.minBinShare()), DoubleFormat.format(t.l2()),
                    DoubleFormat.format(t.maxCorrelation()), t.failure().isPresent() ? "\u2014" : Figures.metric(t.meanAuc()),
                    t.failure().isPresent() ? "\u2014" : Figures.metric(t.sdAuc()),
                    t.chosen() ? "chosen" : t.failure().orElse("")), t.chosen() ? Status.OK : Status.NONE));
        }
        return new Section(ids.fixed("cross-validation"), "Cross-validation", cv.folds() + "-fold cross-validation of "
                + "the training rows chose minBinShare " + DoubleFormat.format(cv.minBinShare()) + ", l2 "
                + DoubleFormat.format(cv.l2()) + " and maxCorrelation " + DoubleFormat.format(cv.maxCorrelation())
                + ": one knob at a time, in this order, each setting fitted from binning to regression on the other "
                + "folds and scored by its mean held-out AUC. The test rows took no part.",
                List.of(new Table("Settings tried", List.of(Table.Column.left("varied"), Table.Column.right("minBinShare"),
                        Table.Column.right("l2"), Table.Column.right("maxCorrelation"), Table.Column.right("mean AUC"),
                        Table.Column.right("sd"), Table.Column.left("")), rows)));
    }

    // ---------------------------------------------------------------- performance and stability

    private Section performance() {
        String id = ids.fixed("performance");
        PerformanceSections p = new PerformanceSections(model, ids);
        List<Section> subs = new ArrayList<>();
        int last = in.evaluations().size() - 1;
        for (int i = 0; i <= last; i++) {
            Section s = p.of(in.evaluations().get(i), !in.gates().isEmpty() && i == last);
            // The last evaluation is the one judged (test, or the file evaluated); the others fold away.
            subs.add(i == last ? s : s.folded());
        }
        return new Section(id, "Performance", "AUC, KS and the curves use the event probability; gains, grades and the "
                + "score distribution use the score.", List.of(), subs);
    }

    private Section stability() {
        Evaluation gated = in.gated();
        StabilityReport s = gated.stability();
        List<Block> blocks = new ArrayList<>();
        if (in.evaluations().size() > 1) {
            List<Table.Row> rows = new ArrayList<>();
            for (Evaluation e : in.evaluations()) {
                StabilityReport st = e.stability();
                rows.add(Table.Row.flagged(StabilityBlocks.status(st.worstLevel()), e.name(),
                        Figures.metric(st.scorePsi().value()), StabilityBlocks.levelCell(st.scoreLevel()),
                        worstCsi(st), StabilityBlocks.levelCell(st.worstLevel())));
            }
            blocks.add(new Table("Stability per evaluation", List.of(Table.Column.left("evaluation"),
                    Table.Column.right("score PSI"), Table.Column.left("score level"),
                    Table.Column.left("highest CSI"), Table.Column.left("worst level")), rows));
        }
        blocks.add(StabilityBlocks.scorePsiTable(s, model.baseline()));
        blocks.add(StabilityBlocks.scoreShareChart(s, model.baseline(), gated.name()));
        blocks.add(StabilityBlocks.csiTable(s));
        String intro = "The " + gated.name() + " rows against the training baseline stored in the model: score PSI "
                + Figures.metric(s.scorePsi().value()) + " (" + StabilityBlocks.levelCell(s.scoreLevel()) + ") over the "
                + s.scorePsi().bins().size() + " baseline score bins, and CSI per characteristic ("
                + StabilityBlocks.thresholds(s.thresholds()) + ")."
                + (in.command().equals("train") ? " The training rows are the baseline, so their PSI is 0 by construction."
                        : "");
        return new Section(ids.fixed("stability"), "Stability", intro, blocks);
    }

    static String worstCsi(StabilityReport s) {
        return s.worstCharacteristic().map(c -> c.name() + " " + Figures.metric(c.csi().value())).orElse(Figures.NONE);
    }

    /** The effective configuration as a file {@code --config} takes back, folded: few read it, some copy it. */
    private Section configuration(Provenance p) {
        String yaml;
        try {
            yaml = ConfigYaml.of(p.config(), model.missingValues());
        } catch (IllegalArgumentException notJson) { // a model file written by hand or by another tool
            return new Section(ids.fixed("configuration"), "Effective configuration", "As recorded in the model file.",
                    List.of(new Preformatted("", p.config()))).folded();
        }
        String text = "# The effective configuration of " + model.name() + ", as " + model.createdWith() + " trained it.\n"
                + "# Train again with it: scorecard train --data " + p.dataFile() + " --config config.yaml --out DIR\n"
                + yaml;
        return new Section(ids.fixed("configuration"), "Effective configuration", "Every setting the model was trained "
                + "with, defaults included, as YAML that train's --config reads back: on the same data it gives the same "
                + "model.", List.of(new Preformatted("config.yaml", text))).folded();
    }

    private Section provenance() {
        Provenance p = model.provenance();
        List<KeyValue> kv = new ArrayList<>();
        kv.add(new KeyValue("model name", model.name()));
        kv.add(new KeyValue("created with", model.createdWith()));
        kv.add(new KeyValue("target", model.target() + " (event: " + model.event() + ")"));
        kv.add(new KeyValue("training data file", p.dataFile()));
        kv.add(new KeyValue("training data SHA-256", p.dataSha256()));
        kv.add(new KeyValue("rows read / rejected", Figures.count(p.rowsRead()) + " / " + Figures.count(p.rowsRejected())));
        kv.add(new KeyValue("train / test rows", Figures.count(p.trainRows()) + " / " + Figures.count(p.testRows())));
        kv.add(new KeyValue("split", p.split()));
        kv.add(new KeyValue("seed", Long.toString(p.seed())));
        kv.add(new KeyValue("missing tokens", model.missingValues().stream().map(t -> "\"" + t + "\"")
                .collect(Collectors.joining(", "))));
        kv.add(new KeyValue("unseen levels", model.unseen().configName()));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new KeyValueList(kv));
        if (!model.metrics().isEmpty()) {
            List<Table.Row> rows = new ArrayList<>();
            for (SplitMetrics m : model.metrics()) {
                rows.add(Table.Row.of(m.split(), Figures.count(m.rows()), Figures.count(m.events()), Figures.metric(m.auc()),
                        Figures.metric(m.ks()), Figures.metric(m.gini())));
            }
            blocks.add(new Table("Metrics recorded in the model file at training", List.of(Table.Column.left("split"),
                    Table.Column.right("rows"), Table.Column.right("events"), Table.Column.right("AUC"),
                    Table.Column.right("KS"), Table.Column.right("Gini")), rows));
        }
        return new Section(ids.fixed("provenance"), "Provenance", "Where the model comes from, to rebuild and audit it.",
                blocks, List.of(configuration(p)));
    }
}
