package dev.scorecard.train.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.model.Characteristic;
import dev.scorecard.core.model.ModelBin;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.GateResult;
import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.report.html.Document;
import dev.scorecard.train.report.html.HtmlRenderer;
import dev.scorecard.train.report.html.Section;
import dev.scorecard.core.data.NumericColumn;
import dev.scorecard.train.config.ConfigJson;
import dev.scorecard.train.config.ConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation report of a scorecard trained on German credit: its sections, numbers and verdicts. */
class EvaluationReportTest {
    private static final GermanCreditFixture F = GermanCreditFixture.get();

    @Test
    void trainReportHasEverySectionInOrder() {
        Document doc = EvaluationReport.build(F.trainInput(GermanCreditFixture.PASSING));

        assertThat(doc.sections()).extracting(Section::id).containsExactly("summary", "scorecard", "coefficients",
                "selection", "characteristics", "performance", "stability", "provenance");
        String html = HtmlRenderer.render(doc);
        assertThat(html).contains("<h1>Training report: germancredit</h1>", "<title>Training report: germancredit</title>",
                "<h2>Summary</h2>",
                "<h2>Scorecard points</h2>", "<h2>Coefficients</h2>", "<h2>Variable selection</h2>",
                "<h2>Characteristics</h2>", "<h2>Performance</h2>", "<h3>Performance on train</h3>",
                "<h3>Performance on test</h3>", "<h4>Discrimination (test)</h4>", "<h4>Gains and lift (test)</h4>",
                "<h4>Cut-off table (test)</h4>", "<h4>Cut-off table (train)</h4>",
                "<caption>Cut-off table (the largest KS flagged)</caption>",
                "<figcaption>KS by cut-off score: events and non-events captured (KS ",
                "<h4>Score distribution (test)</h4>", "<h4>Grades (test)</h4>", "<h4>Calibration (test)</h4>",
                "<h2>Stability</h2>", "<h2>Provenance</h2>", "<figcaption>ROC curve", "<figcaption>KS:",
                "<figcaption>Cumulative gains</figcaption>", "<figcaption>Lift by decile</figcaption>",
                "<figcaption>Score distribution by class</figcaption>",
                "<figcaption>Calibration: observed against predicted event rate</figcaption>",
                "Hosmer\u2013Lemeshow", "Brier score", F.model.provenance().dataSha256());
    }

    @Test
    void headlineNumbersAreTheEvaluationsWithFourDecimals() {
        String html = HtmlRenderer.render(EvaluationReport.build(F.trainInput(GermanCreditFixture.PASSING)));

        for (Evaluation e : List.of(F.trainEvaluation, F.testEvaluation)) {
            // the headline table row: name, rows, events, event rate, AUC, KS, KS at score, Gini
            assertThat(html).contains("<td class=\"l\">" + e.name() + "</td><td class=\"r\">" + e.rows() + "</td>"
                    + "<td class=\"r\">" + e.events() + "</td><td class=\"r\">" + pct(e.eventRate()) + "</td>"
                    + "<td class=\"r\">" + four(e.auc()) + "</td><td class=\"r\">" + four(e.ks().ks()) + "</td>");
            assertThat(html).contains("AUC " + four(e.auc()) + ", KS " + four(e.ks().ks()), "Gini " + four(e.gini()));
        }
        assertThat(html).contains("reaches AUC " + four(F.challenger.testAuc()), "for interpretability");
    }

    @Test
    void passingGatesShowAPassBanner() {
        String html = HtmlRenderer.render(EvaluationReport.build(F.trainInput(GermanCreditFixture.PASSING)));

        assertThat(html).contains("class=\"verdict verdict-pass\"",
                "<span class=\"verdict-word\">PASS</span>All 2 go-live gates passed on the test rows")
                .doesNotContain("class=\"verdict verdict-fail\"");
    }

    @Test
    void aFailedGateShowsAFailBannerNamingIt() {
        ReportInput input = F.trainInput(GermanCreditFixture.FAILING);
        GateResult auc = input.gates().get(0);
        assertThat(auc.passed()).isFalse();

        String html = HtmlRenderer.render(EvaluationReport.build(input));

        assertThat(html).contains("class=\"verdict verdict-fail\"", "<span class=\"verdict-word\">FAIL</span>",
                "<li>minAuc: " + four(auc.actual()) + " is below the minimum 0.9900</li>",
                "<tr class=\"st-fail\"><td class=\"l\">minAuc</td>");
        assertThat(EvaluationReport.describe(auc)).isEqualTo("minAuc: " + four(auc.actual())
                + " is below the minimum 0.9900");
    }

    @Test
    void everyCandidateVariableHasItsBinsAndCharts() {
        Document doc = EvaluationReport.build(F.trainInput(GermanCreditFixture.PASSING));
        Section characteristics = doc.sections().get(4);
        List<String> binned = F.outcome.binning().stream().filter(VariableResult::binned).map(VariableResult::variable)
                .toList();

        assertThat(characteristics.subsections()).extracting(Section::title).containsExactlyInAnyOrderElementsOf(binned);
        // the model's characteristics first, in model order
        List<String> modelNames = F.model.characteristics().stream().map(Characteristic::name).toList();
        assertThat(characteristics.subsections().subList(0, modelNames.size())).extracting(Section::title)
                .containsExactlyElementsOf(modelNames);
        for (Section s : characteristics.subsections()) {
            assertThat(s.id()).startsWith("var-");
            assertThat(s.blocks()).hasSize(3); // bins table, share and event rate, WOE
        }
    }

    @Test
    void pointsTableStartsWithTheBasePointsAndListsEveryBin() {
        String html = HtmlRenderer.render(EvaluationReport.build(F.trainInput(GermanCreditFixture.PASSING)));

        assertThat(html).contains("<td class=\"l\">(base points)</td><td class=\"l\"></td><td class=\"r\"></td>"
                + "<td class=\"r\"></td><td class=\"r\"></td><td class=\"r\">" + Figures.points(F.model.basePoints()) + "</td>");
        for (Characteristic c : F.model.characteristics()) {
            ModelBin b = c.bins().get(0);
            // Count, event rate and WOE of the training rows beside the points (issue 11).
            assertThat(html).contains("<td class=\"l\">" + c.name() + "</td><td class=\"l\">" + escape(b.label())
                    + "</td><td class=\"r\">" + Figures.count(b.count()) + "</td><td class=\"r\">"
                    + Figures.percent(b.eventRate()) + "</td><td class=\"r\">" + Figures.fixed(b.woe(), 4)
                    + "</td><td class=\"r\">" + Figures.points(b.points()) + "</td>");
        }
    }

    @Test
    void evaluateReportShowsTheModelsCharacteristicsAndNoSelection() {
        Document doc = EvaluationReport.build(F.evaluateInput());

        assertThat(doc.sections()).extracting(Section::id).containsExactly("summary", "scorecard", "coefficients",
                "characteristics", "performance", "stability", "provenance");
        assertThat(doc.sections().get(3).subsections()).extracting(Section::title)
                .containsExactlyElementsOf(F.model.characteristics().stream().map(Characteristic::name).toList());
        String html = HtmlRenderer.render(doc);
        assertThat(html).contains("No go-live gates are set", "<h3>Performance on test</h3>",
                "<h1>Evaluation report: " + F.model.name() + "</h1>")
                .doesNotContain("class=\"verdict ", "Variable selection", "Training report");
    }

    @Test
    void longSectionsFoldSoTheFirstScreenShowsTheSummary() {
        String html = HtmlRenderer.render(EvaluationReport.build(F.trainInput(GermanCreditFixture.PASSING)));

        // The contents list only the top level; each section's own entries fold under it.
        String toc = html.substring(html.indexOf("<nav class=\"toc\""), html.indexOf("</nav>"));
        assertThat(toc).contains("<li><details><summary><a href=\"#characteristics\">Characteristics</a> "
                + "<span class=\"count\">(" + F.outcome.binning().stream().filter(VariableResult::binned).count() + ")</span>");
        // characteristics, performance and its two evaluations, provenance
        assertThat(toc.split("<details>", -1)).hasSize(1 + 5);
        // Every variable's bins fold; of the performance, the training rows' fold and the test rows' stay open.
        for (Characteristic c : F.model.characteristics()) {
            assertThat(html).contains("<details class=\"fold\">\n<summary><h3>" + c.name() + "</h3></summary>");
        }
        assertThat(html).contains("<details class=\"fold\">\n<summary><h3>Performance on train</h3></summary>",
                "<section id=\"perf-test\">\n<h3>Performance on test</h3>\n",
                "<section id=\"summary\">\n<h2>Summary</h2>\n", "<section id=\"scorecard\">\n<h2>Scorecard points</h2>\n");
        // Printing unfolds them.
        assertThat(html).contains("@media print", "details::details-content{content-visibility:visible;display:block}");
    }

    @Test
    void categoricalVariablesHaveNoTrendOnlyAnOrder() {
        String html = HtmlRenderer.render(EvaluationReport.build(F.trainInput(GermanCreditFixture.PASSING)));

        VariableResult purpose = F.outcome.binning().stream().filter(v -> v.variable().equals("purpose")).findFirst()
                .orElseThrow();
        assertThat(purpose.binning().orElseThrow().trend().configName()).isEqualTo("ascending"); // by construction
        assertThat(html).contains("<td class=\"l\">purpose</td><td class=\"l\">categorical</td>")
                .contains("categorical, IV " + four(purpose.iv()) + ", " + purpose.binning().orElseThrow().bins().size()
                        + " bins, levels ordered by event rate.")
                .doesNotContain("<td class=\"l\">categorical</td><td class=\"r\">" + four(purpose.iv()) + "</td><td class=\"r\">"
                        + purpose.binning().orElseThrow().bins().size() + "</td><td class=\"l\">ascending");
        assertThat(html).contains("<td class=\"l\">numeric</td>").contains("event-rate trend ");
    }

    @Test
    void evaluateShowsEachBinsOwnEventRateBesideTraining() {
        String html = HtmlRenderer.render(EvaluationReport.build(F.evaluateInput()));

        Characteristic c = F.model.characteristics().stream()
                .filter(k -> k.type() == dev.scorecard.core.model.VariableType.NUMERIC).findFirst().orElseThrow();
        NumericColumn column = (NumericColumn) F.test.feature(c.name()).orElseThrow();
        assertThat(html).contains("<th scope=\"col\" class=\"r\">evaluated count</th><th scope=\"col\" class=\"r\">"
                + "evaluated event rate</th>", "the evaluated count and event rate are those of the test rows.");
        // Counted here from the raw test rows and the bins' [lower, upper) bounds, independently of the scorer.
        for (ModelBin b : c.bins()) {
            long n = 0;
            long events = 0;
            for (int i = 0; i < column.size(); i++) {
                double v = column.value(i);
                if (!column.isMissing(i) && v >= b.lower() && v < b.upper()) {
                    n++;
                    events += F.test.target().event(i);
                }
            }
            assertThat(html).as(b.label()).contains("<td class=\"r\">" + Figures.fixed(b.woe(), 4) + "</td><td class=\"r\">"
                    + Figures.count(n) + "</td><td class=\"r\">" + (n == 0 ? Figures.NONE
                            : Figures.percent((double) events / n)) + "</td>");
        }
        // The chart's two lines, in its legend.
        assertThat(html).contains(">training event rate (right axis)</text>", ">evaluated event rate (right axis)</text>");
    }

    @Test
    void thePrecisionRecallCurveAndAveragePrecisionAreShown() {
        String html = HtmlRenderer.render(EvaluationReport.build(F.trainInput(GermanCreditFixture.PASSING)));

        assertThat(html).contains("<figcaption>Precision\u2013recall curve (average precision "
                + four(F.testEvaluation.averagePrecision()) + ")</figcaption>", "Average precision "
                + four(F.testEvaluation.averagePrecision()) + ", against " + four(F.testEvaluation.eventRate()));
    }

    @Test
    void theEffectiveConfigurationIsYamlThatTrainReadsBack(@TempDir Path tmp) throws IOException {
        String html = HtmlRenderer.render(EvaluationReport.build(F.trainInput(GermanCreditFixture.PASSING)));

        int start = html.indexOf("<figcaption>config.yaml</figcaption>\n<pre>");
        assertThat(start).isPositive();
        String yaml = unescape(html.substring(html.indexOf("<pre>", start) + 5, html.indexOf("</pre>", start)));
        assertThat(yaml).startsWith("# The effective configuration of germancredit").contains("\ntarget: creditability\n");
        Path file = Files.writeString(tmp.resolve("config.yaml"), yaml);
        assertThat(ConfigJson.canonical(ConfigReader.read(file))).isEqualTo(F.model.provenance().config());
    }

    @Test
    void theSameInputGivesTheSamePage() {
        ReportInput input = F.trainInput(GermanCreditFixture.PASSING);

        assertThat(HtmlRenderer.render(EvaluationReport.build(input)))
                .isEqualTo(HtmlRenderer.render(EvaluationReport.build(input)));
    }

    private static String four(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
