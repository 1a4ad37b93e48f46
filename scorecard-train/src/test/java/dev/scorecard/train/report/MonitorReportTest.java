package dev.scorecard.train.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scorecard.core.model.VariableType;
import dev.scorecard.train.eval.CharacteristicDrift;
import dev.scorecard.train.eval.DriftLevel;
import dev.scorecard.train.eval.Stability;
import dev.scorecard.train.eval.StabilityReport;
import dev.scorecard.train.monitor.AlertOn;
import dev.scorecard.train.monitor.CandidateDrift;
import dev.scorecard.train.monitor.MonitorResult;
import dev.scorecard.train.monitor.NonModelDrift;
import dev.scorecard.train.monitor.Period;
import dev.scorecard.train.report.html.Document;
import dev.scorecard.train.report.html.HtmlRenderer;
import dev.scorecard.train.report.html.Section;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The monitoring report and its JSON on a stable and on a shifted German credit population. */
class MonitorReportTest {
    private static final GermanCreditFixture F = GermanCreditFixture.get();

    @Test
    void anAlertShowsAFailBannerNamingWhatDrifted() {
        MonitorResult shifted = F.shiftedMonitor();
        assertThat(shifted.worstLevel()).isEqualTo(DriftLevel.ALERT);
        assertThat(shifted.overall().scoreLevel()).isEqualTo(DriftLevel.ALERT);

        Document doc = MonitorReport.build(shifted, F.model);
        String html = HtmlRenderer.render(doc);

        assertThat(doc.sections()).extracting(Section::id).containsExactly("summary", "score", "characteristics",
                "non-model", "performance", "periods", "model");
        assertThat(html).contains("class=\"verdict verdict-fail\"", "<span class=\"verdict-word\">FAIL</span>Drift alert: score",
                "<li>ALERT: score PSI " + four(shifted.overall().scorePsi().value()) + "</li>",
                "<h2>Score stability</h2>", "<h2>Characteristic stability</h2>", "<h2>Performance against training</h2>",
                "<h2>Periods</h2>", "<figcaption>Score PSI and highest CSI per month</figcaption>",
                "<figcaption>Share of rows per baseline score bin: training vs current</figcaption>",
                "<td class=\"l\">2026-11</td>");
        for (CharacteristicDrift c : shifted.overall().characteristics()) {
            if (c.level() == DriftLevel.ALERT) {
                assertThat(html).contains("<li>ALERT: " + c.name() + " CSI " + four(c.csi().value()) + "</li>",
                        "<tr class=\"st-fail\"><td class=\"l\">" + c.name() + "</td>");
            }
            assertThat(html).contains("<h3>" + c.name() + "</h3>");
        }
        assertThat(html).contains("WOE per bin, training vs now"); // the target is known, so the WOE shift shows
    }

    @Test
    void aStablePopulationPasses() {
        MonitorResult stable = new MonitorResult("train.csv", F.train.rowCount(), 0, F.trainEvaluation.stability(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        assertThat(stable.worstLevel()).isEqualTo(DriftLevel.STABLE); // the training rows are the baseline

        Document doc = MonitorReport.build(stable, F.model);
        String html = HtmlRenderer.render(doc);

        assertThat(doc.sections()).extracting(Section::id).containsExactly("summary", "score", "characteristics",
                "non-model", "model");
        assertThat(html).contains("class=\"verdict verdict-pass\"", "Stable: no drift at or above the warning level (0.10)")
                .doesNotContain("class=\"verdict verdict-fail\"", "class=\"verdict verdict-warn\"");
    }

    @Test
    void jsonCarriesTheLevelPerformanceAndPeriods() throws IOException {
        MonitorResult shifted = F.shiftedMonitor();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonitorJson.write(shifted, F.model, out);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        MonitorJson.write(shifted, F.model, again);

        assertThat(out.toByteArray()).isEqualTo(again.toByteArray());
        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        assertThat(root.get("format").asText()).isEqualTo("scorecard-monitor");
        assertThat(root.get("level").asText()).isEqualTo("alert");
        assertThat(root.get("stability").get("scorePsi").doubleValue()).isEqualTo(shifted.overall().scorePsi().value());
        assertThat(root.get("stability").get("scoreLevel").asText()).isEqualTo("alert");
        assertThat(root.get("performance").get("auc").doubleValue()).isEqualTo(shifted.performance().get().auc());
        assertThat(root.get("byColumn").asText()).isEqualTo("month");
        assertThat(root.get("periods")).hasSize(2);
        assertThat(root.get("periods").get(1).get("label").asText()).isEqualTo("2026-11");
        assertThat(root.get("periods").get(1).get("level").asText()).isEqualTo("alert");
        JsonNode c0 = root.get("stability").get("characteristics").get(0);
        assertThat(c0.get("bins")).hasSize(F.model.characteristics().get(0).bins().size());
        assertThat(c0.get("bins").get(0).get("currentWoe").isNumber()).isTrue();
    }

    /** Issue 10, task 1a: a period alerting on a CSI shows its score PSI as stable, beside the CSI's alert. */
    @Test
    void aPeriodNamesTheMeasureThatRaisedItsLevel() throws IOException {
        StabilityReport stable = F.trainEvaluation.stability();
        StabilityReport csiAlert = new StabilityReport(stable.scorePsi(), stable.scoreLevel(),
                F.shiftedMonitor().overall().characteristics(), stable.thresholds());
        CharacteristicDrift worst = csiAlert.worstCharacteristic().orElseThrow();
        assertThat(csiAlert.scoreLevel()).isEqualTo(DriftLevel.STABLE);
        assertThat(worst.level()).isEqualTo(DriftLevel.ALERT);
        MonitorResult r = new MonitorResult("leads.csv", 1300, 0, stable, Optional.empty(), Optional.of("month"),
                Optional.empty(), List.of(new Period("2026-12", 300, csiAlert, Optional.empty())));

        String html = HtmlRenderer.render(MonitorReport.build(r, F.model));

        String psi = four(stable.scorePsi().value());
        String csi = worst.name() + " " + four(worst.csi().value());
        assertThat(html).contains("<li>ALERT in period 2026-12: score PSI " + psi + " (stable), highest CSI " + csi
                + " (ALERT)</li>", "<th scope=\"col\" class=\"l\">score level</th>",
                "<th scope=\"col\" class=\"l\">CSI level</th>", "<tr class=\"st-fail\"><td class=\"l\">2026-12</td>"
                        + "<td class=\"r\">300</td><td class=\"r\">" + psi + "</td><td class=\"l\">stable</td><td class=\"l\">"
                        + csi + "</td><td class=\"l\">ALERT</td></tr>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonitorJson.write(r, F.model, out);
        JsonNode p = new ObjectMapper().readTree(out.toByteArray()).get("periods").get(0);
        assertThat(p.get("level").asText()).isEqualTo("alert");
        assertThat(p.get("scoreLevel").asText()).isEqualTo("stable");
        assertThat(p.get("highestCsiCharacteristic").asText()).isEqualTo(worst.name());
        assertThat(p.get("highestCsiLevel").asText()).isEqualTo("alert");
    }

    /** Issue 10, task 1b: a --by column that is a characteristic is named as left out of the period CSI. */
    @Test
    void aByCharacteristicLeftOutOfThePeriodsIsSaidInTheReportAndItsJson() throws IOException {
        String by = F.model.characteristics().get(0).name();
        StabilityReport stable = F.trainEvaluation.stability();
        MonitorResult r = new MonitorResult("leads.csv", 1300, 0, stable, Optional.empty(), Optional.of(by),
                Optional.of(by), List.of(new Period("a", 300, stable.without(by), Optional.empty()),
                        new Period("b", 1000, stable.without(by), Optional.empty())));

        String html = HtmlRenderer.render(MonitorReport.build(r, F.model));

        assertThat(html).contains("2 values of " + by + " (" + by + " left out of their CSI)", "Note: " + by
                + " is a characteristic of the model, so it is left out of the CSI per period: each period holds only its"
                + " own values of it, which would make every period drift.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonitorJson.write(r, F.model, out);
        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        assertThat(root.get("leftOutOfPeriodCsi").asText()).isEqualTo(by);
        assertThat(root.get("periods").get(0).get("stability").get("characteristics"))
                .hasSize(F.model.characteristics().size() - 1);
        assertThat(root.get("stability").get("characteristics")).hasSize(F.model.characteristics().size());
    }

    @Test
    void onlyTheByColumnCanBeLeftOut() {
        StabilityReport stable = F.trainEvaluation.stability();
        assertThatThrownBy(() -> new MonitorResult("leads.csv", 1, 0, stable, Optional.empty(), Optional.of("month"),
                Optional.of("age"), List.of())).isInstanceOf(IllegalArgumentException.class).hasMessage(
                        "only the --by column can be left out of the period CSI, but it is month and the characteristic "
                                + "left out is age");
    }

    /**
     * Two variables outside the model: region alerts (CSI 0.3000290768874675, the hand calculation of
     * CandidateCountsTest), flag is stable (0.04054651081081643). Listed flag first: the record sorts.
     */
    private static NonModelDrift outside() {
        CandidateDrift region = new CandidateDrift("region", VariableType.CATEGORICAL,
                List.of("north", "south", "east | west | else"), List.of(0.5, 0.3, 0.2),
                Stability.psi(new double[] {0.5, 0.3, 0.2}, new double[] {0.25, 0.375, 0.375}), DriftLevel.ALERT, 0, 0.2,
                0, 0);
        CandidateDrift flag = new CandidateDrift("flag", VariableType.CATEGORICAL, List.of("y, Missing", "n"),
                List.of(0.4, 0.6), Stability.psi(new double[] {0.4, 0.6}, new double[] {0.5, 0.5}), DriftLevel.STABLE,
                Double.NaN, 0.2, 2, 0);
        return new NonModelDrift(List.of(flag, region), List.of("income"));
    }

    private static MonitorResult withOutside(AlertOn alertOn) {
        StabilityReport stable = F.trainEvaluation.stability();
        NonModelDrift period = outside().without("region");
        return new MonitorResult("leads.csv", 1300, 0, stable, Optional.empty(), Optional.of("month"), Optional.empty(),
                List.of(new Period("2026-12", 300, stable, Optional.empty(), Optional.of(period))), Optional.of(outside()),
                alertOn);
    }

    /** Issue 10: drift outside the model has its own section, and alerts only when asked to. */
    @Test
    void variablesOutsideTheModelHaveTheirOwnSectionByCsi() throws IOException {
        MonitorResult r = withOutside(AlertOn.MODEL);
        assertThat(r.worstLevel()).isEqualTo(DriftLevel.STABLE);
        assertThat(r.nonModelLevel()).isEqualTo(DriftLevel.ALERT);

        String html = HtmlRenderer.render(MonitorReport.build(r, F.model));

        assertThat(html).contains("class=\"verdict verdict-pass\"",
                "<li>ALERT: region CSI 0.3000 (not in the model; alerts only with --alert-on all)</li>",
                "<h2>Variables outside the model</h2>", "They count toward the alert only with --alert-on all. Not in the"
                        + " current file: income.",
                "<tr class=\"st-fail\"><td class=\"l\">region</td><td class=\"r\">0.3000</td><td class=\"l\">ALERT</td>"
                        + "<td class=\"r\">0.0%</td><td class=\"r\">20.0%</td><td class=\"r\">0</td><td class=\"r\">0</td></tr>",
                "<tr><td class=\"l\">flag</td><td class=\"r\">0.0405</td><td class=\"l\">stable</td><td class=\"r\">\u2014</td>",
                "<h3>region</h3>", "<caption>Bins of region: training vs now</caption>",
                "<dt>highest non-model CSI</dt><dd>region 0.3000 (ALERT)</dd>",
                "<th scope=\"col\" class=\"l\">highest non-model CSI</th>")
                .doesNotContain("<h3>flag</h3>");
        assertThat(html.indexOf("<td class=\"l\">region</td>")).isLessThan(html.indexOf("<td class=\"l\">flag</td>"));

        JsonNode root = json(r);
        assertThat(root.get("level").asText()).isEqualTo("stable");
        assertThat(root.get("alertOn").asText()).isEqualTo("model");
        JsonNode n = root.get("nonModel");
        assertThat(n.get("available").asBoolean()).isTrue();
        assertThat(n.get("note").isNull()).isTrue();
        assertThat(n.get("level").asText()).isEqualTo("alert");
        assertThat(n.get("absent").get(0).asText()).isEqualTo("income");
        JsonNode region = n.get("variables").get(0);
        assertThat(region.get("name").asText()).isEqualTo("region");
        assertThat(region.get("type").asText()).isEqualTo("categorical");
        assertThat(region.get("csi").doubleValue()).isEqualTo(outside().variables().get(0).csi().value());
        assertThat(region.get("level").asText()).isEqualTo("alert");
        assertThat(region.get("missingShare").doubleValue()).isEqualTo(0.2);
        assertThat(region.get("bins")).hasSize(3);
        assertThat(region.get("bins").get(2).get("expectedShare").doubleValue()).isEqualTo(0.2);
        assertThat(region.get("bins").get(2).get("actualShare").doubleValue()).isEqualTo(0.375);
        assertThat(n.get("variables").get(1).get("baselineMissingShare").isNull()).isTrue();
        JsonNode p = root.get("periods").get(0);
        assertThat(p.get("level").asText()).isEqualTo("stable");
        assertThat(p.get("highestNonModelCsiVariable").asText()).isEqualTo("flag");
        assertThat(p.get("highestNonModelCsi").doubleValue()).isEqualTo(0.04054651081081643, offset(1e-15));
        assertThat(p.get("highestNonModelCsiLevel").asText()).isEqualTo("stable");
        assertThat(p.get("nonModelCsi")).hasSize(1);
    }

    @Test
    void withAlertOnAllTheyAlertToo() throws IOException {
        MonitorResult r = withOutside(AlertOn.ALL);
        assertThat(r.worstLevel()).isEqualTo(DriftLevel.ALERT);
        String html = HtmlRenderer.render(MonitorReport.build(r, F.model));
        assertThat(html).contains("class=\"verdict verdict-fail\"", "Drift alert: region (non-model) at or above 0.25",
                "<li>ALERT: region CSI 0.3000</li>", "They count toward the alert (--alert-on all).");
        JsonNode root = json(r);
        assertThat(root.get("level").asText()).isEqualTo("alert");
        assertThat(root.get("alertOn").asText()).isEqualTo("all");
    }

    /** A model file written before candidate baselines were stored: the section says so, the JSON too. */
    @Test
    void withoutACandidateBaselineNonModelDriftIsUnavailable() throws IOException {
        MonitorResult r = new MonitorResult("train.csv", F.train.rowCount(), 0, F.trainEvaluation.stability(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        String html = HtmlRenderer.render(MonitorReport.build(r, F.model));
        assertThat(html).contains("<h2>Variables outside the model</h2>\n<p class=\"intro\">Non-model drift is unavailable"
                + " for this model: its file keeps no baseline of the variables it does not use (it was written before"
                + " scorecard stored one); retrain to get it.</p>",
                "<dt>highest non-model CSI</dt><dd>unavailable for this model (retrain to get it)</dd>");
        JsonNode n = json(r).get("nonModel");
        assertThat(n.get("available").asBoolean()).isFalse();
        assertThat(n.get("note").asText()).isEqualTo(MonitorResult.NON_MODEL_UNAVAILABLE);
        assertThat(n.get("level").isNull()).isTrue();
        assertThat(n.get("variables")).isEmpty();
    }

    private static JsonNode json(MonitorResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonitorJson.write(r, F.model, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private static String four(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
