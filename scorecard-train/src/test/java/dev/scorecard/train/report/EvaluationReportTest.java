package dev.scorecard.train.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scorecard.core.model.Characteristic;
import dev.scorecard.train.eval.Evaluation;
import dev.scorecard.train.eval.GateResult;
import dev.scorecard.train.binning.VariableResult;
import dev.scorecard.train.report.html.Document;
import dev.scorecard.train.report.html.HtmlRenderer;
import dev.scorecard.train.report.html.Section;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

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

        assertThat(html).contains("<td class=\"l\">(base points)</td><td class=\"l\"></td><td class=\"r\">"
                + Figures.points(F.model.basePoints()) + "</td>");
        for (Characteristic c : F.model.characteristics()) {
            assertThat(html).contains("<td class=\"l\">" + c.name() + "</td><td class=\"l\">"
                    + escape(c.bins().get(0).label()) + "</td><td class=\"r\">" + Figures.points(c.bins().get(0).points())
                    + "</td>");
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

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
